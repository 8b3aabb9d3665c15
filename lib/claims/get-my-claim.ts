import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { normaliseClaimNumber } from "./claim-number";

/** One of the signed-in subscriber's claims. Someone else's number is simply not found. */
export async function getMyClaim(actor: Actor, number: string) {
  const claim = await db.claim.findFirst({
    where: { number: normaliseClaimNumber(number), userId: actor.id },
    select: {
      id: true,
      number: true,
      status: true,
      giftCardEmail: true,
      decisionReason: true,
      createdAt: true,
      decidedAt: true,
      fulfilledAt: true,
      incident: { select: { slug: true, title: true } },
      items: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          offer: { select: { title: true, kind: true, months: true, valueCents: true, currency: true } },
          code: { select: { last4: true, assignedAt: true } },
          credit: { select: { months: true, exportedAt: true } },
        },
      },
    },
  });
  if (!claim) throw NotFound("We could not find that claim on your account.");
  return claim;
}

export type MyClaim = Awaited<ReturnType<typeof getMyClaim>>;
