import { describe, expect, it } from "vitest";
import { db, txSql } from "@/lib/db";
import { makeScenario, makeUser } from "./staff-test-scenario";
import { recountPhaseProgress } from "./refresh-phase-progress";
import { transitionRecord } from "./transition-record";

async function affectedRecord() {
  const s = await makeScenario();
  const contacts = s.category("contacts");
  const key = { incidentId: s.incident.id, userId: s.subscriber.id, categoryId: contacts.id };
  const input = (extra: Record<string, unknown>) => ({ ...key, expectedState: "AFFECTED", itemsLost: 10, itemsRecovered: 0, itemsRestored: 0, note: "Checked with the recovery team.", ...extra });
  await transitionRecord({ actor: s.staff, input: input({ expectedState: "NONE", toState: "AFFECTED" }) });
  const record = () => db.restorationRecord.findUniqueOrThrow({ where: { incidentId_userId_categoryId: key } });
  const events = () => db.restorationEvent.findMany({ where: key, orderBy: { id: "asc" } });
  const audits = () => db.auditLog.findMany({ where: { entityType: "RestorationRecord", entityId: `${key.incidentId}:${key.userId}:${key.categoryId}` }, orderBy: { id: "asc" } });
  return { ...s, key, input, record, events, audits };
}

describe("transitionRecord (PostgreSQL)", () => {
  it("creates a missing record, then moves it on: record, STAFF event, phase progress and audit in one go", async () => {
    const s = await affectedRecord();
    expect(await s.record()).toMatchObject({ state: "AFFECTED", itemsLost: 10 });

    const result = await transitionRecord({ actor: s.staff, input: s.input({ toState: "RECOVERED", itemsRecovered: 9, note: "  Recovered from the second backup tape.  " }) });
    expect(result).toMatchObject({ fromState: "AFFECTED", state: "RECOVERED", itemsRecovered: 9 });
    const record = await s.record();
    expect(record).toMatchObject({ state: "RECOVERED", itemsLost: 10, itemsRecovered: 9, itemsRestored: 0 });
    expect(Date.now() - record.asOf.getTime()).toBeLessThan(60_000);

    const events = await s.events();
    expect(events.map((e) => [e.fromState, e.toState, e.source, e.actorId, e.note])).toEqual([
      [null, "AFFECTED", "STAFF", s.staff.id, "Checked with the recovery team."],
      ["AFFECTED", "RECOVERED", "STAFF", s.staff.id, "Recovered from the second backup tape."],
    ]);
    const phase = await db.restorationPhase.findFirstOrThrow({ where: { incidentId: s.incident.id, categoryId: s.key.categoryId } });
    expect(phase).toMatchObject({ affectedCount: 1, settledCount: 0 });

    const audits = await s.audits();
    expect(audits.map((a) => a.action)).toEqual(["restoration.record.created", "restoration.record.transitioned"]);
    expect(audits[1]).toMatchObject({ actorId: s.staff.id, before: { state: "AFFECTED", itemsRecovered: 0 }, after: { state: "RECOVERED", itemsRecovered: 9, note: "Recovered from the second backup tape." } });
  });

  it("keeps the phase's cached progress equal to a full recount", async () => {
    const s = await affectedRecord();
    await transitionRecord({ actor: s.staff, input: s.input({ toState: "UNRECOVERABLE", note: "Backup tape unreadable for this account." }) });
    const phase = await db.restorationPhase.findFirstOrThrow({ where: { incidentId: s.incident.id, categoryId: s.key.categoryId } });
    expect(phase).toMatchObject({ affectedCount: 1, settledCount: 1 });
    await db.$transaction((tx) => recountPhaseProgress(txSql(tx), s.incident.id));
    expect(await db.restorationPhase.findFirstOrThrow({ where: { id: phase.id } })).toMatchObject({ affectedCount: 1, settledCount: 1 });
  });

  it("refuses to mark data restored that was never validated, and changes nothing", async () => {
    const s = await affectedRecord();
    await expect(transitionRecord({ actor: s.staff, input: s.input({ toState: "RESTORED", itemsRecovered: 10, itemsRestored: 10 }) })).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringMatching(/cannot go from AFFECTED to RESTORED: data must be VALIDATED before it is restored/i),
    });
    await expect(transitionRecord({ actor: s.staff, input: { ...s.input({ toState: "RESTORING", itemsRecovered: 10, itemsRestored: 1 }), categoryId: s.category("calendar").id, expectedState: "NONE" } })).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringMatching(/cannot start as RESTORING/i),
    });
    expect(await s.record()).toMatchObject({ state: "AFFECTED", itemsRestored: 0 });
    expect(await s.events()).toHaveLength(1);
    expect(await s.audits()).toHaveLength(1);
  });

  it("requires a note of 5 to 500 characters", async () => {
    const s = await affectedRecord();
    for (const note of [undefined, "", "   ", " abc ", "x".repeat(501)]) {
      await expect(transitionRecord({ actor: s.staff, input: s.input({ toState: "RECOVERED", itemsRecovered: 10, note }) }), String(note)).rejects.toMatchObject({
        code: "INVALID",
        details: { field: "note" },
      });
    }
    expect(await s.record()).toMatchObject({ state: "AFFECTED" });
    expect(await s.events()).toHaveLength(1);
  });

  it("refuses counts that do not fit the state, and a change that changes nothing", async () => {
    const s = await affectedRecord();
    await expect(transitionRecord({ actor: s.staff, input: s.input({ toState: "RECOVERED", itemsRecovered: 11 }) })).rejects.toMatchObject({ code: "INVALID", message: "Items recovered cannot exceed items lost." });
    await expect(transitionRecord({ actor: s.staff, input: s.input({ toState: "RECOVERED", itemsRecovered: "" }) })).rejects.toMatchObject({ code: "INVALID", details: { field: "itemsRecovered" } });
    await expect(transitionRecord({ actor: s.staff, input: s.input({ toState: "AFFECTED" }) })).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("Nothing would change") });
    expect(await s.events()).toHaveLength(1);
  });

  it("refuses a change based on a stale view of the record", async () => {
    const s = await affectedRecord();
    await expect(transitionRecord({ actor: s.staff, input: s.input({ expectedState: "RECOVERED", toState: "VALIDATED", itemsRecovered: 10 }) })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(transitionRecord({ actor: s.staff, input: s.input({ expectedState: "NONE", toState: "RECOVERED", itemsRecovered: 10 }) })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await s.record()).toMatchObject({ state: "AFFECTED" });
  });

  it("refuses a subscriber, even one changing their own record, and writes nothing", async () => {
    const s = await affectedRecord();
    await expect(transitionRecord({ actor: s.subscriber, input: s.input({ toState: "RECOVERED", itemsRecovered: 10 }) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await s.record()).toMatchObject({ state: "AFFECTED" });
    expect(await s.events()).toHaveLength(1);
  });

  it("answers not found for a subscriber who does not exist", async () => {
    const s = await affectedRecord();
    const ghost = await makeUser("SUBSCRIBER");
    await db.user.delete({ where: { id: ghost.id } });
    await expect(transitionRecord({ actor: s.staff, input: { ...s.input({ toState: "AFFECTED", expectedState: "NONE" }), userId: ghost.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
