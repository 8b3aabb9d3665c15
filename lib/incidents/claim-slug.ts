import type { Tx } from "@/lib/db";
import { firstFreeSlug, slugify } from "./slug";

// Advisory-lock key space for slug allocation (the first of PostgreSQL's two 32-bit lock keys).
const SLUG_LOCK_SPACE = 4_207_001;

/**
 * A free address for a new incident or maintenance window, made from its title. Two created at
 * once with the same title wait for each other here, so they never both pick the same number.
 */
export async function claimSlug(tx: Tx, kind: "incident" | "maintenance", title: string): Promise<string> {
  const base = slugify(title, kind);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SLUG_LOCK_SPACE}::int, hashtext(${`${kind}:${base}`}))`;
  const where = { slug: { startsWith: base } };
  const taken = kind === "incident" ? await tx.incident.findMany({ where, select: { slug: true } }) : await tx.maintenance.findMany({ where, select: { slug: true } });
  return firstFreeSlug(base, taken.map((t) => t.slug));
}
