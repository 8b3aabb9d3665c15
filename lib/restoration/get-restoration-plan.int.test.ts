import { describe, expect, it } from "vitest";
import { getRestorationPlan } from "./get-restoration-plan";
import { makeScenario, makeUser } from "./staff-test-scenario";

describe("getRestorationPlan (PostgreSQL)", () => {
  it("lists an incident's phases in plan order with their cached progress", async () => {
    const { staff, incident } = await makeScenario();
    const plan = await getRestorationPlan({ actor: staff, input: { incident: incident.slug } });
    expect(plan.incident?.id).toBe(incident.id);
    expect(plan.phases.map((p) => [p.category.slug, p.state, p.affectedCount, p.settledCount])).toEqual([
      ["contacts", "NOT_STARTED", 0, 0],
      ["calendar", "NOT_STARTED", 0, 0],
      ["notes", "NOT_STARTED", 0, 0],
    ]);
    expect(plan.incidents.map((i) => i.slug)).toContain(incident.slug);
  });

  it("defaults to an open incident that has a plan", async () => {
    const staff = await makeUser("SUPPORT");
    const plan = await getRestorationPlan({ actor: staff, input: {} });
    expect(plan.incident?.status).not.toBe("RESOLVED");
    expect(plan.phases.length).toBeGreaterThan(0);
  });

  it("answers not found for an unknown incident and refuses a subscriber", async () => {
    const staff = await makeUser("SUPPORT");
    await expect(getRestorationPlan({ actor: staff, input: { incident: "no-such-incident" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const subscriber = await makeUser("SUBSCRIBER");
    await expect(getRestorationPlan({ actor: subscriber, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
