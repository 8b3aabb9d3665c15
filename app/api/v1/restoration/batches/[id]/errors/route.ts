import { errorResponse } from "@/lib/errors";
import { getBatchErrorReportOrThrow } from "@/lib/restoration/get-batch";
import { resolveImportSource } from "@/lib/restoration/resolve-import-source";

export const dynamic = "force-dynamic";

/** The line-numbered error report of a batch, as a CSV download. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const source = await resolveImportSource(request, { write: false });
    const id = Number((await params).id);
    const report = await getBatchErrorReportOrThrow(source, id);
    return new Response(report, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="import-batch-${id}-errors.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
