import { Readable } from "node:stream";
import type { PoolClient } from "pg";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { applyEligibilityAfterImport } from "@/lib/claims/reevaluate-eligibility";
import { enqueueRestorationEmailsForBatch } from "@/lib/notifications/outbox/enqueue-restoration-emails";
import { pgPool, pgSql } from "@/lib/db";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import { recountPhaseProgress } from "./refresh-phase-progress";
import { buildErrorReport, CREATE_STAGING, mergeValid, REJECTED_ROWS, traceStep, validateStaged } from "./import-sql";
import { FileError, hashFile, stageFile } from "./stage-csv";

export const MAX_IMPORT_BYTES = Number(process.env.IMPORT_MAX_MB ?? 100) * 1024 * 1024;

export const ImportOptions = z.object({
  incident: z.string().trim().min(1, "name the incident (its slug)").max(200),
  key: z.string().trim().min(1).max(200).optional(),
  mode: z.enum(["ALL_OR_NOTHING", "APPLY_VALID"]).default("ALL_OR_NOTHING"),
  filename: z.string().trim().max(255).optional(),
});

export type ImportSource = { kind: "staff"; actor: Actor } | { kind: "token"; token: { id: number; name: string } };

export interface ImportError {
  line: number;
  ref: string | null;
  category: string | null;
  error: string;
}

export interface ImportResult {
  batchId: number;
  status: "APPLIED" | "REJECTED";
  duplicate: boolean;
  mode: "ALL_OR_NOTHING" | "APPLY_VALID";
  totalRows: number;
  validRows: number;
  rejectedRows: number;
  staleRows: number;
  /** Rows identical to an earlier row for the same record and as-of time: applied once. */
  duplicateRows: number;
  changedRows: number;
  durationMs: number;
  message: string;
  errors: ImportError[];
}

// Writers of restoration records take this lock per incident, so checks and merge see one state.
export const restorationLockKey = (incidentId: number) => 7_400_000_000 + incidentId;

/**
 * Imports restoration progress from CSV: streamed, validated row by row, staged with COPY and
 * merged with set-based SQL in one transaction. Idempotent by key or file content.
 */
