import { pgPool, preparedName } from "@/lib/db";
import { Unavailable } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { readCookie } from "@/lib/http/cookies";
import { singleFlight } from "@/lib/single-flight";
import type { Actor } from "./actor";

/** next-auth's session cookie: the `__Secure-` name over https, the plain one otherwise. */
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export interface SessionAndUser {
  sessionId: string;
  userId: string;
  expires: Date;
  email: string;
  emailVerified: Date | null;
  name: string | null;
  image: string | null;
  role: Role;
}

/**
 * A database session and its user in one join. Every signed-in request starts here, so this is
 * one plain prepared query rather than the ORM's two; next-auth's adapter uses it too.
 */
export async function findSessionAndUser(sessionToken: string): Promise<SessionAndUser | null> {
  const { rows } = await pgPool().query<SessionAndUser>({
    name: preparedName("session-and-user"),
    text: `SELECT s.id AS "sessionId", s."userId", s.expires, u.email, u."emailVerified", u.name, u.image, u.role
     FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s."sessionToken" = $1`,
    values: [sessionToken],
  });
  return rows[0] ?? null;
}

/**
 * The same rule as userForSessionToken (a session with this token, not expired, and its user), as
 * a query for a statement that needs the person and more in one round trip. Rows: id, email, role.
 * `tokenParameter` is the statement's placeholder for the token, e.g. `$7`.
 */
export function sessionActorSql(tokenParameter: `$${number}`): string {
  return `SELECT u.id, u.email, u.role FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s."sessionToken" = ${tokenParameter} AND s.expires > now()`;
}

const lookupsInFlight = singleFlight<string, SessionAndUser | null>();

/**
 * The person behind a session token, or null when the session is missing, expired or revoked.
 * A lookup that fails throws Unavailable: "could not look it up" is never "no session", so it can
 * never send a signed-in person to the sign-in page. Requests of one session that arrive together
 * (a double tap) share one lookup.
 */
export async function userForSessionToken(sessionToken: string): Promise<Actor | null> {
  const { value: row } = await lookupsInFlight(sessionToken, () => findSessionAndUser(sessionToken)).catch((error: unknown) => {
    throw Unavailable(undefined, error);
  });
  if (!row || row.expires.getTime() <= Date.now()) return null;
  return { id: row.userId, email: row.email, role: row.role };
}

/** The session token a `Cookie` header carries, under either of next-auth's names. */
export function sessionTokenFrom(cookieHeader: string | null | undefined): string | undefined {
  return SESSION_COOKIES.map((name) => readCookie(cookieHeader, name)).find(Boolean);
}

/** The signed-in person of a plain Web request (route handlers that run outside Next.js's request scope). */
export async function userFromRequest(request: Request): Promise<Actor | null> {
  const token = sessionTokenFrom(request.headers.get("cookie"));
  return token ? userForSessionToken(token) : null;
}
