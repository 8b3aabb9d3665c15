import { requireStaff } from "@/lib/auth/session";
import { exportServiceCredits, reexportServiceCredits, type CreditExport } from "@/lib/claims/export-service-credits";
import { errorResponse, Forbidden } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** A request another site makes the browser send (Sec-Fetch-Site or a foreign Origin) may not export. */
function isCrossSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return true;
  }
}

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