export async function importBatch({
  source,
  input,
  body,
  maxBytes = MAX_IMPORT_BYTES,
}: {
  source: ImportSource;
  input: unknown;
  body: Readable | ReadableStream<Uint8Array>;
  maxBytes?: number;
}): Promise<ImportResult> {
  if (source.kind === "staff" && !isStaff(source.actor.role)) throw Forbidden("Only staff can import restoration progress.");
  const options = ImportOptions.parse(input);
  // The import path talks to PostgreSQL through pg only: one driver, and a batch worker that never
  // needs to load the ORM (whose client alone is ~90 MB of a process's memory).
  const incident = (await pgPool().query<{ id: number }>('SELECT id FROM "Incident" WHERE slug = $1', [options.incident])).rows[0];
  if (!incident) throw NotFound(`There is no incident "${options.incident}".`);
  const started = Date.now();
  const stream = body instanceof Readable ? body : Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);

  if (options.key) {
    // A key already applied needs only the file's hash to tell a resend from a different file.
    const existing = await findApplied(pgPool(), incident.id, { key: options.key });
    if (existing) return answerExisting(pgPool(), existing, options.key, await hashFile(stream, maxBytes));
  }

  const categoryRows = await pgPool().query<{ id: number; slug: string }>('SELECT id, slug FROM "DataCategory"');
  const categories = new Map(categoryRows.rows.map((c) => [c.slug, c.id]));
  const client = await pgPool().connect();
  let open = false;
  try {
    await client.query("BEGIN");
    open = true;
    await client.query(CREATE_STAGING);
    let sha256: string;
    try {
      sha256 = await traceStep("stage file", () => stageFile(client, stream, categories, maxBytes));
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      await client.query("ROLLBACK");
      open = false;
      return recordFileRejection(client, { incidentId: incident.id, source, options, message: error.message, line: error.line, started });
    }

    const duplicate = await findApplied(client, incident.id, { key: options.key ?? sha256, sha256 });
    if (duplicate) {
      await client.query("ROLLBACK");
      open = false;
      return answerExisting(client, duplicate, options.key, sha256);
    }

    await client.query("SELECT pg_advisory_xact_lock($1)", [restorationLockKey(incident.id)]);
    const counts = await validateStaged(client, incident.id);
    if (counts.totalRows === 0) {
      await client.query("ROLLBACK");
      open = false;
      return recordFileRejection(client, { incidentId: incident.id, source, options, message: "The file has a header but no data rows.", started });
    }
    const apply = counts.rejectedRows === 0 || options.mode === "APPLY_VALID";
    const status = apply ? "APPLIED" : "REJECTED";

    let batchId: number;
    try {
      await client.query("SAVEPOINT batch_row");
      batchId = await insertBatch(client, { incidentId: incident.id, source, options, key: options.key ?? sha256, sha256, status });
    } catch (error) {
      // Another upload of the same batch committed first: answer with its result.
      if ((error as { code?: string }).code !== "23505") throw error;
      await client.query("ROLLBACK");
      open = false;
      const winner = await findApplied(client, incident.id, { key: options.key ?? sha256, sha256 });
      if (!winner) throw error;
      return answerExisting(client, winner, options.key, sha256);
    }
    const changedRows = apply ? await mergeValid(client, incident.id, batchId) : 0;
    let offers = { granted: 0, notified: 0 };
    if (changedRows > 0) {
      await traceStep("phase progress and projection", () => recountPhaseProgress(pgSql(client), incident.id));
      // Everyone this batch wrote gets the automatic offers they now qualify for; the newly eligible are told.
      offers = await traceStep("eligibility", () => applyEligibilityAfterImport(client, incident.id));
      // Each person whose data changed state hears about it (coalesced with any pending news).
      await traceStep("email job", () => enqueueRestorationEmailsForBatch(client, batchId, incident.id));
    }
    const report = await buildErrorReport(client);
    const errors = await client.query<ImportError>(
      `${REJECTED_ROWS} ORDER BY e.line LIMIT 50`,
    );
    const durationMs = Date.now() - started;
    const validRows = counts.totalRows - counts.rejectedRows;
    await client.query(
      `UPDATE "ImportBatch" SET "totalRows" = $2, "validRows" = $3, "rejectedRows" = $4, "staleRows" = $5, "changedRows" = $6,
              "errorReport" = $7, "durationMs" = $8, "duplicateRows" = $9, "finishedAt" = now() WHERE id = $1`,
      [batchId, counts.totalRows, validRows, counts.rejectedRows, counts.staleRows, changedRows, report, durationMs, counts.duplicateRows],
    );
    await auditImport(client, source, batchId, { status, mode: options.mode, ...counts, changedRows, offersGranted: offers.granted, offerEmails: offers.notified });
    await traceStep("commit", () => client.query("COMMIT"));
    open = false;

    return {
      batchId,
      status,
      duplicate: false,
      mode: options.mode,
      totalRows: counts.totalRows,
      validRows,
      rejectedRows: counts.rejectedRows,
      staleRows: counts.staleRows,
      duplicateRows: counts.duplicateRows,
      changedRows,
      durationMs,
      errors: errors.rows,
      message: summary(status, options.mode, { ...counts, changedRows }),
    };
  } finally {
    if (open) await client.query("ROLLBACK").catch(() => {});
    client.release();
  }
}

function summary(status: string, mode: string, c: { rejectedRows: number; changedRows: number; staleRows: number; duplicateRows: number }): string {
  const rows = (n: number, what: string) => `${n.toLocaleString("en-US")} ${what}${n === 1 ? "" : "s"}`;
  if (status === "REJECTED") {
    return `Nothing was applied: ${rows(c.rejectedRows, "row")} failed the checks. Fix them and upload again, or choose "apply valid rows".`;
  }
  const parts = [`${rows(c.changedRows, "record")} changed`];
  if (c.staleRows) parts.push(`${rows(c.staleRows, "older row")} skipped (newer data already on file)`);
  if (c.duplicateRows) parts.push(`${rows(c.duplicateRows, "duplicate row")} (identical to an earlier row) applied once`);
  if (c.rejectedRows && mode === "APPLY_VALID") parts.push(`${rows(c.rejectedRows, "row")} rejected — see the error report`);
  return `Applied: ${parts.join("; ")}.`;
}

/** Runs on the caller's connection when it holds one: asking the pool for a second could deadlock. */
type Queryable = Pick<PoolClient, "query">;

type AppliedBatch = { id: number; key: string; contentSha256: string };

/** The applied batch with this key, else the first applied with this content. */
async function findApplied(db: Queryable, incidentId: number, by: { key: string; sha256?: string }): Promise<AppliedBatch | null> {
  const { rows } = await db.query<AppliedBatch>(
    `SELECT id, key, "contentSha256" FROM "ImportBatch"
     WHERE "incidentId" = $1 AND status = 'APPLIED' AND (key = $2 OR "contentSha256" = $3) ORDER BY key = $2 DESC, id LIMIT 1`,
    [incidentId, by.key, by.sha256 ?? null],
  );
  return rows[0] ?? null;
}

