import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { reevaluateEligibility } from "@/lib/claims/reevaluate-eligibility";
import { enqueueRestorationEmail } from "@/lib/notifications/outbox/enqueue-restoration-emails";
import { db, txSql } from "@/lib/db";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/errors";
import { RestorationState } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/parse-input";
import { lockRestorationRecords } from "./lock-restoration";
import { adjustPhaseProgress } from "./refresh-phase-progress";
import { checkCounts, checkTransition } from "./transitions";

const Count = (what: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ error: `Enter the number of ${what}.` })
      .int(`The number of ${what} must be a whole number.`)
      .min(0, `The number of ${what} cannot be negative.`)
      .max(100_000_000, `The number of ${what} is too large.`),
  );

export const TransitionRecordInput = z.object({
  userId: z.string().min(1).max(100),
  incidentId: z.coerce.number().int().positive(),
  categoryId: z.coerce.number().int().positive(),
  /** The state the person saw ("NONE": no record yet); a record changed meanwhile is refused. */
  expectedState: z.enum([...Object.values(RestorationState), "NONE"]).transform((v) => (v === "NONE" ? null : v)),
  toState: z.enum(RestorationState, { error: "Choose the new state." }),
  itemsLost: Count("items lost"),
  itemsRecovered: Count("items recovered"),
  itemsRestored: Count("items restored"),
  note: z
    .string({ error: "Write a note saying why you are changing this record." })
    .trim()
    .min(5, "Write a note of at least 5 characters saying why you are changing this record.")
    .max(500, "Keep the note to 500 characters or fewer."),
});

interface LockedRecord {
  state: RestorationState;
  itemsLost: number;
  itemsRecovered: number;
  itemsRestored: number;
  asOf: Date;
}

/**
 * Support corrects one subscriber's record by hand, with a mandatory note. The same transition
 * table and count rules as the import apply, so nothing is restored before it was validated.
 */
export async function transitionRecord({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can change a restoration record.");
  const data = parseInput(TransitionRecordInput, input);
  const counts = { itemsLost: data.itemsLost, itemsRecovered: data.itemsRecovered, itemsRestored: data.itemsRestored };
  const entityId = `${data.incidentId}:${data.userId}:${data.categoryId}`;

  return db.$transaction(
    async (tx) => {
      await lockRestorationRecords(tx, data.incidentId);
      // One after another: a transaction is one connection, which runs one query at a time.
      const user = await tx.user.findUnique({ where: { id: data.userId }, select: { id: true } });
      const incident = await tx.incident.findUnique({ where: { id: data.incidentId }, select: { id: true } });
      const category = await tx.dataCategory.findUnique({ where: { id: data.categoryId }, select: { id: true } });
      if (!user || !incident || !category) throw NotFound("That subscriber, incident or category does not exist any more. Reload the page.");

      const [current] = await tx.$queryRaw<LockedRecord[]>`
        SELECT state::text AS state, "itemsLost", "itemsRecovered", "itemsRestored", "asOf" FROM "RestorationRecord"
        WHERE "incidentId" = ${data.incidentId} AND "userId" = ${data.userId} AND "categoryId" = ${data.categoryId}
        FOR UPDATE`;
      const from = current?.state ?? null;
      if (from !== data.expectedState) {
        throw Conflict(`This record changed while you were looking at it (it is now ${from ?? "missing"}). Reload the page and check it again.`);
      }
      const transition = checkTransition(from, data.toState);
      if (!transition.ok) throw Invalid(capitalise(transition.reason), { field: "toState" });
      const countCheck = checkCounts(data.toState, counts);
      if (!countCheck.ok) throw Invalid(capitalise(countCheck.reason), { field: "counts" });
      if (current && from === data.toState && sameCounts(current, counts)) {
        throw Invalid("Nothing would change: choose a new state or adjust the counts.", { field: "toState" });
      }

      // A pipeline clock ahead of ours must not make this correction look older than the record.
      const now = new Date();
      const asOf = current && current.asOf.getTime() >= now.getTime() ? new Date(current.asOf.getTime() + 1) : now;
      const key = { incidentId: data.incidentId, userId: data.userId, categoryId: data.categoryId };
      const values = { state: data.toState, ...counts, asOf, updatedAt: now };
      if (current) await tx.restorationRecord.update({ where: { incidentId_userId_categoryId: key }, data: values });
      else await tx.restorationRecord.create({ data: { ...key, ...values } });
      const event = await tx.restorationEvent.create({
        data: { ...key, fromState: from, toState: data.toState, ...counts, source: "STAFF", actorId: actor.id, note: data.note, asOf },
        select: { id: true },
      });
      await adjustPhaseProgress(txSql(tx), { incidentId: data.incidentId, categoryId: data.categoryId, from, to: data.toState });
      if (from !== data.toState) await enqueueRestorationEmail(tx, { ...key, toState: data.toState, eventId: event.id });
      // A category found unrecoverable may open an offer to this subscriber: grant or tell them now.
      const offers = await reevaluateEligibility(tx, [data.userId]);
      await recordAudit(tx, actor, {
        action: current ? "restoration.record.transitioned" : "restoration.record.created",
        entityType: "RestorationRecord",
        entityId,
        before: current ?? null,
        after: { ...values, note: data.note, eventId: event.id, offersGranted: offers.granted },
      });
      return { ...key, fromState: from, ...values, eventId: event.id };
    },
    // The lock wait above is bounded; the transaction may outlast Prisma's 5-second default.
    { timeout: 15_000, maxWait: 5_000 },
  );
}

function sameCounts(a: LockedRecord, b: { itemsLost: number; itemsRecovered: number; itemsRestored: number }) {
  return a.itemsLost === b.itemsLost && a.itemsRecovered === b.itemsRecovered && a.itemsRestored === b.itemsRestored;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? "" : ".");
