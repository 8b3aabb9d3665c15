import { db } from "@/lib/db";
import { listComponentGroups } from "@/lib/incidents/list-components";
import { verifyEmailToken } from "@/lib/notifications/links";
import { incidentScopeOf, type IncidentScope } from "./scope";

export interface EmailPreferences {
  email: string;
  isAccount: boolean;
  /** False when the address has neither a subscription nor an account: nothing is sent to it. */
  known: boolean;
  incidentEmails: IncidentScope;
  digest: "IMMEDIATE" | "DAILY";
  componentIds: number[];
  restorationEmails: boolean;
  claimEmails: boolean;
  /** Changes whenever the stored choices do, so a form showing them can start afresh. */
  version: string;
  groups: Awaited<ReturnType<typeof listComponentGroups>>;
}

/** The choices of the address a signed preferences link is for; null for an invalid link. */
export async function getEmailPreferences({ token }: { token: string }): Promise<EmailPreferences | null> {
  const email = verifyEmailToken("preferences", token);
  if (!email) return null;
  const [row, account, groups] = await Promise.all([
    db.emailSubscription.findUnique({ where: { email }, include: { components: { select: { componentId: true } } } }),
    db.user.findUnique({ where: { email }, select: { id: true } }),
    listComponentGroups(),
  ]);
  return {
    email,
    isAccount: Boolean(account),
    known: Boolean(row || account),
    incidentEmails: incidentScopeOf(row && { ...row, componentCount: row.components.length }, Boolean(account)),
    digest: row?.digest ?? "IMMEDIATE",
    componentIds: row?.components.map((c) => c.componentId) ?? [],
    restorationEmails: row?.restorationEmails ?? true,
    claimEmails: row?.claimEmails ?? true,
    version: row?.updatedAt.toISOString() ?? "none",
    groups,
  };
}
