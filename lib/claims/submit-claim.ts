import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { sessionActorSql, userForSessionToken } from "@/lib/auth/session-lookup";
import { pgPool, preparedName } from "@/lib/db";
import type { EligibilityRule, OfferKind, OfferMode } from "@/lib/generated/prisma/enums";
import { Conflict, Forbidden, Invalid, toAppError, Unauthorized } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { singleFlight } from "@/lib/single-flight";
import { claimAllowance, enforceClaimAllowance } from "./claim-allowance";
import { newClaimNumber } from "./claim-number";
import { decideOneClaim } from "./decide-claims";
import { evaluateEligibility, type EligibilityRecord } from "./eligibility";
import type { FraudSignalSource } from "./list-claims";
import { windowState } from "./offer-window";

export const SubmitClaimInput = z.object({
  incidentId: z.coerce.number().int().positive(),
  offerIds: z
    .array(z.coerce.number().int().positive())
    .min(1, "Choose at least one offer.")
    .max(20)
    .transform((ids) => [...new Set(ids)]),
  giftCardEmail: z.string().trim().max(254, "That email address is too long.").optional().transform((v) => (v ? v.toLowerCase() : undefined)),
  attested: z.literal(true, { error: "Tick the box to confirm that the information is true." }),
  /** Generated when the form is rendered: every retry of one form carries the same key. */
  idempotencyKey: z.uuid({ error: "This form has expired. Reload the page and try again." }),
});

export type SubmitClaimResult = { number: string; created: boolean };

interface Context {
  /** With fraud signals available, an eligible claim with none is approved at once. */
  autoApprove?: FraudSignalSource;
  ip?: string | null;
  deviceId?: string | null;
  /** Runs follow-up work (the confirmation email) after the response, e.g. Next.js's after(). */
  afterResponse?: (task: () => Promise<void>) => void;
  now?: Date;
}

/**
 * A subscriber claims offers for one incident. A double click, a retry or many concurrent copies
 * of the same form produce one claim (the idempotency key); a second form is refused with the
 * number of the claim already made (the unique incident × subscriber key).
 */
export async function submitClaim({ actor, input, context = {} }: { actor: Actor; input: unknown; context?: Context }): Promise<SubmitClaimResult> {
  refuseNonSubscriber(actor);
  const data = parseInput(SubmitClaimInput, input);
  // Copies of one form that arrive together (a double tap, a retry racing the first try) share one
  // submission in this process; copies that reach other processes meet at the database's unique keys.
  const { value, shared } = await submissionsInFlight(`account ${actor.id} ${data.idempotencyKey}`, () => submit({ actor }, data, context));
  return shared ? { number: value.number, created: false } : value;
}

/**
 * The same use case for a request that carries only its session token (`POST /api/claims`): the
 * session is resolved in the statement that loads the submission's context, so a claim on the
 * busiest path costs two round trips rather than three. Answers exactly as submitClaim after a
 * session lookup would: signed out is Unauthorized and staff Forbidden, whatever the form says.
 */
export async function submitClaimWithSession({ sessionToken, input, context = {} }: { sessionToken: string; input: unknown; context?: Context }): Promise<SubmitClaimResult> {
  let data: z.output<typeof SubmitClaimInput>;
  try {
    data = parseInput(SubmitClaimInput, input);
  } catch (error) {
    const actor = await userForSessionToken(sessionToken);
    if (!actor) throw Unauthorized();
    refuseNonSubscriber(actor);
    throw error;
  }
  const { value, shared } = await submissionsInFlight(`session ${sessionToken} ${data.idempotencyKey}`, () => submit({ sessionToken }, data, context));
  return shared ? { number: value.number, created: false } : value;
}

function refuseNonSubscriber(actor: Actor): void {
  if (actor.role !== "SUBSCRIBER") throw Forbidden("Claims are made by subscribers from their own account.");
}

const submissionsInFlight = singleFlight<string, SubmitClaimResult>();

/** Who is claiming: a known account, or the session a request carries. */
type Claimant = { actor: Actor } | { sessionToken: string };

