import { env } from "@/lib/env";
import { toAppError } from "@/lib/errors";
import { unsubscribeList } from "@/lib/notifications/subscriptions/unsubscribe-list";

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } as const;

async function oneClickValue(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const value = (await request.formData().catch(() => null))?.get("List-Unsubscribe");
    return typeof value === "string" ? value : null;
  }
  return new URLSearchParams(await request.text().catch(() => "")).get("List-Unsubscribe");
}

/**
 * RFC 8058 one-click unsubscribe, as mail providers send it: no cookies, no Origin, just the
 * signed token in the URL. So no cross-site check here: the token is the authority.
 */
export async function POST(request: Request): Promise<Response> {
  if ((await oneClickValue(request)) !== "One-Click") {
    return new Response("Send List-Unsubscribe=One-Click in the body to unsubscribe.\n", { status: 400, headers: TEXT });
  }
  const query = new URL(request.url).searchParams;
  try {
    await unsubscribeList({ token: query.get("token"), list: query.get("list") });
    return new Response("You are unsubscribed.\n", { status: 200, headers: TEXT });
  } catch (error) {
    const appError = toAppError(error);
    if (appError?.code === "INVALID") return new Response(`${appError.message}\n`, { status: 400, headers: TEXT });
    console.error(error);
    return new Response("Something went wrong on our side. Please try again.\n", { status: 500, headers: TEXT });
  }
}

/**
 * A person clicking the link (or a mail scanner fetching it) lands on the preferences page with
 * the list named; nothing changes until they press the button there.
 */
export async function GET(request: Request): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const token = query.get("token");
  const target = token ? `/preferences/${encodeURIComponent(token)}?list=${encodeURIComponent(query.get("list") ?? "")}` : "/preferences";
  return new Response(null, { status: 303, headers: { Location: new URL(target, env().NEXTAUTH_URL).toString(), "Cache-Control": "private, no-store" } });
}
