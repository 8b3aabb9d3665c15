import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { RateLimited } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { enqueueMessage } from "@/lib/notifications/outbox/enqueue-message";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { checkedComponentIds, ComponentIds, EmailAddress, replaceComponents } from "./scope";

export const SubscribeInput = z
  .object({
    email: EmailAddress,
    scope: z.enum(["all", "components"], { error: "Choose every incident or the services you want" }),
    componentIds: ComponentIds,
  })
  .refine((v) => v.scope !== "components" || v.componentIds.length > 0, {
    message: "Choose at least one service, or pick every incident",
    path: ["componentIds"],
  });

/** The one answer, whatever happened: the page must not reveal which addresses are subscribed. */
export const SUBSCRIBE_ANSWER = "Check your inbox to confirm: we sent a link to that address. Nothing else is sent until it is clicked.";

export const CONFIRM_RESEND_MS = 10 * 60_000;
export const SUBSCRIBE_LIMIT = { perIp: 10, windowSeconds: 15 * 60 };

/**
 * Public double opt-in. A new or unconfirmed address stores the requested choices and gets one
 * confirmation (at most one per 10 minutes). A confirmed address is left exactly as it is, since
 * anyone can type it; one that unsubscribed earlier opts in afresh and stays off until it confirms.
 */
export async function subscribe({ input, ip }: { input: unknown; ip: string }): Promise<{ message: string }> {
  const data = parseInput(SubscribeInput, input);
  const limit = await consumeRateLimit(`subscribe:ip:${ip}`, SUBSCRIBE_LIMIT.perIp, SUBSCRIBE_LIMIT.windowSeconds);
  if (!limit.allowed) throw RateLimited(limit.retryAfterSeconds);

  await db.$transaction(async (tx) => {
    const componentIds = data.scope === "components" ? await checkedComponentIds(tx, data.componentIds) : [];
    // Insert-or-keep, then lock: two requests for the same new address meet on this row. A new
    // row stays unlinked from any account of that address until the address confirms.
    await tx.$executeRaw`
      INSERT INTO "EmailSubscription" (id, email, "allIncidents", "updatedAt")
      VALUES (${randomUUID()}, ${data.email}, ${data.scope === "all"}, now())
      ON CONFLICT (email) DO NOTHING`;
    await tx.$queryRaw`SELECT id FROM "EmailSubscription" WHERE email = ${data.email} FOR UPDATE`;
    const row = await tx.emailSubscription.findUniqueOrThrow({ where: { email: data.email } });

    if (row.confirmedAt && !row.unsubscribedAt) return;
    await tx.emailSubscription.update({
      where: { id: row.id },
      data: {
        allIncidents: data.scope === "all",
        // An earlier unsubscribe means a new opt-in. An account's address was verified by sign-in
        // and stays so; either way incident mail stays off (unsubscribedAt) until the link is clicked.
        confirmedAt: row.userId ? row.confirmedAt : null,
      },
    });
    await replaceComponents(tx, row.id, componentIds);

    const now = Date.now();
    if (row.confirmSentAt && now - row.confirmSentAt.getTime() < CONFIRM_RESEND_MS) return;
    await tx.emailSubscription.update({ where: { id: row.id }, data: { confirmSentAt: new Date(now) } });
    await enqueueMessage(tx, {
      dedupeKey: `subscription.confirm:${data.email}:${now}`,
      template: "subscription.confirm",
      toEmail: data.email,
      userId: row.userId,
      eventRef: `subscription:${row.id}`,
    });
  });
  return { message: SUBSCRIBE_ANSWER };
}