async function submit(claimant: Claimant, data: z.output<typeof SubmitClaimInput>, context: Context): Promise<SubmitClaimResult> {
  const now = context.now ?? new Date();
  // Copies sharing one submission count once: the count is taken with the submission's context.
  const allowance = claimAllowance();
  const { actor, attempts, replay, offers, records } = await loadSubmission(claimant, data, allowance);
  if (!actor) throw Unauthorized();
  refuseNonSubscriber(actor);
  await enforceClaimAllowance(attempts, allowance.window);
  if (replay) return replayResult(actor, replay);
  if (offers.length !== data.offerIds.length) throw Invalid("One of the chosen offers no longer exists. Reload the page.", { field: "offerIds" });
  const groups = new Set<string>();
  for (const offer of offers) {
    if (offer.mode !== "CLAIM") throw Invalid(`“${offer.title}” is applied automatically; there is nothing to claim.`, { field: "offerIds" });
    const window = windowState(offer, now);
    if (window === "CLOSED") throw Invalid(`The claim window for “${offer.title}” has closed, so it can no longer be claimed. Nothing was submitted.`, { field: "offerIds" });
    if (window === "NOT_OPEN") throw Invalid(`Claims for “${offer.title}” are not open yet. Nothing was submitted.`, { field: "offerIds" });
    const eligibility = evaluateEligibility(offer.eligibility, records);
    if (!eligibility.eligible) throw Invalid(`You are not eligible for “${offer.title}”: ${eligibility.reasons.join("; ")}.`, { field: "offerIds" });
    if (offer.exclusiveGroup) {
      if (groups.has(offer.exclusiveGroup)) throw Invalid("Some of these offers are alternatives: choose only one of them.", { field: "offerIds" });
      groups.add(offer.exclusiveGroup);
    }
  }
  const needsEmail = offers.some((o) => o.kind === "GIFT_CARD");
  if (needsEmail && !z.email().safeParse(data.giftCardEmail).success) {
    throw Invalid("Enter the email address the gift card should be sent to, such as name@example.com.", { field: "giftCardEmail" });
  }

  let created: { id: number; number: string };
  try {
    created = await insertClaim({ actor, data, offerIds: offers.map((o) => o.id), giftCardEmail: needsEmail ? (data.giftCardEmail ?? null) : null, now, context });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== "P2002" && code !== "23505") throw error;
    // A unique key was taken by a concurrent copy: the same form gets its claim back.
    const again = await findReplay(actor, data.idempotencyKey);
    if (again) return again;
    const { rows } = await pgPool().query<{ number: string }>(`SELECT number FROM "Claim" WHERE "incidentId" = $1 AND "userId" = $2`, [data.incidentId, actor.id]);
    if (rows[0]) throw Conflict(`You already claimed compensation for this incident: claim ${rows[0].number}.`);
    throw error;
  }
  const fraudSignals = context.autoApprove;
  const followUp = async () => {
    if (fraudSignals && offers.every((o) => o.autoApprove)) await autoApprove(created.id, fraudSignals);
  };
  if (context.afterResponse) context.afterResponse(followUp);
  else await followUp();
  return { number: created.number, created: true };
}

/**
 * The claim, its items and its audit entry in one statement (atomic on its own): submissions
 * arrive in bursts, and one round trip instead of a transaction's six keeps the pool free.
 */
async function insertClaim({ actor, data, offerIds, giftCardEmail, now, context }: { actor: Actor; data: z.output<typeof SubmitClaimInput>; offerIds: number[]; giftCardEmail: string | null; now: Date; context: Context }) {
  const { rows } = await pgPool().query<{ id: number; number: string }>({
    name: preparedName("claim-insert"),
    text: `WITH claim AS (
       INSERT INTO "Claim" (number, "incidentId", "userId", "giftCardEmail", "attestedAt", "idempotencyKey", ip, "deviceId", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()) RETURNING id, number, status, "giftCardEmail"
     ), items AS (
       INSERT INTO "ClaimItem" ("claimId", "offerId") SELECT claim.id, o FROM claim, unnest($9::int[]) o
     ), audit AS (
       INSERT INTO "AuditLog" ("actorId", "actorEmail", action, "entityType", "entityId", after, ip)
       SELECT $3, $10, 'claim.submitted', 'Claim', claim.id::text,
         jsonb_build_object('id', claim.id, 'number', claim.number, 'status', claim.status, 'giftCardEmail', claim."giftCardEmail", 'offerIds', to_jsonb($9::int[])), $7
       FROM claim
     ), email AS (
       INSERT INTO "EmailOutbox" ("dedupeKey", template, "toEmail", "userId", "eventRef", payload)
       SELECT 'claim:' || claim.number || ':submitted', 'claim.status', lower($10), $3, 'claim:' || claim.number,
         jsonb_build_object('kind', 'submitted', 'number', claim.number)
       FROM claim ON CONFLICT ("dedupeKey") DO NOTHING
     )
     SELECT id, number FROM claim`,
    values: [newClaimNumber(), data.incidentId, actor.id, giftCardEmail, now, data.idempotencyKey, context.ip ?? null, context.deviceId ?? null, offerIds, actor.email],
  });
  return rows[0]!;
}

