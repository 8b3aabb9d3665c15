import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Invalid } from "@/lib/errors";

export const PreferencesInput = z
  .object({
    incidentEmails: z.enum(["all", "components", "none"]),
    digest: z.enum(["IMMEDIATE", "DAILY"]),
    componentIds: z.array(z.coerce.number().int().positive()).max(100).default([]),
  })
  .refine((v) => v.incidentEmails !== "components" || v.componentIds.length > 0, {
    message: "Choose at least one service, or pick all incidents",
    path: ["componentIds"],
  });

/** The signed-in person's email choices, with the services they can pick from. */
export async function getPreferences(actor: Actor) {
  const [subscription, components] = await Promise.all([
    db.emailSubscription.findUnique({ where: { userId: actor.id }, include: { components: { select: { componentId: true } } } }),
    db.component.findMany({ orderBy: [{ groupId: "asc" }, { position: "asc" }], select: { id: true, name: true } }),
  ]);
  const incidentEmails = !subscription ? "all" : subscription.unsubscribedAt ? "none" : subscription.allIncidents ? "all" : "components";
  return {
    email: actor.email,
    incidentEmails: incidentEmails as "all" | "components" | "none",
    digest: subscription?.digest ?? "IMMEDIATE",
    componentIds: subscription?.components.map((c) => c.componentId) ?? [],
    components,
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
      email: actor.email,
      allIncidents: data.incidentEmails === "all",
      digest: data.digest,
      unsubscribedAt: data.incidentEmails === "none" ? new Date() : null,
      confirmedAt: new Date(),
    };
    const subscription = await tx.emailSubscription.upsert({
      where: { userId: actor.id },
      create: { ...values, userId: actor.id },
      update: values,
    });
    await tx.emailSubscriptionComponent.deleteMany({ where: { subscriptionId: subscription.id } });
    if (chosen.length) await tx.emailSubscriptionComponent.createMany({ data: chosen.map((componentId) => ({ subscriptionId: subscription.id, componentId })) });
    await recordAudit(tx, actor, { action: "preferences.updated", entityType: "EmailSubscription", entityId: subscription.id, after: { ...data, componentIds: chosen } });
    return subscription;
  });
}
