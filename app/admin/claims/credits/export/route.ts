import { requireStaff } from "@/lib/auth/session";
import { exportServiceCredits, reexportServiceCredits, type CreditExport } from "@/lib/claims/export-service-credits";
import { isCrossSite } from "@/lib/security/cross-site";
import { errorResponse, Forbidden } from "@/lib/errors";

export const dynamic = "force-dynamic";

function download({ ref, count, csv }: CreditExport): Response {
  const name = ref ?? `service-credits-nothing-new-${new Date().toISOString().slice(0, 10)}`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Export-Rows": String(count),
    },
  });
}

/** A new export: every credit not exported yet, marked as exported in the same transaction. */
export async function POST(request: Request) {
  try {
    if (isCrossSite(request)) throw Forbidden("Exports can only be started from the Aftercare staff pages.");
    const actor = await requireStaff();
    return download(await exportServiceCredits({ actor }));
  } catch (error) {
    return errorResponse(error);
  }
}

/** An earlier export again, by its reference (`?ref=SC-…`): the same rows, nothing marked anew. */
export async function GET(request: Request) {
  try {
    const actor = await requireStaff();
    return download(await reexportServiceCredits({ actor, input: { ref: new URL(request.url).searchParams.get("ref") ?? "" } }));
  } catch (error) {
    return errorResponse(error);
  }
}
