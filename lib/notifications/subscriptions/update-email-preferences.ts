import { z } from "zod";
import { db } from "@/lib/db";
import { Invalid } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { verifyEmailToken } from "@/lib/notifications/links";
import { ACCOUNT_ONLY_SCOPE, checkedComponentIds, ComponentIds, INCIDENT_SCOPES, incidentScopeOf, replaceComponents } from "./scope";
import { recordSubscriberAudit } from "./subscriber-audit";
import { lockSubscriptionRow } from "./subscription-row";

export const INVALID_PREFERENCES_LINK = "This preferences link is not valid. Copy the whole link from one of our emails, or sign in to change your choices.";

export const EmailPreferencesInput = z
  .object({
    incidentEmails: z.enum(INCIDENT_SCOPES, { error: "Choose which incident updates you want" }),
    digest: z.enum(["IMMEDIATE", "DAILY"], { error: "Choose how often you want incident updates" }),
    componentIds: ComponentIds,
    restorationEmails: z.boolean().default(true),
    claimEmails: z.boolean().default(true),
  })
  .refine((v) => v.incidentEmails !== "components" || v.componentIds.length > 0, {
    message: "Choose at least one service, or pick every incident",
    path: ["componentIds"],
  });

function addressOf(token: string): string {
  const email = verifyEmailToken("preferences", token);
  if (!email) throw Invalid(INVALID_PREFERENCES_LINK);
  return email;
}

/** Changes the choices of the address a signed preferences link is for; no sign-in involved. */
export async function updateEmailPreferences({ token, input }: { token: string; input: unknown }) {
  const email = addressOf(token);
  const data = parseInput(EmailPreferencesInput, input);

  return db.$transaction(async (tx) => {
    const chosen = data.incidentEmails === "components" ? await checkedComponentIds(tx, data.componentIds) : [];
    const { row, isAccount } = await lockSubscriptionRow(tx, email, { create: true });
    if (!row) throw Invalid(INVALID_PREFERENCES_LINK);
    if (data.incidentEmails === "mine" && !isAccount) throw Invalid(ACCOUNT_ONLY_SCOPE, { field: "incidentEmails" });
    const before = await tx.emailSubscriptionComponent.findMany({ where: { subscriptionId: row.id }, select: { componentId: true } });
    const updated = await tx.emailSubscription.update({
      where: { id: row.id },
      data: {
        allIncidents: data.incidentEmails === "all",
        digest: data.digest,
        unsubscribedAt: data.incidentEmails === "none" ? (row.unsubscribedAt ?? new Date()) : null,
        // The link reached this mailbox, which is what confirming proves.
        confirmedAt: row.confirmedAt ?? new Date(),
        // Only accounts have news of their own; other addresses keep the defaults untouched.
        ...(isAccount ? { restorationEmails: data.restorationEmails, claimEmails: data.claimEmails } : {}),
      },
    });
    await replaceComponents(tx, row.id, chosen);
    await recordSubscriberAudit(tx, { email, userId: row.userId }, {
      action: "email-preferences.updated",
      subscriptionId: row.id,
      before: snapshot(row, before.map((c) => c.componentId), isAccount),
      after: snapshot(updated, chosen, isAccount),
    });
    return updated;
  });
}

/** "Unsubscribe from everything": no incident updates, no restoration or claim news. */
export async function unsubscribeEverything({ token }: { token: string }) {
  const email = addressOf(token);
  return db.$transaction(async (tx) => {
    const { row, isAccount } = await lockSubscriptionRow(tx, email, { create: true });
    if (!row) throw Invalid(INVALID_PREFERENCES_LINK);
    const componentIds = (await tx.emailSubscriptionComponent.findMany({ where: { subscriptionId: row.id }, select: { componentId: true } })).map((c) => c.componentId);
    const updated = await tx.emailSubscription.update({
      where: { id: row.id },
      data: { unsubscribedAt: row.unsubscribedAt ?? new Date(), restorationEmails: false, claimEmails: false, confirmedAt: row.confirmedAt ?? new Date() },
    });
    await recordSubscriberAudit(tx, { email, userId: row.userId }, {
      action: "email-preferences.unsubscribed-all",
      subscriptionId: row.id,
      before: snapshot(row, componentIds, isAccount),
      after: snapshot(updated, componentIds, isAccount),
    });
    return updated;
  });
}

function snapshot(row: { allIncidents: boolean; unsubscribedAt: Date | null; digest: string; restorationEmails: boolean; claimEmails: boolean }, componentIds: number[], isAccount: boolean) {
  return { incidentEmails: incidentScopeOf({ ...row, componentCount: componentIds.length }, isAccount), digest: row.digest, componentIds, restorationEmails: row.restorationEmails, claimEmails: row.claimEmails };
}
