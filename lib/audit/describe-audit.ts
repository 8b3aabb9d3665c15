import { STATE_NAME } from "@/lib/restoration/staff-copy";

/** One audit-log row as the staff overview reads it. */
export interface AuditRow {
  actorId: string | null;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/**
 * What a sentence needs to name things, keyed `Type:id` ("Claim:12" → "C-55ZJ-87JM",
 * "User:<id>" → "Sam Rivera"). Loaded in one batch for a page of entries (load-audit-names.ts).
 */
export type AuditNames = ReadonlyMap<string, string>;

export interface NameRef {
  type: "User" | "Claim" | "Incident" | "IncidentUpdate" | "ForumPost" | "FaqEntry" | "Maintenance" | "CompensationOffer" | "UpdateTemplate" | "ApiToken" | "RestorationPhase" | "DataCategory" | "ImportBatch" | "EmailOutbox";
  id: string;
}

const SYSTEM_ACTORS: Record<string, string> = {
  "system:auto-approval": "Automatic approval",
  "system:code-pool": "The gift-code pool",
};

function field(value: unknown, key: string): unknown {
  return value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}
const text = (value: unknown): string | undefined => (typeof value === "string" && value ? value : typeof value === "number" ? String(value) : undefined);

/** A record's key is `incidentId:userId:categoryId`. */
function recordKey(entityId: string): { userId: string; categoryId: string } | null {
  const [, userId, categoryId] = entityId.split(":");
  return userId && categoryId ? { userId, categoryId } : null;
}

/** Which names a page of entries needs, so they can be loaded in one batch. */
export function namesNeeded(rows: readonly AuditRow[]): NameRef[] {
  const refs = new Map<string, NameRef>();
  const add = (type: NameRef["type"], id: unknown) => {
    const value = text(id);
    if (value) refs.set(`${type}:${value}`, { type, id: value });
  };
  for (const row of rows) {
    if (row.actorId) add("User", row.actorId);
    switch (row.entityType) {
      case "RestorationRecord": {
        const key = recordKey(row.entityId);
        if (key) {
          add("User", key.userId);
          add("DataCategory", key.categoryId);
        }
        break;
      }
      case "GiftCardCode":
        add("Claim", field(row.after, "claimId"));
        break;
      case "Claim":
      case "Incident":
      case "IncidentUpdate":
      case "ForumPost":
      case "FaqEntry":
      case "Maintenance":
      case "CompensationOffer":
      case "UpdateTemplate":
      case "ApiToken":
      case "RestorationPhase":
      case "ImportBatch":
        add(row.entityType, row.entityId);
        break;
      case "EmailOutbox":
        if (/^\d+$/.test(row.entityId)) add("EmailOutbox", row.entityId);
        break;
    }
  }
  return [...refs.values()];
}

function actorName(row: AuditRow, names: AuditNames): string {
  if (SYSTEM_ACTORS[row.actorEmail]) return SYSTEM_ACTORS[row.actorEmail]!;
  if (row.actorEmail.startsWith("api-token:")) return `The API token “${row.actorEmail.slice("api-token:".length)}”`;
  return (row.actorId && names.get(`User:${row.actorId}`)) || row.actorEmail;
}

const quoted = (name: string | undefined, otherwise: string) => (name ? `“${name}”` : otherwise);
const count = (n: unknown, one: string, many: string) => (typeof n === "number" ? `${n.toLocaleString("en-US")} ${n === 1 ? one : many}` : many);

/** What happened, as a sentence that names people, claims and incidents instead of ids. */
export function describeAudit(row: AuditRow, names: AuditNames): string {
  const who = actorName(row, names);
  const own = (type: NameRef["type"]) => names.get(`${type}:${row.entityId}`);
  const incident = quoted(own("Incident"), "an incident");
  const onIncident = (type: NameRef["type"]) => quoted(own(type), "an incident");
  const claim = row.entityType === "GiftCardCode" ? names.get(`Claim:${text(field(row.after, "claimId")) ?? ""}`) : own("Claim");
  const claimName = claim ? `claim ${claim}` : "a claim";
  const maintenance = quoted(own("Maintenance"), "a maintenance window");
  const offer = quoted(own("CompensationOffer"), "an offer");
  const template = quoted(own("UpdateTemplate") ?? text(field(row.before, "name")) ?? text(field(row.after, "name")), "an update template");
  const token = quoted(own("ApiToken") ?? text(field(row.after, "name")), "an API token");
  const phase = own("RestorationPhase");
  const phaseName = phase ? `the ${phase} phase` : "a restoration phase";
  const faq = quoted(own("FaqEntry") ?? text(field(row.before, "question")), "an answer");
  const email = own("EmailOutbox");

  const action = row.action;
  const done = (() => {
    switch (action) {
      case "incident.created": return `opened the incident ${incident}`;
      case "incident.edited": return `edited the incident ${incident}`;
      case "incident.update.posted": return `posted an update on ${onIncident("IncidentUpdate")}`;
      case "incident.update.edited": return `edited an update on ${onIncident("IncidentUpdate")}`;
      case "incident.postmortem.saved": return `saved the postmortem draft of ${incident}`;
      case "incident.postmortem.published": return `published the postmortem of ${incident}`;
      case "incident.postmortem.unpublished": return `unpublished the postmortem of ${incident}`;
      case "forum.qa.locked": return `closed questions on ${incident}`;
      case "forum.qa.unlocked": return `reopened questions on ${incident}`;
      case "forum.post.hidden": return `hid a post on ${onIncident("ForumPost")}`;
      case "forum.post.unhidden": return `restored a hidden post on ${onIncident("ForumPost")}`;
      case "forum.post.pinned": return `pinned a post on ${onIncident("ForumPost")}`;
      case "forum.post.unpinned": return `unpinned a post on ${onIncident("ForumPost")}`;
      case "forum.thread.locked": return `locked a question thread on ${onIncident("ForumPost")}`;
      case "forum.thread.unlocked": return `unlocked a question thread on ${onIncident("ForumPost")}`;
      case "forum.faq.promoted": return `added ${faq} to the FAQ`;
      case "forum.faq.removed": return `removed ${faq} from the FAQ`;
      case "template.created": return `created the update template ${template}`;
      case "template.updated": return `edited the update template ${template}`;
      case "template.deleted": return `deleted the update template ${template}`;
      case "maintenance.scheduled": return `scheduled the maintenance ${maintenance}`;
      case "maintenance.edited": return `edited the maintenance ${maintenance}`;
      case "maintenance.started": return `started the maintenance ${maintenance}`;
      case "maintenance.completed": return `completed the maintenance ${maintenance}`;
      case "maintenance.cancelled": return `cancelled the maintenance ${maintenance}`;
      case "restoration.phase.updated": return `updated ${phaseName} of the restoration plan`;
      case "restoration.phase.moved": return `moved ${phaseName} ${field(row.after, "direction") === "down" ? "later" : "earlier"} in the restoration plan`;
      case "restoration.record.created":
      case "restoration.record.transitioned": {
        const key = recordKey(row.entityId);
        const person = (key && names.get(`User:${key.userId}`)) || "a subscriber";
        const category = (key && names.get(`DataCategory:${key.categoryId}`)?.toLowerCase()) || "data";
        const state = STATE_NAME[field(row.after, "state") as keyof typeof STATE_NAME];
        return `${action.endsWith("created") ? "recorded" : "marked"} ${person}’s ${category}${state ? ` as ${state.toLowerCase()}` : ""}`;
      }
      case "restoration.import": {
        const batch = own("ImportBatch");
        return `imported restoration progress${batch ? ` from ${batch}` : ""}`;
      }
      case "api-token.created": return `created the API token ${token}`;
      case "api-token.revoked": return `revoked the API token ${token}`;
      case "email.message.requeued": return `retried an email${email ? ` to ${email}` : ""}`;
      case "email.messages.requeued": return `retried ${count(field(row.after, "requeued"), "undelivered email", "undelivered emails")}`;
      case "email.suppression.lifted": return `lifted the suppression on ${row.entityId}`;
      case "subscription.confirmed": return "confirmed their email subscription";
      case "email-preferences.updated":
      case "preferences.updated": return "changed their email preferences";
      case "email-preferences.unsubscribed-all": return "unsubscribed from all email";
      case "email-preferences.one-click-unsubscribe": return "unsubscribed with the one-click link";
      case "claim.submitted": return `submitted ${claimName}`;
      case "claim.approved": return `approved ${claimName}`;
      case "claim.denied": return `denied ${claimName}`;
      case "claim.fulfilled": return `fulfilled ${claimName}`;
      case "claim.code.revealed": return `revealed the gift-card code of ${claimName}`;
      case "claims.offer.created": return `created the offer ${offer}`;
      case "claims.offer.updated": return `edited the offer ${offer}`;
      case "offer.granted": return `granted the offer ${offer} to everyone eligible`;
      case "claims.codes.imported": return `imported ${count(field(row.after, "imported"), "gift-card code", "gift-card codes")} for ${offer}`;
      case "claims.credits.exported": return `exported ${count(field(row.after, "rows"), "service credit", "service credits")} to billing`;
      case "claims.credits.reexported": return `downloaded a service-credit export again (${count(field(row.after, "rows"), "credit", "credits")})`;
      default: return null;
    }
  })();
  // An action this list does not know yet still reads as a sentence, with its name for support.
  return done ? `${who} ${done}` : `${who} recorded “${action}”`;
}
