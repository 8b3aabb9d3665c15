import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createIncident } from "./create-incident";
import { editIncident } from "./edit-incident";
import { editUpdate } from "./edit-update";
import { getStaffIncident } from "./get-staff-incident";
import { auditsFor, makeIncidentScenario } from "./incident-test-scenario";

async function openIncident() {
  const scenario = await makeIncidentScenario(2);
  const created = await createIncident({
    actor: scenario.staff,
    input: { title: scenario.title("Editable"), impact: "MINOR", components: [{ componentId: scenario.components[0]!.id, status: "DEGRADED" }], status: "INVESTIGATING", body: "Fist update." },
  });
  return { ...scenario, ...created };
}

describe("editIncident (PostgreSQL)", () => {
  it("corrects title, impact and services; the address stays; audited with before and after", async () => {
    const { staff, id, slug, components, statuses, title } = await openIncident();
    const input = { incidentId: id, title: title("Renamed"), impact: "CRITICAL", components: [{ componentId: components[1]!.id, status: "MAJOR_OUTAGE" }] };
    expect(await editIncident({ actor: staff, input })).toEqual({ slug, changed: true });
    expect(await db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({ slug, title: input.title, impact: "CRITICAL" });
    expect(await statuses()).toEqual(["OPERATIONAL", "MAJOR_OUTAGE"]);

    const [entry] = await auditsFor("Incident", id, "incident.edited");
    expect(entry).toMatchObject({
      actorId: staff.id,
      before: { title: title("Editable"), impact: "MINOR", components: [{ componentId: components[0]!.id, status: "DEGRADED" }] },
      after: { title: input.title, impact: "CRITICAL", components: input.components },
    });

    expect(await editIncident({ actor: staff, input })).toEqual({ slug, changed: false });
    expect(await auditsFor("Incident", id, "incident.edited")).toHaveLength(1);
  });

  it("refuses a subscriber and an incident without services", async () => {
    const { staff, subscriber, id, components } = await openIncident();
    const input = { incidentId: id, title: "Hijacked", impact: "NONE", components: [{ componentId: components[0]!.id, status: "DEGRADED" }] };
    await expect(editIncident({ actor: subscriber, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(editIncident({ actor: staff, input: { ...input, components: [] } })).rejects.toMatchObject({ code: "INVALID", details: { field: "components" } });
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).title).not.toBe("Hijacked");
  });
});

describe("editUpdate (PostgreSQL)", () => {
  it("corrects an update's text and keeps who corrected it and when; the status and time stay", async () => {
    const { staff, id } = await openIncident();
    const [update] = await db.incidentUpdate.findMany({ where: { incidentId: id } });
    const editor = (await makeIncidentScenario(0)).staff;
    await editUpdate({ actor: editor, input: { updateId: update!.id, body: "First update." } });

    const after = await db.incidentUpdate.findUniqueOrThrow({ where: { id: update!.id } });
    expect(after).toMatchObject({ body: "First update.", status: update!.status, createdAt: update!.createdAt, authorId: staff.id, editedById: editor.id });
    expect(after.editedAt).toBeInstanceOf(Date);

    const detail = await getStaffIncident({ actor: staff, id });
    expect(detail.updates[0]).toMatchObject({ body: "First update.", author: { email: staff.email }, editedBy: { email: editor.email } });

    const [entry] = await auditsFor("IncidentUpdate", update!.id, "incident.update.edited");
    expect(entry).toMatchObject({ actorId: editor.id, before: { body: "Fist update.", editedAt: null }, after: { incidentId: id, body: "First update.", editedById: editor.id } });
  });

  it("refuses a subscriber, an empty text and an update that is gone", async () => {
    const { staff, subscriber, id } = await openIncident();
    const [update] = await db.incidentUpdate.findMany({ where: { incidentId: id } });
    await expect(editUpdate({ actor: subscriber, input: { updateId: update!.id, body: "Changed." } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(editUpdate({ actor: staff, input: { updateId: update!.id, body: " " } })).rejects.toMatchObject({ code: "INVALID", details: { field: "body" } });
    await expect(editUpdate({ actor: staff, input: { updateId: 2_000_000_000, body: "Changed." } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.incidentUpdate.findUniqueOrThrow({ where: { id: update!.id } })).body).toBe("Fist update.");
  });
});
