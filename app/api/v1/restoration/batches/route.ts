import { errorResponse, Invalid } from "@/lib/errors";
import { markPublicChange } from "@/lib/public/mark-public-change";
import { consumeImportAllowance } from "@/lib/restoration/import-allowance";
import { importBatch } from "@/lib/restoration/import-batch";
import { resolveImportSource } from "@/lib/restoration/resolve-import-source";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/restoration/batches?incident=<slug>&mode=all_or_nothing|apply_valid
 * Body: the CSV. Optional `Idempotency-Key` header. 201 applied, 200 already applied, 422 rejected,
 * 409 when the key was applied with a different file (the use case's Conflict, via errorResponse),
 * 429 with Retry-After when the token has sent IMPORT_LIMIT_PER_TOKEN imports in 15 minutes.
 */
export async function POST(request: Request) {
  try {
    const source = await resolveImportSource(request);
    if (source.kind === "token") await consumeImportAllowance(source.token);
    if (!request.body) throw Invalid("Send the CSV file as the request body.");
    const params = new URL(request.url).searchParams;
    const mode = (params.get("mode") ?? "all_or_nothing").toUpperCase().replace(/-/g, "_");
    const result = await importBatch({
      source,
      input: {
        incident: params.get("incident") ?? "",
        mode,
        key: request.headers.get("idempotency-key") ?? undefined,
        filename: params.get("filename") ?? undefined,
      },
      body: request.body,
    });
    // The incident's public progress, projection and status card read what this import changed.
    if (result.changedRows > 0) markPublicChange({ kind: "status", incidentSlugs: [params.get("incident") ?? ""] });
    const status = result.duplicate ? 200 : result.status === "APPLIED" ? 201 : 422;
    const errorReportUrl = result.status === "REJECTED" || result.rejectedRows > 0 ? `/api/v1/restoration/batches/${result.batchId}/errors` : null;
    return Response.json({ ...result, errorReportUrl }, { status, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
