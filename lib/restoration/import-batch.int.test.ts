import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db, pgPool } from "@/lib/db";
import { expandRestorationBatch } from "@/lib/notifications/outbox/enqueue-restoration-emails";
import { importBatch } from "./import-batch";

const HEADER = "subscriber_ref,category,state,items_lost,items_recovered,items_restored,as_of";
let staff: Actor;
beforeAll(async () => {
  const user = await db.user.findUniqueOrThrow({ where: { email: "support@nimbus.example" } });
  staff = { id: user.id, email: user.email, role: user.role };
});

/** Its own incident and subscribers, so tests never see each other's rows. */
async function scenario(subscribers = 3) {
  const tag = randomUUID().slice(0, 8);
  // Resolved, so staff pages that default to the newest open incident keep showing the demo one.
  const incident = await db.incident.create({ data: { slug: `import-test-${tag}`, title: `Import test ${tag}`, impact: "MAJOR", status: "RESOLVED" } });
  const refs = Array.from({ length: subscribers }, (_, i) => `T${tag}-${i}`);
  await db.user.createMany({ data: refs.map((ref) => ({ email: `${ref.toLowerCase()}@import.test`, accountRef: ref })) });
  return { slug: incident.slug, incidentId: incident.id, refs };
}

const run = (slug: string, csv: string | Buffer, extra: Record<string, string> = {}) =>
  importBatch({ source: { kind: "staff", actor: staff }, input: { incident: slug, ...extra }, body: Readable.from([typeof csv === "string" ? Buffer.from(csv) : csv]) });

async function record(incidentId: number, ref: string, category = "contacts") {
  return db.restorationRecord.findFirst({ where: { incidentId, user: { accountRef: ref }, category: { slug: category } } });
}

