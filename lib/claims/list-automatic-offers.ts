import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";

/** Automatic offers still open or to come, with how many subscribers already have each, for the staff grant buttons. */
export async function listAutomaticOffers(actor: Actor) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can see offers.");
  return db.compensationOffer.findMany({
    where: { mode: "AUTOMATIC", OR: [{ closesAt: null }, { closesAt: { gt: new Date() } }] },
    orderBy: { id: "desc" },
    take: 20,
    select: { id: true, title: true, opensAt: true, closesAt: true, incident: { select: { title: true } }, _count: { select: { grants: true } } },
  });
}
