import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";

export const BATCH_PAGE_SIZE = 20;

export const ListBatchesInput = z.object({
  incident: z.string().trim().min(1, "name the incident (its slug)").max(200),
  page: z.coerce.number().int().positive().catch(1),
});

/** An incident's import batches, newest first, page by page. Staff only. */
export async function listBatches({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only staff can see import batches.");
  const { incident: slug, page } = ListBatchesInput.parse(input);
  const incident = await db.incident.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } });
  if (!incident) throw NotFound(`There is no incident "${slug}".`);
  const [rows, total] = await Promise.all([
    db.importBatch.findMany({
      where: { incidentId: incident.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * BATCH_PAGE_SIZE,
      take: BATCH_PAGE_SIZE,
      // Not the error report itself: it can run to megabytes for a large rejected file.
      select: {
        id: true, filename: true, mode: true, status: true, totalRows: true, validRows: true, rejectedRows: true, staleRows: true,
        changedRows: true, durationMs: true, createdAt: true, createdBy: { select: { email: true } }, apiToken: { select: { name: true } },
      },
    }),
    db.importBatch.count({ where: { incidentId: incident.id } }),
  ]);
  const items = rows.map(({ createdBy, apiToken, ...batch }) => ({
    ...batch,
    uploadedBy: createdBy ? { kind: "staff" as const, label: createdBy.email } : apiToken ? { kind: "token" as const, label: apiToken.name } : null,
    // Same rule as the upload answer's errorReportUrl: a report exists for every rejected row or file.
    hasErrorReport: batch.status === "REJECTED" || batch.rejectedRows > 0,
  }));
  return { incident, items, page, pages: Math.max(1, Math.ceil(total / BATCH_PAGE_SIZE)), total };
}