describe("importBatch (PostgreSQL)", () => {
  it("applies a clean batch, writing one history event per change", async () => {
    const { slug, incidentId, refs } = await scenario();
    const result = await run(slug, [HEADER, `${refs[0]},contacts,AFFECTED,315,0,0,2026-11-10T10:00:00Z`, `${refs[1]},calendar,RECOVERED,40,40,0,2026-11-10T10:00:00Z`].join("\n"));
    expect(result).toMatchObject({ status: "APPLIED", totalRows: 2, validRows: 2, rejectedRows: 0, changedRows: 2 });
    expect(await record(incidentId, refs[0]!)).toMatchObject({ state: "AFFECTED", itemsLost: 315 });
    const events = await db.restorationEvent.findMany({ where: { incidentId, batchId: result.batchId } });
    expect(events.map((e) => e.toState).sort()).toEqual(["AFFECTED", "RECOVERED"]);
    expect(events.every((e) => e.source === "IMPORT" && e.fromState === null)).toBe(true);
  });

  it("walks a chain within one batch through the validation gate", async () => {
    const { slug, incidentId, refs } = await scenario();
    const rows = [
      `${refs[0]},contacts,RESTORED,10,10,10,2026-11-12T00:00:00Z`,
      `${refs[0]},contacts,AFFECTED,10,0,0,2026-11-09T00:00:00Z`,
      `${refs[0]},contacts,RECOVERED,10,10,0,2026-11-10T00:00:00Z`,
      `${refs[0]},contacts,VALIDATED,10,10,0,2026-11-11T00:00:00Z`,
    ];
    const result = await run(slug, [HEADER, ...rows].join("\r\n"));
    expect(result.status).toBe("APPLIED");
    expect(await record(incidentId, refs[0]!)).toMatchObject({ state: "RESTORED", itemsRestored: 10 });
    const events = await db.restorationEvent.findMany({ where: { batchId: result.batchId }, orderBy: { asOf: "asc" } });
    expect(events.map((e) => `${e.fromState}→${e.toState}`)).toEqual(["null→AFFECTED", "AFFECTED→RECOVERED", "RECOVERED→VALIDATED", "VALIDATED→RESTORED"]);
  });

  it("leaves one email job for the batch, which becomes one coalesced message per person with each category's newest state", async () => {
    const { slug, incidentId, refs } = await scenario(2);
    const rows = [
      `${refs[0]},contacts,VALIDATED,10,10,0,2026-11-11T00:00:00Z`,
      `${refs[0]},contacts,RESTORED,10,10,10,2026-11-12T00:00:00Z`,
      `${refs[0]},calendar,AFFECTED,4,0,0,2026-11-11T00:00:00Z`,
      `${refs[1]},notes,NOT_AFFECTED,0,0,0,2026-11-11T00:00:00Z`,
    ];
    const result = await run(slug, [HEADER, ...rows].join("\n"));
    const fanouts = await db.emailFanout.findMany({ where: { kind: "restoration-batch", subjectId: result.batchId } });
    expect(fanouts).toMatchObject([{ payload: { incidentId }, expandedAt: null }]);

    const client = await pgPool().connect();
    try {
      expect(await expandRestorationBatch(client, result.batchId, incidentId)).toBe(1);
    } finally {
      client.release();
    }
    const [first] = await db.user.findMany({ where: { accountRef: refs[0] } });
    const mails = await db.emailOutbox.findMany({ where: { eventRef: `restoration:${incidentId}` } });
    expect(mails).toMatchObject([{ userId: first!.id, template: "restoration.progress", status: "QUEUED", payload: { incidentId, changes: { contacts: "RESTORED", calendar: "AFFECTED" } } }]);
    expect(mails[0]!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("refuses to restore data that was never validated, and applies nothing by default", async () => {
    const { slug, incidentId, refs } = await scenario();
    await run(slug, `${HEADER}\n${refs[0]},contacts,AFFECTED,10,0,0,2026-11-09T00:00:00Z\n`);
    const result = await run(slug, [HEADER, `${refs[0]},contacts,RESTORED,10,10,10,2026-11-12T00:00:00Z`, `${refs[1]},contacts,AFFECTED,5,0,0,2026-11-12T00:00:00Z`].join("\n"));
    expect(result).toMatchObject({ status: "REJECTED", rejectedRows: 1, changedRows: 0 });
    expect(result.errors[0]).toMatchObject({ line: 2, ref: refs[0], category: "contacts" });
    expect(result.errors[0]?.error).toMatch(/cannot go from AFFECTED to RESTORED: data must be VALIDATED/);
    expect(await record(incidentId, refs[0]!)).toMatchObject({ state: "AFFECTED" });
    expect(await record(incidentId, refs[1]!)).toBeNull();
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch.errorReport).toContain('2,"' + refs[0] + '","contacts","cannot go from AFFECTED to RESTORED');
  });

  it("in apply-valid mode applies the rest and lists every rejected row", async () => {
    const { slug, incidentId, refs } = await scenario();
    const csv = [HEADER, `${refs[0]},contacts,AFFECTED,10,0,0,2026-11-09T00:00:00Z`, `NOPE-1,contacts,AFFECTED,1,0,0,2026-11-09T00:00:00Z`, `${refs[1]},music,AFFECTED,1,0,0,2026-11-09T00:00:00Z`].join("\n");
    const result = await run(slug, csv, { mode: "APPLY_VALID" });
    expect(result).toMatchObject({ status: "APPLIED", totalRows: 3, validRows: 1, rejectedRows: 2, changedRows: 1 });
    expect(result.errors.map((e) => [e.line, e.error.split(" (")[0]])).toEqual([[3, "unknown subscriber reference"], [4, 'unknown category "music"']]);
    expect(await record(incidentId, refs[0]!)).toMatchObject({ state: "AFFECTED" });
  });

  it("in apply-valid mode leaves a record untouched when any of its rows is rejected, whatever order they come in", async () => {
    const { slug, incidentId, refs } = await scenario();
    const csv = [
      HEADER,
      `${refs[0]},tasks,RESTORED,8,8,8,2026-11-12T00:00:00Z`,
      `${refs[1]},tasks,AFFECTED,2,0,0,2026-11-09T00:00:00Z`,
      `${refs[0]},tasks,AFFECTED,8,0,0,2026-11-09T00:00:00Z`,
      `${refs[0]},tasks,RESTORING,8,8,4,2026-11-10T00:00:00Z`,
    ].join("\n");
    const result = await run(slug, csv, { mode: "APPLY_VALID" });
    expect(result).toMatchObject({ status: "APPLIED", rejectedRows: 3, changedRows: 1 });
    // Line 2 is judged from AFFECTED (line 4), the last state the record could accept, not from rejected line 5.
    expect(result.errors.map((e) => [e.line, e.error])).toEqual([
      [2, "cannot go from AFFECTED to RESTORED: data must be VALIDATED before it is restored"],
      [4, "not applied: another row for this subscriber and category was rejected (line 2)"],
      [5, "cannot go from AFFECTED to RESTORING: data must be VALIDATED before it is restored"],
    ]);
    expect(await record(incidentId, refs[0]!, "tasks")).toBeNull();
    expect(await record(incidentId, refs[1]!, "tasks")).toMatchObject({ state: "AFFECTED", itemsLost: 2 });
  });

  it("is idempotent: the same file twice changes nothing the second time", async () => {
    const { slug, incidentId, refs } = await scenario();
    const csv = `${HEADER}\n${refs[0]},notes,AFFECTED,7,0,0,2026-11-09T00:00:00Z\n`;
    const first = await run(slug, csv);
    const second = await run(slug, csv);
    expect(second).toMatchObject({ duplicate: true, batchId: first.batchId, changedRows: 0 });
    expect(await db.restorationEvent.count({ where: { incidentId } })).toBe(1);
    const keyedCsv = `${HEADER}\n${refs[1]},notes,AFFECTED,7,0,0,2026-11-09T00:00:00Z\n`;
    const keyed = await run(slug, keyedCsv, { key: "pipeline-run-1" });
    expect(await run(slug, keyedCsv, { key: "pipeline-run-1" })).toMatchObject({ duplicate: true, batchId: keyed.batchId, changedRows: 0 });
  });

  it("never lets an older row overwrite a newer record", async () => {
    const { slug, incidentId, refs } = await scenario();
    await run(slug, `${HEADER}\n${refs[0]},photos,RECOVERED,50,50,0,2026-11-12T00:00:00Z\n`);
    const late = await run(slug, `${HEADER}\n${refs[0]},photos,AFFECTED,50,0,0,2026-11-10T00:00:00Z\n`);
    expect(late).toMatchObject({ status: "APPLIED", staleRows: 1, changedRows: 0 });
    expect(await record(incidentId, refs[0]!, "photos")).toMatchObject({ state: "RECOVERED" });
  });

  it("reads BOM, CRLF and quoted fields with commas", async () => {
    const { slug, incidentId, refs } = await scenario();
    const csv = `\uFEFF${HEADER}\r\n"${refs[0]}","high scores","Affected","3","0","0","2026-11-09T00:00:00Z"\r\n`;
    expect((await run(slug, csv)).status).toBe("APPLIED");
    expect(await record(incidentId, refs[0]!, "high-scores")).toMatchObject({ state: "AFFECTED" });
    const withComma = await run(slug, `${HEADER}\n"${refs[1]},x",contacts,AFFECTED,1,0,0,2026-11-09T00:00:00Z\n`);
    expect(withComma.errors[0]).toMatchObject({ ref: `${refs[1]},x`, error: "unknown subscriber reference" });
  });

  it.each([
    ["a missing column", `subscriber_ref,category,state\nX,contacts,AFFECTED\n`, /missing columns: items_lost/],
    ["invalid UTF-8", Buffer.concat([Buffer.from(`${HEADER}\nA,contacts,AFFECTED,1,0,0,2026-11-09T00:00:00Z,\xff`), Buffer.from([0xff, 0xfe, 0x41])]), /not valid UTF-8/],
    ["an empty file", "", /empty/],
    ["only a header", `${HEADER}\n`, /no data rows/],
  ])("rejects %s with a clear reason and applies nothing", async (_name, csv, reason) => {
    const { slug, incidentId } = await scenario();
    const result = await run(slug, csv);
    expect(result.status).toBe("REJECTED");
    expect(result.message).toMatch(reason);
    expect(await db.restorationEvent.count({ where: { incidentId } })).toBe(0);
  });

  it("rejects negative and inconsistent counts row by row", async () => {
    const { slug, refs } = await scenario();
    const result = await run(slug, [HEADER, `${refs[0]},contacts,AFFECTED,-1,0,0,2026-11-09T00:00:00Z`, `${refs[1]},contacts,RECOVERED,5,9,0,2026-11-09T00:00:00Z`].join("\n"));
    expect(result.errors.map((e) => e.error)).toEqual([expect.stringMatching(/items_lost must be a whole number/), "items recovered cannot exceed items lost"]);
  });

  it("refuses a 200 MB file with a clear reason, without reading all of it", async () => {
    const { slug, incidentId, refs } = await scenario();
    const row = Buffer.from(`${refs[0]},contacts,AFFECTED,1,0,0,2026-11-09T00:00:00Z\n`);
    const chunk = Buffer.concat([Buffer.from(`${HEADER}\n`), ...Array.from({ length: Math.floor((1024 * 1024) / row.length) }, () => row)]);
    let sent = 0;
    const body = new Readable({
      read() {
        sent += chunk.length;
        this.push(sent > 200 * 1024 * 1024 ? null : chunk);
      },
    });
    // A lower limit than production's keeps the test quick; the mechanism is the same.
    const result = await importBatch({ source: { kind: "staff", actor: staff }, input: { incident: slug }, body, maxBytes: 8 * 1024 * 1024 });
    expect(result.status).toBe("REJECTED");
    expect(result.message).toMatch(/larger than \d+ MB/);
    expect(sent).toBeLessThan(20 * 1024 * 1024);
    expect(await db.restorationEvent.count({ where: { incidentId } })).toBe(0);
  });

  it("only lets staff import", async () => {
    const { slug } = await scenario();
    await expect(importBatch({ source: { kind: "staff", actor: { ...staff, role: "SUBSCRIBER" } }, input: { incident: slug }, body: Readable.from([]) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("turns 20 concurrent uploads of one file into exactly one applied batch", async () => {
    const { slug, incidentId, refs } = await scenario();
    const csv = `${HEADER}\n${refs[0]},tasks,AFFECTED,4,0,0,2026-11-09T00:00:00Z\n`;
    const results = await Promise.all(Array.from({ length: 20 }, () => run(slug, csv)));
    expect(new Set(results.map((r) => r.batchId)).size).toBe(1);
    expect(await db.importBatch.count({ where: { incidentId, status: "APPLIED" } })).toBe(1);
    expect(await db.restorationEvent.count({ where: { incidentId } })).toBe(1);
  });

  it("updates records already on file in place and creates missing ones, in one batch", async () => {
    const { slug, incidentId, refs } = await scenario();
    await run(slug, `${HEADER}\n${refs[0]},notes,AFFECTED,7,0,0,2026-11-09T00:00:00Z\n`);
    const result = await run(slug, [HEADER, `${refs[0]},notes,RECOVERED,7,7,0,2026-11-10T00:00:00Z`, `${refs[1]},notes,AFFECTED,3,0,0,2026-11-10T00:00:00Z`].join("\n"));
    expect(result).toMatchObject({ status: "APPLIED", changedRows: 2 });
    expect(await record(incidentId, refs[0]!, "notes")).toMatchObject({ state: "RECOVERED", itemsRecovered: 7 });
    expect(await record(incidentId, refs[1]!, "notes")).toMatchObject({ state: "AFFECTED", itemsLost: 3 });
    expect(await db.restorationRecord.count({ where: { incidentId } })).toBe(2);
  });

  it("keeps history with its record: no event without a record, and erasing a subscriber takes their history too", async () => {
    const { slug, incidentId, refs } = await scenario();
    const result = await run(slug, `${HEADER}\n${refs[0]},photos,AFFECTED,12,0,0,2026-11-09T00:00:00Z\n`);
    const subscriber = await db.user.findUniqueOrThrow({ where: { accountRef: refs[0]! } });
    const orphan = { incidentId, userId: subscriber.id, categoryId: (await db.dataCategory.findUniqueOrThrow({ where: { slug: "tasks" } })).id };
    await expect(
      db.restorationEvent.create({ data: { ...orphan, toState: "AFFECTED", itemsLost: 1, itemsRecovered: 0, itemsRestored: 0, source: "IMPORT", asOf: new Date() } }),
    ).rejects.toThrow();
    expect(await db.restorationEvent.count({ where: { batchId: result.batchId } })).toBe(1);
    await db.user.delete({ where: { id: subscriber.id } });
    expect(await db.restorationEvent.count({ where: { batchId: result.batchId } })).toBe(0);
  });
});