/**
 * Eligibility was checked above and every offer claimed allows auto-approval (set per offer by
 * staff): when no fraud signal shows either, nobody needs to look at this claim.
 */
async function autoApprove(claimId: number, fraudSignals: FraudSignalSource): Promise<void> {
  const signals = await fraudSignals([claimId]);
  if ((signals.get(claimId)?.length ?? 0) > 0) return;
  try {
    await decideOneClaim(claimId, "APPROVE", "", null);
  } catch (error) {
    // Decided meanwhile by staff: their decision stands.
    if (toAppError(error)?.code !== "CONFLICT") throw error;
  }
}

type OfferRow = { id: number; title: string; kind: OfferKind; mode: OfferMode; eligibility: EligibilityRule; exclusiveGroup: string | null; opensAt: Date; closesAt: Date | null; autoApprove: boolean };

/**
 * The claimant (the account, or the session's when only a session token is known), the attempt
 * counted against a subscriber's allowance, and everything a submission is checked against — an
 * earlier use of the same form, the chosen offers, the subscriber's restoration records — in one
 * round trip: claims arrive in bursts when an offer opens, and each query waiting for a pooled
 * connection and its own commit was a large part of a request's time. No actor: the session is
 * missing or expired; nothing was counted.
 */
async function loadSubmission(claimant: Claimant, data: z.output<typeof SubmitClaimInput>, allowance: ReturnType<typeof claimAllowance>) {
  const { rows } = await pgPool().query<{ actor: Actor | null; attempts: number | null; replay: { number: string; userId: string } | null; offers: (Omit<OfferRow, "opensAt" | "closesAt"> & { opensAt: string; closesAt: string | null })[]; records: EligibilityRecord[] }>({
    name: preparedName("claim-submission-context"),
    text: `WITH actor AS (
       SELECT id, email, role FROM "User" WHERE id = $4
       UNION ALL
       ${sessionActorSql("$7")}
     ), attempt AS (
       INSERT INTO "RateLimit" ("key", "windowStart", "count") SELECT $5 || actor.id, $6, 1 FROM actor WHERE actor.role = 'SUBSCRIBER'
       ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
       RETURNING "count"
     )
     SELECT
       (SELECT json_build_object('id', id, 'email', email, 'role', role) FROM actor LIMIT 1) AS actor,
       (SELECT "count" FROM attempt) AS attempts,
       (SELECT json_build_object('number', number, 'userId', "userId") FROM "Claim" WHERE "idempotencyKey" = $1) AS replay,
       (SELECT coalesce(json_agg(json_build_object('id', id, 'title', title, 'kind', kind, 'mode', mode, 'eligibility', eligibility, 'exclusiveGroup', "exclusiveGroup",
                                                   'opensAt', "opensAt" AT TIME ZONE 'UTC', 'closesAt', "closesAt" AT TIME ZONE 'UTC', 'autoApprove', "autoApprove")), '[]')
          FROM "CompensationOffer" WHERE "incidentId" = $2 AND id = ANY($3::int[])) AS offers,
       (SELECT coalesce(json_agg(json_build_object('categoryName', c.name, 'state', r.state) ORDER BY c.position), '[]')
          FROM "RestorationRecord" r JOIN "DataCategory" c ON c.id = r."categoryId" WHERE r."incidentId" = $2 AND r."userId" = (SELECT id FROM actor LIMIT 1)) AS records`,
    values: [
      data.idempotencyKey,
      data.incidentId,
      data.offerIds,
      "actor" in claimant ? claimant.actor.id : null,
      allowance.keyPrefix,
      allowance.window.start,
      "sessionToken" in claimant ? claimant.sessionToken : null,
    ],
  });
  const row = rows[0]!;
  const offers: OfferRow[] = row.offers.map((o) => ({ ...o, opensAt: new Date(o.opensAt), closesAt: o.closesAt ? new Date(o.closesAt) : null }));
  return { actor: row.actor, attempts: Number(row.attempts ?? 0), replay: row.replay, offers, records: row.records };
}

function replayResult(actor: Actor, claim: { number: string; userId: string }): SubmitClaimResult {
  if (claim.userId !== actor.id) throw Conflict("This form was already used. Reload the page and try again.");
  return { number: claim.number, created: false };
}

async function findReplay(actor: Actor, idempotencyKey: string): Promise<SubmitClaimResult | null> {
  const { rows } = await pgPool().query<{ number: string; userId: string }>(`SELECT number, "userId" FROM "Claim" WHERE "idempotencyKey" = $1`, [idempotencyKey]);
  return rows[0] ? replayResult(actor, rows[0]) : null;
}