/** A resend of an applied batch answers with it; its key on a different file is a conflict. */
async function answerExisting(db: Queryable, batch: AppliedBatch, key: string | undefined, sha256: string): Promise<ImportResult> {
  if (key && batch.key === key && batch.contentSha256 !== sha256) {
    throw Conflict(`Idempotency key "${key}" was already used for batch #${batch.id} with a different file; nothing was applied.`);
  }
  return duplicateResult(db, batch.id);
}

async function duplicateResult(db: Queryable, batchId: number): Promise<ImportResult> {
  const { rows } = await db.query<{ mode: ImportResult["mode"]; totalRows: number; validRows: number; rejectedRows: number; staleRows: number; duplicateRows: number }>(
    'SELECT mode, "totalRows", "validRows", "rejectedRows", "staleRows", "duplicateRows" FROM "ImportBatch" WHERE id = $1',
    [batchId],
  );
  const batch = rows[0]!;
  return {
    batchId,
    status: "APPLIED",
    duplicate: true,
    mode: batch.mode,
    totalRows: batch.totalRows,
    validRows: batch.validRows,
    rejectedRows: batch.rejectedRows,
    staleRows: batch.staleRows,
    duplicateRows: batch.duplicateRows,
    changedRows: 0,
    durationMs: 0,
    errors: [],
    message: `This batch was already applied (batch #${batchId}); nothing changed this time.`,
  };
}

type BatchInsert = { incidentId: number; source: ImportSource; options: z.infer<typeof ImportOptions>; key: string; sha256: string; status: string };

async function insertBatch(client: PoolClient, b: BatchInsert): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO "ImportBatch" ("incidentId", key, "contentSha256", filename, mode, status, "createdById", "apiTokenId", "createdAt")
     VALUES ($1, $2, $3, $4, $5::"ImportMode", $6::"ImportStatus", $7, $8, now()) RETURNING id`,
    [b.incidentId, b.key, b.sha256, b.options.filename ?? null, b.options.mode, b.status, b.source.kind === "staff" ? b.source.actor.id : null, b.source.kind === "token" ? b.source.token.id : null],
  );
  return rows[0]!.id;
}

async function auditImport(client: PoolClient, source: ImportSource, batchId: number, after: Record<string, unknown>) {
  const actor = source.kind === "staff" ? { id: source.actor.id, email: source.actor.email } : { id: null, email: `api-token:${source.token.name}` };
  await client.query(
    `INSERT INTO "AuditLog" ("actorId", "actorEmail", action, "entityType", "entityId", after, "createdAt") VALUES ($1, $2, 'restoration.import', 'ImportBatch', $3, $4, now())`,
    [actor.id, actor.email, String(batchId), JSON.stringify(after)],
  );
}

/**
 * A file that could not be read at all is still recorded, with its reason, for the audit trail.
 * Uses the caller's connection (outside its rolled-back transaction), never a second one.
 */
async function recordFileRejection(
  client: PoolClient,
  r: { incidentId: number; source: ImportSource; options: z.infer<typeof ImportOptions>; message: string; line?: number; started: number },
): Promise<ImportResult> {
  try {
    // Line 0 stands for the file as a whole: a problem with no line of its own, such as its size.
    const line = r.line ?? 0;
    await client.query("BEGIN");
    const batchId = await insertBatch(client, { incidentId: r.incidentId, source: r.source, options: r.options, key: r.options.key ?? "unreadable-file", sha256: "", status: "REJECTED" });
    const durationMs = Date.now() - r.started;
    await client.query(`UPDATE "ImportBatch" SET "errorReport" = $2, "durationMs" = $3, "finishedAt" = now() WHERE id = $1`, [
      batchId,
      `line,subscriber_ref,category,error\n${line},"","","${r.message.replace(/"/g, '""')}"\n`,
      durationMs,
    ]);
    await auditImport(client, r.source, batchId, { status: "REJECTED", reason: r.message });
    await client.query("COMMIT");
    return { batchId, status: "REJECTED", duplicate: false, mode: r.options.mode, totalRows: 0, validRows: 0, rejectedRows: 0, staleRows: 0, duplicateRows: 0, changedRows: 0, durationMs, errors: [{ line, ref: null, category: null, error: r.message }], message: `Nothing was applied: ${r.message}` };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
