import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { importBatch } from "./import-batch";

const HEADER = "subscriber_ref,category,state,items_lost,items_recovered,items_restored,as_of";
let staff: Actor;
beforeAll(async () => {
  const user = await db.user.findUniqueOrThrow({ where: { email: "support@nimbus.example" } });
  staff = { id: user.id, email: user.email, role: user.role };
});

/** Its own incident and subscribers, so tests never see each other's rows. */
async function scenario(subscribers = 2) {
  const tag = randomUUID().slice(0, 8);
  const incident = await db.incident.create({ data: { slug: `integrity-test-${tag}`, title: `Integrity test ${tag}`, impact: "MAJOR", status: "RESOLVED" } });
  const refs = Array.from({ length: subscribers }, (_, i) => `I${tag}-${i}`);
  await db.user.createMany({ data: refs.map((ref) => ({ email: `${ref.toLowerCase()}@integrity.test`, accountRef: ref })) });
  return { slug: incident.slug, incidentId: incident.id, refs };
}

const run = (slug: string, body: string | Buffer | Buffer[], extra: Record<string, string> = {}) =>
  importBatch({
    source: { kind: "staff", actor: staff },
    input: { incident: slug, ...extra },
    body: Readable.from(Array.isArray(body) ? body : [typeof body === "string" ? Buffer.from(body) : body]),
  });

const csv = (...rows: string[]) => [HEADER, ...rows].join("\n") + "\n";

async function record(incidentId: number, ref: string, category = "contacts") {
  return db.restorationRecord.findFirst({ where: { incidentId, user: { accountRef: ref }, category: { slug: category } } });
}

const SAME_TIME = "(same subscriber, category and as_of, different content)";

