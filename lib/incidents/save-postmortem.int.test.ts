import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createIncident } from "./create-incident";
import { auditsFor, makeIncidentScenario } from "./incident-test-scenario";
import { postUpdate } from "./post-update";
import { savePostmortem } from "./save-postmortem";

describe("savePostmortem (PostgreSQL)", () => {
  it("saves a draft, publishes once resolved, unpublishes keeping the text; each step audited", async () => {
    const { staff, components, title } = await makeIncidentScenario(1);
    const { id: incidentId } = await createIncident({
      actor: staff,
      input: { title: title("Postmortem"), impact: "MAJOR", components: [{ componentId: components[0]!.id, status: "DEGRADED" }], status: "INVESTIGATING", body: "Looking." },
    });
    const postmortem = () => db.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { postmortemBody: true, postmortemPublishedAt: true } });

    await savePostmortem({ actor: staff, input: { incidentId, body: "## What happened\nA disk failed.", intent: "save" } });
    expect(await postmortem()).toEqual({ postmortemBody: "## What happened\nA disk failed.", postmortemPublishedAt: null });

    await expect(savePostmortem({ actor: staff, input: { incidentId, body: "Final text.", intent: "publish" } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Resolve the incident before publishing its postmortem. You can save it as a draft until then.",
    });
    expect((await postmortem()).postmortemBody).toBe("## What happened\nA disk failed.");

    await postUpdate({ actor: staff, input: { incidentId, status: "RESOLVED", body: "Fixed." } });
    const published = await savePostmortem({ actor: staff, input: { incidentId, body: "Final text.", intent: "publish" } });
    expect(published).toMatchObject({ published: true, changed: true });
    const first = await postmortem();
    expect(first.postmortemBody).toBe("Final text.");
    expect(first.postmortemPublishedAt).toBeInstanceOf(Date);

    // Saving a published postmortem keeps it published, from the same date.
    await savePostmortem({ actor: staff, input: { incidentId, body: "Final text, corrected.", intent: "save" } });
    expect(await postmortem()).toEqual({ postmortemBody: "Final text, corrected.", postmortemPublishedAt: first.postmortemPublishedAt });
    await expect(savePostmortem({ actor: staff, input: { incidentId, body: "", intent: "save" } })).rejects.toMatchObject({ code: "INVALID", details: { field: "body" } });

    await savePostmortem({ actor: staff, input: { incidentId, body: "Final text, corrected.", intent: "unpublish" } });
    expect(await postmortem()).toEqual({ postmortemBody: "Final text, corrected.", postmortemPublishedAt: null });

    const entries = await auditsFor("Incident", incidentId);
    expect(entries.map((e) => e.action)).toEqual(["incident.created", "incident.postmortem.saved", "incident.postmortem.published", "incident.postmortem.saved", "incident.postmortem.unpublished"]);
    expect(entries[2]).toMatchObject({ before: { postmortemBody: "## What happened\nA disk failed.", postmortemPublishedAt: null }, after: { postmortemBody: "Final text." } });
  });

  it("refuses a subscriber and publishing nothing", async () => {
    const { staff, subscriber, components, title } = await makeIncidentScenario(1);
    const { id: incidentId } = await createIncident({
      actor: staff,
      input: { title: title("Postmortem refused"), impact: "MINOR", components: [{ componentId: components[0]!.id, status: "DEGRADED" }], status: "RESOLVED", body: "Over." },
    });
    await expect(savePostmortem({ actor: subscriber, input: { incidentId, body: "Mine now.", intent: "publish" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(savePostmortem({ actor: staff, input: { incidentId, body: "   ", intent: "publish" } })).rejects.toMatchObject({
      code: "INVALID",
      message: "Write the postmortem before publishing it.",
      details: { field: "body" },
    });
    expect(await db.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { postmortemBody: true } })).toEqual({ postmortemBody: null });
  });
});
