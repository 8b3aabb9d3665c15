import { z } from "zod";
import type { Tx } from "@/lib/db";
import { Invalid } from "@/lib/errors";

/**
 * "mine" is for accounts only: the incidents that affected the account, which the fan-out adds
 * for every account that has not turned incident mail off (stored as no services, not all).
 */
export type IncidentScope = "all" | "components" | "mine" | "none";
export const INCIDENT_SCOPES = ["all", "components", "mine", "none"] as const;

export const ACCOUNT_ONLY_SCOPE = "Only an account has incidents of its own. Choose services, every incident or none.";

/** One address as the forms take it: trimmed and lowercased before it is checked. */
export const EmailAddress = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address")
  .max(254, "That address is too long")
  .pipe(z.email("Enter a valid email address, like name@example.com"));

export const ComponentIds = z.array(z.coerce.number().int().positive()).max(100).default([]);

/** What a subscription row means for incident mail, in the words the forms use. */
export function incidentScopeOf(row: { allIncidents: boolean; unsubscribedAt: Date | null; componentCount: number } | null, isAccount: boolean): IncidentScope {
  if (!row) return isAccount ? "mine" : "none";
  if (row.unsubscribedAt) return "none";
  if (row.allIncidents) return "all";
  return row.componentCount === 0 && isAccount ? "mine" : "components";
}

/** The chosen services, deduplicated, after checking that each still exists. */
export async function checkedComponentIds(tx: Tx, ids: number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  const known = await tx.component.count({ where: { id: { in: unique } } });
  if (known !== unique.length) throw Invalid("One of the chosen services does not exist any more. Reload the page and try again.", { field: "componentIds" });
  return unique;
}

/** Replaces the chosen services of one subscription. */
export async function replaceComponents(tx: Tx, subscriptionId: string, componentIds: number[]): Promise<void> {
  await tx.emailSubscriptionComponent.deleteMany({ where: { subscriptionId } });
  if (componentIds.length) await tx.emailSubscriptionComponent.createMany({ data: componentIds.map((componentId) => ({ subscriptionId, componentId })) });
}
