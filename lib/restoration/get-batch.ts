import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import type { ImportSource } from "./import-batch";

/** A batch's summary. Callers are already staff or holders of a valid token (see resolveImportSource). */
export async function getBatchOrThrow(_source: ImportSource, batchId: number) {
  const batch = Number.isInteger(batchId)
    ? await db.importBatch.findUnique({
        where: { id: batchId },
        select: {
          id: true, status: true, mode: true, filename: true, totalRows: true, validRows: true, rejectedRows: true, staleRows: true,
          changedRows: true, durationMs: true, createdAt: true, finishedAt: true, incident: { select: { slug: true } },
          createdBy: { select: { email: true } }, apiToken: { select: { name: true } },
        },
      })
    : null;
  if (!batch) throw NotFound("There is no import batch with that number.");
  return batch;
}

export async function getBatchErrorReportOrThrow(_source: ImportSource, batchId: number): Promise<string> {
  const batch = Number.isInteger(batchId) ? await db.importBatch.findUnique({ where: { id: batchId }, select: { errorReport: true } }) : null;
  if (!batch) throw NotFound("There is no import batch with that number.");
  return batch.errorReport ?? "line,subscriber_ref,category,error\n";
}
