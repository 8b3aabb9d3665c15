import { headers } from "next/headers";
import { connection } from "next/server";
import { cache } from "react";
import { Forbidden, Unauthorized } from "@/lib/errors";
import type { Actor } from "./actor";
import { isAdmin, isStaff } from "./roles";
import { sessionTokenFrom, userForSessionToken } from "./session-lookup";

/**
 * The signed-in person, or null. Reads the database session once per request (revocation is
 * immediate); a layout and its page asking in the same render share that one lookup. When the
 * database cannot be reached this throws Unavailable rather than answering "signed out" (next-auth's
 * getServerSession would swallow the failure and return no session).
 */
export const currentUser = cache(async (): Promise<Actor | null> => {
  // Marks the page as per-request before anything reads configuration, so `next build` never
  // tries to prerender a signed-in page (and never needs a database to build).
  await connection();
  const token = sessionTokenFrom((await headers()).get("cookie"));
  return token ? userForSessionToken(token) : null;
});

export async function requireUser(): Promise<Actor> {
  const user = await currentUser();
  if (!user) throw Unauthorized();
  return user;
}

/** Every staff use case calls this itself, whatever the proxy already checked. */
export async function requireStaff(): Promise<Actor> {
  const user = await requireUser();
  if (!isStaff(user.role)) throw Forbidden("This area is for support staff.");
  return user;
}

export async function requireAdmin(): Promise<Actor> {
  const user = await requireUser();
  if (!isAdmin(user.role)) throw Forbidden("Only administrators can do this.");
  return user;
}
