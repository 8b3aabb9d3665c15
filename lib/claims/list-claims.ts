import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ClaimStatus } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/parse-input";
import { normaliseClaimNumber } from "./claim-number";

/** Fraud signals for a set of claims, in plain words (lib/claims/fraud-signals.ts provides them). */
export type FraudSignalSource = (claimIds: number[]) => Promise<Map<number, { code: string; message: string }[]>>;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ListClaimsInput = z.object({
  status: z.preprocess(blankToUndefined, z.enum(ClaimStatus).optional()),
  offerId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
  flagged: z.preprocess(blankToUndefined, z.enum(["yes", "no"]).optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});

export const CLAIMS_PER_PAGE = 25;
/** Filtering on fraud signals looks at this many newest matching claims. */
const FLAGGED_SCAN_LIMIT = 2_000;

const CLAIM_FIELDS = {
  id: true,
  number: true,
  status: true,
  createdAt: true,
  giftCardEmail: true,
  decisionReason: true,
  ip: true,
  user: { select: { email: true, accountRef: true } },
  incident: { select: { title: true } },
  items: { select: { offer: { select: { id: true, title: true, kind: true } }, code: { select: { last4: true } } } },
} as const;

/** The staff review queue: newest first, filtered, searched, one page at a time, with fraud signals. */
export async function listClaims({ actor, input, fraudSignals }: { actor: Actor; input: unknown; fraudSignals?: FraudSignalSource }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can review claims.");
  const data = parseInput(ListClaimsInput, input);
  const where: Prisma.ClaimWhereInput = {
    ...(data.status ? { status: data.status } : {}),
    ...(data.offerId ? { items: { some: { offerId: data.offerId } } } : {}),
    ...(data.q
      ? {
          OR: [
            { number: normaliseClaimNumber(data.q) },
            { user: { email: { equals: data.q, mode: "insensitive" } } },
            { user: { accountRef: { equals: data.q, mode: "insensitive" } } },
            { giftCardEmail: data.q.toLowerCase() },
          ],
        }
      : {}),
  };
  const orderBy = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  let total: number;
  let claims;
  let signals = new Map<number, { code: string; message: string }[]>();
  if (data.flagged && fraudSignals) {
    const candidates = await db.claim.findMany({ where, orderBy, take: FLAGGED_SCAN_LIMIT, select: { id: true } });
    signals = await fraudSignals(candidates.map((c) => c.id));
    const wanted = candidates.filter((c) => ((signals.get(c.id)?.length ?? 0) > 0) === (data.flagged === "yes")).map((c) => c.id);
    total = wanted.length;
    const pageIds = wanted.slice((data.page - 1) * CLAIMS_PER_PAGE, data.page * CLAIMS_PER_PAGE);
    claims = await db.claim.findMany({ where: { id: { in: pageIds } }, orderBy, select: CLAIM_FIELDS });
  } else {
    [total, claims] = await Promise.all([
      db.claim.count({ where }),
      db.claim.findMany({ where, orderBy, skip: (data.page - 1) * CLAIMS_PER_PAGE, take: CLAIMS_PER_PAGE, select: CLAIM_FIELDS }),
    ]);
    if (fraudSignals && claims.length) signals = await fraudSignals(claims.map((c) => c.id));
  }
  const offers = await db.compensationOffer.findMany({
    where: { mode: "CLAIM" },
    orderBy: { id: "desc" },
    take: 100,
    select: { id: true, title: true, incident: { select: { title: true } } },
  });
  return {
    filters: data,
    total,
    pages: Math.max(1, Math.ceil(total / CLAIMS_PER_PAGE)),
    claims: claims.map((c) => ({ ...c, signals: signals.get(c.id) ?? [] })),
    offers,
    signalsAvailable: Boolean(fraudSignals),
  };
}
