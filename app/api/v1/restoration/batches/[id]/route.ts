import { errorResponse } from "@/lib/errors";
import { getBatchOrThrow } from "@/lib/restoration/get-batch";
import { resolveImportSource } from "@/lib/restoration/resolve-import-source";

export const dynamic = "force-dynamic";

/** GET /api/v1/restoration/batches/{id}: a batch's status and counts. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const source = await resolveImportSource(request, { write: false });
    return Response.json(await getBatchOrThrow(source, Number((await params).id)), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
