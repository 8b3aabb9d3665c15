import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";

export const LiftSuppressionInput = z.object({
  email: z.string().trim().toLowerCase().min(3, "Give the suppressed address.").max(320, "That address is too long."),
  note: z
    .string()
    .trim()
    .min(3, "Say why this address may get email again (at least 3 characters).")
    .max(500, "Keep the note under 500 characters."),
});

/**
 * Staff let an address receive email again (the mailbox was fixed, the complaint was a mistake).
 * Only the suppression goes: unsubscribes stay as the person chose, and nothing is requeued.
 */
export async function liftSuppression({ actor, input }: { actor: Actor; input: unknown }): Promise<{ email: string }> {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can lift suppressions.");
  const { email, note } = parseInput(LiftSuppressionInput, input);
  return db.$transaction(async (tx) => {
    const [removed] = await tx.$queryRaw<{ email: string; reason: string; createdAt: Date }[]>`
      DELETE FROM "EmailSuppression" WHERE lower(email) = ${email} RETURNING email, reason, "createdAt"`;
    if (!removed) throw NotFound(`${email} is not suppressed (any more). Reload the page.`);
    await recordAudit(tx, actor, {
      action: "email.suppression.lifted",
      entityType: "EmailSuppression",
      entityId: removed.email,
      before: { reason: removed.reason, since: removed.createdAt },
      after: { note },
    });
    return { email: removed.email };
  });
}
