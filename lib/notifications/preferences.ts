import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Invalid } from "@/lib/errors";
import { INCIDENT_SCOPES, incidentScopeOf } from "./subscriptions/scope";

export const PreferencesInput = z
  .object({
    incidentEmails: z.enum(INCIDENT_SCOPES),
    digest: z.enum(["IMMEDIATE", "DAILY"]),
    componentIds: z.array(z.coerce.number().int().positive()).max(100).default([]),
    restorationEmails: z.boolean().default(true),
    claimEmails: z.boolean().default(true),
  })
  .refine((v) => v.incidentEmails !== "components" || v.componentIds.length > 0, {
    message: "Choose at least one service, or pick all incidents",
    path: ["componentIds"],
  });

// The account's row, or a row someone made for this address on the public form before signing in.
const ownRow = (actor: Actor) => ({ OR: [{ userId: actor.id }, { email: actor.email.toLowerCase() }] });

/** The signed-in person's email choices. */
export async function getPreferences(actor: Actor) {
  const subscription = await db.emailSubscription.findFirst({
    where: ownRow(actor),
    orderBy: { userId: { sort: "asc", nulls: "last" } },
    include: { components: { select: { componentId: true } } },
  });
  return {
    email: actor.email,
    incidentEmails: incidentScopeOf(subscription && { ...subscription, componentCount: subscription.components.length }, true),
    digest: subscription?.digest ?? "IMMEDIATE",
    componentIds: subscription?.components.map((c) => c.componentId) ?? [],
    restorationEmails: subscription?.restorationEmails ?? true,
    claimEmails: subscription?.claimEmails ?? true,
  };
}

/** Saves the choices of the signed-in person; the account's own address is already verified. */
export async function updatePreferences({ actor, input }: { actor: Actor; input: unknown }) {
  const data = PreferencesInput.parse(input);
  const known = await db.component.count({ where: { id: { in: data.componentIds } } });
  if (known !== new Set(data.componentIds).size) throw Invalid("One of the chosen services does not exist any more. Reload and try again.");
  const chosen = data.incidentEmails === "components" ? [...new Set(data.componentIds)] : [];

  return db.$transaction(async (tx) => {
    const values = {
      email: actor.email.toLowerCase(),
      userId: actor.id,
      allIncidents: data.incidentEmails === "all",
      digest: data.digest,
      unsubscribedAt: data.incidentEmails === "none" ? new Date() : null,
      restorationEmails: data.restorationEmails,
      claimEmails: data.claimEmails,
      confirmedAt: new Date(),
    };
    const existing = await tx.emailSubscription.findFirst({ where: ownRow(actor), orderBy: { userId: { sort: "asc", nulls: "last" } }, select: { id: true } });
    const subscription = existing
      ? await tx.emailSubscription.update({ where: { id: existing.id }, data: values })
      : await tx.emailSubscription.create({ data: values });
    await tx.emailSubscriptionComponent.deleteMany({ where: { subscriptionId: subscription.id } });
    if (chosen.length) await tx.emailSubscriptionComponent.createMany({ data: chosen.map((componentId) => ({ subscriptionId: subscription.id, componentId })) });
    await recordAudit(tx, actor, { action: "preferences.updated", entityType: "EmailSubscription", entityId: subscription.id, after: { ...data, componentIds: chosen } });
    return subscription;
  });
}
