import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createIncident } from "./create-incident";
import { auditsFor, makeIncidentScenario } from "./incident-test-scenario";
import { listStaffIncidents } from "./list-staff-incidents";

describe("createIncident (PostgreSQL)", () => {
  it("opens an incident with its services and first update; statuses are derived and the change audited", async () => {
    const { staff, components, statuses, title } = await makeIncidentScenario();
    const created = await createIncident({
      actor: staff,
      input: {
        title: title("Sync is failing"),
        impact: "MAJOR",
        components: [
          { componentId: components[0]!.id, status: "PARTIAL_OUTAGE" },
          { componentId: components[1]!.id, status: "DEGRADED" },
        ],
        status: "IDENTIFIED",
        body: "We found a **broken disk**.",
      },
    });
    expect(created.slug).toMatch(/^sync-is-failing-[0-9a-f]{8}$/);
    expect(created.status).toBe("IDENTIFIED");

    const incident = await db.incident.findUniqueOrThrow({ where: { id: created.id }, include: { updates: true, components: true } });
    expect(incident).toMatchObject({ status: "IDENTIFIED", resolvedAt: null, impact: "MAJOR" });
    expect(incident.updates).toEqual([expect.objectContaining({ status: "IDENTIFIED", body: "We found a **broken disk**.", authorId: staff.id })]);
    expect(await statuses()).toEqual(["PARTIAL_OUTAGE", "DEGRADED", "OPERATIONAL"]);

    const [entry] = await auditsFor("Incident", created.id, "incident.created");
    expect(entry).toMatchObject({
      actorId: staff.id,
      actorEmail: staff.email,
      before: null,
      after: {
        slug: created.slug,
        impact: "MAJOR",
        status: "IDENTIFIED",
        components: [
          { componentId: components[0]!.id, status: "PARTIAL_OUTAGE" },
          { componentId: components[1]!.id, status: "DEGRADED" },
        ],
        componentStatuses: [
          { componentId: components[0]!.id, from: "OPERATIONAL", to: "PARTIAL_OUTAGE" },
          { componentId: components[1]!.id, from: "OPERATIONAL", to: "DEGRADED" },
        ],
      },
    });

    const list = await listStaffIncidents({ actor: staff });
    expect(list.active.map((i) => i.id)).toContain(created.id);
    expect(list.resolved.items.map((i) => i.id)).not.toContain(created.id);
  });

  it("numbers the address when the title is taken, also when two are opened at the same moment", async () => {
    const { staff, components, title } = await makeIncidentScenario(1);
    const input = { title: title("Calendar outage"), impact: "MINOR", components: [{ componentId: components[0]!.id, status: "DEGRADED" }], status: "INVESTIGATING", body: "Looking into it." };
    const first = await createIncident({ actor: staff, input });
    const [second, third] = await Promise.all([createIncident({ actor: staff, input }), createIncident({ actor: staff, input })]);
    expect([second.slug, third.slug].sort()).toEqual([`${first.slug}-2`, `${first.slug}-3`]);
  });

  it("refuses bad input with a message that names the field, and writes nothing", async () => {
    const { staff, components, title } = await makeIncidentScenario(1);
    const good = { title: title("Refused"), impact: "MINOR", components: [{ componentId: components[0]!.id, status: "DEGRADED" }], status: "INVESTIGATING", body: "Text." };
    const refusal = (input: Record<string, unknown>) => createIncident({ actor: staff, input: { ...good, ...input } });

    await expect(refusal({ title: "  a " })).rejects.toMatchObject({ code: "INVALID", message: "Give the incident a title of at least 3 characters.", details: { field: "title" } });
    await expect(refusal({ impact: "APOCALYPTIC" })).rejects.toMatchObject({ code: "INVALID", message: "Choose the impact: none, minor, major or critical.", details: { field: "impact" } });
    await expect(refusal({ components: [] })).rejects.toMatchObject({ code: "INVALID", message: "Choose at least one affected service.", details: { field: "components" } });
    await expect(refusal({ components: [{ componentId: components[0]!.id, status: "MAINTENANCE" }] })).rejects.toMatchObject({ code: "INVALID", details: { field: "components.0.status" } });
    await expect(refusal({ components: [{ componentId: 2_000_000_000, status: "DEGRADED" }] })).rejects.toMatchObject({
      code: "INVALID",
      message: "One of the chosen services no longer exists. Reload the page and choose again.",
      details: { field: "components" },
    });
    await expect(refusal({ body: "   " })).rejects.toMatchObject({ code: "INVALID", message: "Write the update: what is happening and what subscribers should do.", details: { field: "body" } });
    expect(await db.incident.count({ where: { title: good.title } })).toBe(0);
  });

  it("refuses a subscriber before reading anything", async () => {
    const { subscriber, components, title } = await makeIncidentScenario(1);
    const input = { title: title("Not allowed"), impact: "MINOR", components: [{ componentId: components[0]!.id, status: "DEGRADED" }], status: "INVESTIGATING", body: "Text." };
    await expect(createIncident({ actor: subscriber, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listStaffIncidents({ actor: subscriber })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.incident.count({ where: { title: input.title } })).toBe(0);
  });
});