describe("imports that cannot contradict themselves", () => {
  it("rejects two rows for one record and as-of time with different content, each naming the other, and applies the rest", async () => {
    const { slug, incidentId, refs } = await scenario();
    const file = csv(
      `${refs[0]},photos,RECOVERED,335,335,0,2026-11-10T10:00:00Z`,
      `${refs[1]},photos,AFFECTED,12,0,0,2026-11-10T10:00:00Z`,
      `${refs[0]},photos,UNRECOVERABLE,335,0,0,2026-11-10T10:00:00Z`,
    );
    const result = await run(slug, file, { mode: "APPLY_VALID" });
    expect(result).toMatchObject({ status: "APPLIED", totalRows: 3, validRows: 1, rejectedRows: 2, changedRows: 1, duplicateRows: 0 });
    expect(result.errors.map((e) => [e.line, e.error])).toEqual([
      [2, `contradicts line 4 ${SAME_TIME}`],
      [4, `contradicts line 2 ${SAME_TIME}`],
    ]);
    expect(await record(incidentId, refs[0]!, "photos")).toBeNull();
    expect(await record(incidentId, refs[1]!, "photos")).toMatchObject({ state: "AFFECTED", itemsLost: 12 });
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch.errorReport).toContain(`4,"${refs[0]}","photos","contradicts line 2`);
  });

  it("rejects the whole batch for contradicting rows by default, whatever order the rows come in", async () => {
    const { slug, incidentId, refs } = await scenario();
    await run(slug, csv(`${refs[0]},notes,AFFECTED,5,0,0,2026-11-09T00:00:00Z`));
    const result = await run(
      slug,
      csv(
        `${refs[0]},notes,UNRECOVERABLE,5,0,0,2026-11-11T00:00:00Z`,
        `${refs[1]},notes,AFFECTED,3,0,0,2026-11-11T00:00:00Z`,
        `${refs[0]},notes,RECOVERED,5,5,0,2026-11-10T00:00:00Z`,
        `${refs[0]},notes,RECOVERED,5,4,0,2026-11-11T00:00:00Z`,
        `${refs[0]},notes,UNRECOVERABLE,5,0,0,2026-11-11T00:00:00Z`,
      ),
    );
    expect(result).toMatchObject({ status: "REJECTED", rejectedRows: 4, changedRows: 0 });
    expect(result.errors.map((e) => [e.line, e.error])).toEqual([
      [2, `contradicts line 5 ${SAME_TIME}`],
      [4, "not applied: another row for this subscriber and category was rejected (line 2)"],
      [5, `contradicts lines 2, 6 ${SAME_TIME}`],
      [6, `contradicts line 5 ${SAME_TIME}`],
    ]);
    expect(await record(incidentId, refs[0]!, "notes")).toMatchObject({ state: "AFFECTED" });
    expect(await record(incidentId, refs[1]!, "notes")).toBeNull();
  });

  it("applies identical duplicate rows once and counts them, also when the batch is sent again", async () => {
    const { slug, incidentId, refs } = await scenario();
    const row = `${refs[0]},calendar,RECOVERED,40,40,0,2026-11-10T10:00:00Z`;
    const file = csv(`${refs[0]},calendar,AFFECTED,40,0,0,2026-11-09T10:00:00Z`, row, `${refs[1]},calendar,AFFECTED,2,0,0,2026-11-10T10:00:00Z`, row, row);
    const result = await run(slug, file);
    expect(result).toMatchObject({ status: "APPLIED", totalRows: 5, validRows: 5, rejectedRows: 0, staleRows: 0, duplicateRows: 2, changedRows: 2, errors: [] });
    expect(result.message).toBe("Applied: 2 records changed; 2 duplicate rows (identical to an earlier row) applied once.");
    expect(await record(incidentId, refs[0]!, "calendar")).toMatchObject({ state: "RECOVERED", itemsRecovered: 40 });
    const subscriber = await db.user.findUniqueOrThrow({ where: { accountRef: refs[0]! } });
    const events = await db.restorationEvent.findMany({ where: { batchId: result.batchId, userId: subscriber.id }, orderBy: { asOf: "asc" } });
    expect(events.map((e) => `${e.fromState}→${e.toState}`)).toEqual(["null→AFFECTED", "AFFECTED→RECOVERED"]);
    expect(await run(slug, file)).toMatchObject({ duplicate: true, batchId: result.batchId, duplicateRows: 2 });
    // Copies of a row older than the record are never applied: they count as stale, like the row.
    const late = await run(slug, csv(row, `${refs[1]},calendar,RECOVERED,2,2,0,2026-11-11T10:00:00Z`, row));
    expect(late).toMatchObject({ status: "APPLIED", staleRows: 2, duplicateRows: 0, changedRows: 1 });
  });

  it("answers a batch key sent again with a different file with a conflict naming the earlier batch, and applies none of it", async () => {
    const { slug, incidentId, refs } = await scenario();
    const first = await run(slug, csv(`${refs[0]},tasks,AFFECTED,4,0,0,2026-11-09T00:00:00Z`), { key: "nightly-7" });
    const different = csv(`${refs[0]},tasks,RECOVERED,4,4,0,2026-11-10T00:00:00Z`, `${refs[1]},tasks,AFFECTED,1,0,0,2026-11-10T00:00:00Z`);
    await expect(run(slug, different, { key: "nightly-7" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Idempotency key "nightly-7" was already used for batch #${first.batchId} with a different file; nothing was applied.`,
    });
    expect(await record(incidentId, refs[0]!, "tasks")).toMatchObject({ state: "AFFECTED" });
    expect(await record(incidentId, refs[1]!, "tasks")).toBeNull();
    expect(await db.importBatch.count({ where: { incidentId } })).toBe(1);
    // The file the key was used for is still an idempotent resend, and the other file goes in under a new key.
    expect(await run(slug, csv(`${refs[0]},tasks,AFFECTED,4,0,0,2026-11-09T00:00:00Z`), { key: "nightly-7" })).toMatchObject({ duplicate: true, batchId: first.batchId });
    expect(await run(slug, different, { key: "nightly-8" })).toMatchObject({ status: "APPLIED", changedRows: 2 });
  });

  it("names the line and byte of the first byte that is not UTF-8, in the result and the error report", async () => {
    const { slug, incidentId, refs } = await scenario();
    const good = Buffer.from(csv(`${refs[0]},contacts,AFFECTED,1,0,0,2026-11-09T00:00:00Z`, `${refs[1]},contacts,AFFECTED,1,0,0,2026-11-09T00:00:00Z`));
    const file = Buffer.concat([good, Buffer.from("Caf"), Buffer.from([0xe9]), Buffer.from(",contacts,AFFECTED,1,0,0,2026-11-09T00:00:00Z\n")]);
    const offset = good.length + 3;
    // Sent in pieces that split the file around the bad byte, as a network would.
    const result = await run(slug, [file.subarray(0, offset - 1), file.subarray(offset - 1, offset + 1), file.subarray(offset + 1)]);
    const reason = `line 4 (byte ${offset.toLocaleString("en-US")}): the file is not valid UTF-8 text. Save it as “CSV UTF-8” and upload it again.`;
    expect(result).toMatchObject({ status: "REJECTED", message: `Nothing was applied: ${reason}`, errors: [{ line: 4, error: reason }] });
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch.errorReport).toBe(`line,subscriber_ref,category,error\n4,"","","${reason}"\n`);
    expect(await db.restorationEvent.count({ where: { incidentId } })).toBe(0);
  });

  it("gives a file error the line it happened on whenever there is one", async () => {
    const { slug, refs } = await scenario();
    const unclosed = await run(slug, csv(`${refs[0]},contacts,AFFECTED,1,0,0,2026-11-09T00:00:00Z`, `${refs[1]},"contacts,AFFECTED,1,0,0,2026-11-09T00:00:00Z`));
    expect(unclosed.errors).toMatchObject([{ line: 3, error: expect.stringMatching(/quoted field starts on line 3/) }]);
    const header = await run(slug, "subscriber_ref,category\nA,contacts\n");
    expect(header.errors).toMatchObject([{ line: 1, error: expect.stringMatching(/header row is wrong/) }]);
  });

  it("judges a row after a rejected one from the record's last accepted state", async () => {
    const { slug, incidentId, refs } = await scenario();
    await run(slug, csv(`${refs[0]},contacts,AFFECTED,9,0,0,2026-11-09T00:00:00Z`));
    const result = await run(
      slug,
      csv(
        `${refs[0]},contacts,RESTORED,9,9,9,2026-11-10T00:00:00Z`,
        `${refs[0]},contacts,RECOVERED,9,9,0,2026-11-11T00:00:00Z`,
        `${refs[0]},contacts,PARTIAL,9,9,3,2026-11-12T00:00:00Z`,
        `${refs[1]},contacts,AFFECTED,2,0,0,2026-11-10T00:00:00Z`,
      ),
      { mode: "APPLY_VALID" },
    );
    // RESTORED was rejected, so RECOVERED moves from AFFECTED (allowed) and PARTIAL from RECOVERED (not).
    expect(result.errors.map((e) => [e.line, e.error])).toEqual([
      [2, "cannot go from AFFECTED to RESTORED: data must be VALIDATED before it is restored"],
      [3, "not applied: another row for this subscriber and category was rejected (line 2)"],
      [4, "cannot go from RECOVERED to PARTIAL: data must be VALIDATED before it is restored"],
    ]);
    expect(result).toMatchObject({ status: "APPLIED", rejectedRows: 3, changedRows: 1 });
    expect(await record(incidentId, refs[0]!)).toMatchObject({ state: "AFFECTED" });
  });

  it("lists every problem of a bad row, not only the first", async () => {
    const { slug, refs } = await scenario();
    const result = await run(slug, csv(`${refs[0]},contacts,DONE,9,x,0,2026-13-40`, `${refs[1]},contacts,AFFECTED,3,0,0,2026-11-09T00:00:00Z`));
    expect(result).toMatchObject({ status: "REJECTED", rejectedRows: 1 });
    expect(result.errors[0]).toMatchObject({ line: 2, ref: refs[0], category: "contacts" });
    expect(result.errors[0]!.error.split("; ")).toEqual([
      expect.stringMatching(/^unknown state "DONE"/),
      'items_recovered must be a whole number ≥ 0 (got "x")',
      expect.stringMatching(/^as_of must be an ISO 8601 time with a zone/),
    ]);
  });
});
