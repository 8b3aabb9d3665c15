import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createIncident } from "./create-incident";
import { auditsFor, makeIncidentScenario } from "./incident-test-scenario";
import { postUpdate } from "./post-update";

async function openIncident() {
  const scenario = await makeIncidentScenario(2);
  const { id } = await createIncident({
    actor: scenario.staff,
    input: { title: scenario.title("Updates"), impact: "MAJOR", components: [{ componentId: scenario.components[0]!.id, status: "MAJOR_OUTAGE" }], status: "INVESTIGATING", body: "Looking." },
  });
  return { ...scenario, incidentId: id };
}

const incident = (id: number) => db.incident.findUniqueOrThrow({ where: { id }, select: { status: true, resolvedAt: true } });

describe("postUpdate (PostgreSQL)", () => {
  it("makes the incident's status follow its latest update: resolving, a further note, reopening", async () => {
    const { staff, incidentId, statuses } = await openIncident();
    await postUpdate({ actor: staff, input: { incidentId, status: "IDENTIFIED", body: "Found it." } });
    expect(await incident(incidentId)).toEqual({ status: "IDENTIFIED", resolvedAt: null });

    const resolved = await postUpdate({ actor: staff, input: { incidentId, status: "RESOLVED", body: "Fixed." } });
    expect(resolved.incidentStatus).toBe("RESOLVED");
    expect(await incident(incidentId)).toEqual({ status: "RESOLVED", resolvedAt: resolved.update.createdAt });
    expect(await statuses()).toEqual(["OPERATIONAL", "OPERATIONAL"]);

    await postUpdate({ actor: staff, input: { incidentId, status: "RESOLVED", body: "A note on what we found." } });
    expect(await incident(incidentId)).toEqual({ status: "RESOLVED", resolvedAt: resolved.update.createdAt });

    await postUpdate({ actor: staff, input: { incidentId, status: "INVESTIGATING", body: "It is back." } });
    expect(await incident(incidentId)).toEqual({ status: "INVESTIGATING", resolvedAt: null });
    expect(await statuses()).toEqual(["MAJOR_OUTAGE", "OPERATIONAL"]);
  });

  it("changes the affected services when asked, and audits the change with before and after", async () => {
    const { staff, incidentId, components, statuses } = await openIncident();
    const posted = await postUpdate({
      actor: staff,
      input: { incidentId, status: "MONITORING", body: "Partly back.", components: [{ componentId: components[1]!.id, status: "DEGRADED" }] },
    });
    expect(posted.componentsChanged).toBe(true);
    expect(await statuses()).toEqual(["OPERATIONAL", "DEGRADED"]);

    const [entry] = await auditsFor("IncidentUpdate", posted.update.id, "incident.update.posted");
    expect(entry).toMatchObject({
      actorId: staff.id,
      before: { incidentId, incidentStatus: "INVESTIGATING", components: [{ componentId: components[0]!.id, status: "MAJOR_OUTAGE" }] },
      after: {
        incidentId,
        status: "MONITORING",
        body: "Partly back.",
        incidentStatus: "MONITORING",
        components: [{ componentId: components[1]!.id, status: "DEGRADED" }],
        componentStatuses: [
          { componentId: components[0]!.id, from: "MAJOR_OUTAGE", to: "OPERATIONAL" },
          { componentId: components[1]!.id, from: "OPERATIONAL", to: "DEGRADED" },
        ],
      },
    });

    // The same services again are no change: the audit entry says nothing about them.
    const again = await postUpdate({ actor: staff, input: { incidentId, status: "MONITORING", body: "Still watching.", components: [{ componentId: components[1]!.id, status: "DEGRADED" }] } });
    expect(again.componentsChanged).toBe(false);
    const [second] = await auditsFor("IncidentUpdate", again.update.id);
    expect(second!.after).not.toHaveProperty("components");
  });

  it("keeps the newest update last when staff post at the same moment", async () => {
    const { staff, incidentId } = await openIncident();
    await Promise.all(["IDENTIFIED", "MONITORING", "IDENTIFIED", "RESOLVED"].map((status, i) => postUpdate({ actor: staff, input: { incidentId, status, body: `Update ${i}` } })));
    const latest = await db.incidentUpdate.findFirstOrThrow({ where: { incidentId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    const latestById = await db.incidentUpdate.findFirstOrThrow({ where: { incidentId }, orderBy: { id: "desc" } });
    expect(latest.id).toBe(latestById.id);
    expect((await incident(incidentId)).status).toBe(latest.status);
  });

  it("refuses a subscriber, an empty update, a missing incident, and writes nothing", async () => {
    const { staff, subscriber, incidentId } = await openIncident();
    await expect(postUpdate({ actor: subscriber, input: { incidentId, status: "RESOLVED", body: "Done." } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(postUpdate({ actor: staff, input: { incidentId, status: "RESOLVED", body: "" } })).rejects.toMatchObject({ code: "INVALID", details: { field: "body" } });
    await expect(postUpdate({ actor: staff, input: { incidentId, status: "FIXED", body: "Done." } })).rejects.toMatchObject({
      code: "INVALID",
      message: "Choose the status this update reports: investigating, identified, monitoring or resolved.",
      details: { field: "status" },
    });
    await expect(postUpdate({ actor: staff, input: { incidentId: 2_000_000_000, status: "RESOLVED", body: "Done." } })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That incident no longer exists. Reload the page.",
    });
    expect(await db.incidentUpdate.count({ where: { incidentId } })).toBe(1);
    expect((await incident(incidentId)).status).toBe("INVESTIGATING");
  });
});
