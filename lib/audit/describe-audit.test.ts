import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeAudit, namesNeeded, type AuditRow } from "./describe-audit";

const LIB = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const DOTTED = /["'`]([a-z-]+(?:\.[a-z-]+)+)["'`]/g;

/** Every audit action name written in lib/: `action: …` values, ACTION maps, and raw SQL inserts. */
function actionsWrittenInLib(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(LIB)) {
    const source = readFileSync(file, "utf8");
    if (!/recordAudit|recordSubscriberAudit|auditLog\.create|"AuditLog"/.test(source)) continue;
    for (const line of source.split("\n")) {
      if (/\baction: /.test(line) || /const [A-Z_]+ = /.test(line)) for (const m of line.matchAll(DOTTED)) found.add(m[1]!);
      // INSERT INTO "AuditLog" … VALUES/SELECT (…, 'claim.submitted', 'Claim', …)
      for (const m of line.matchAll(/'([a-z-]+(?:\.[a-z-]+)+)',\s*'[A-Z]\w+'/g)) found.add(m[1]!);
      // `maintenance.${{ start: "started", … }[action]}`
      for (const m of line.matchAll(/`([a-z-]+)\.\$\{\{([^}]*)\}/g)) for (const v of m[2]!.matchAll(/"([a-z-]+)"/g)) found.add(`${m[1]}.${v[1]}`);
    }
  }
  return [...found].sort();
}

const SAM = "6f1c2a4e-0000-4000-8000-000000000001";
const names = new Map([
  [`User:${SAM}`, "Sam Rivera"],
  ["Claim:12", "C-55ZJ-87JM"],
  ["Incident:3", "Subscriber data loss"],
  ["IncidentUpdate:40", "Subscriber data loss"],
  ["ForumPost:7", "Subscriber data loss"],
  ["FaqEntry:2", "When is my data back?"],
  ["Maintenance:5", "Database upgrade"],
  ["CompensationOffer:9", "One free month"],
  ["UpdateTemplate:4", "Investigating"],
  ["ApiToken:6", "Pipeline"],
  ["RestorationPhase:8", "Contacts"],
  ["DataCategory:1", "Contacts"],
  ["ImportBatch:11", "batch #11 (progress.csv)"],
  ["EmailOutbox:99", "sam.rivera@example.com"],
]);

/** A plausible entry for each action, as the use case that writes it stores it. */
function entryFor(action: string): AuditRow {
  const on = (entityType: string, entityId: string, extra: Partial<AuditRow> = {}): AuditRow => ({ actorId: SAM, actorEmail: "sam.rivera@example.com", action, entityType, entityId, before: null, after: null, ...extra });
  const [domain, ...rest] = action.split(".");
  const verb = rest.join(".");
  if (action.startsWith("incident.update.")) return on("IncidentUpdate", "40");
  if (domain === "incident" || action.startsWith("forum.qa.")) return on("Incident", "3");
  if (action.startsWith("forum.faq.")) return on("FaqEntry", "2");
  if (domain === "forum") return on("ForumPost", "7");
  if (domain === "template") return on("UpdateTemplate", "4");
  if (domain === "maintenance") return on("Maintenance", "5");
  if (action === "restoration.import") return on("ImportBatch", "11");
  if (action.startsWith("restoration.phase.")) return on("RestorationPhase", "8", { after: { direction: "up" } });
  if (action.startsWith("restoration.record.")) return on("RestorationRecord", `3:${SAM}:1`, { after: { state: "RESTORED" } });
  if (domain === "api-token") return on("ApiToken", "6");
  if (action === "email.message.requeued") return on("EmailOutbox", "99");
  if (action === "email.messages.requeued") return on("EmailOutbox", "dead", { after: { requeued: 3 } });
  if (action === "email.suppression.lifted") return on("EmailSuppression", "bounced@example.com");
  if (domain === "email-preferences" || domain === "subscription" || domain === "preferences") return on("EmailSubscription", "sub-1");
  if (action === "claim.code.revealed") return on("GiftCardCode", "77", { after: { claimId: 12 } });
  if (domain === "claim") return on("Claim", "12");
  if (action.startsWith("claims.credits.")) return on("ServiceCreditExport", "export-1", { after: { rows: 2 } });
  if (action === "claims.codes.imported") return on("CompensationOffer", "9", { after: { imported: 50 } });
  if (domain === "claims" || domain === "offer") return on("CompensationOffer", "9");
  throw new Error(`No sample entry for ${action} (${verb})`);
}

describe("describeAudit", () => {
  const actions = actionsWrittenInLib();

  it("finds the action names the use cases write", () => {
    expect(actions).toEqual(expect.arrayContaining(["claim.submitted", "restoration.import", "incident.update.posted", "maintenance.cancelled", "incident.postmortem.published", "forum.thread.unlocked"]));
    expect(actions.length).toBeGreaterThan(50);
  });

  it.each(actionsWrittenInLib())("%s reads as a sentence with names, not ids", (action) => {
    const row = entryFor(action);
    const sentence = describeAudit(row, names);
    expect(sentence).toMatch(/^Sam Rivera [a-z]/);
    expect(sentence).not.toContain(action);
    expect(sentence).not.toContain(SAM);
    expect(sentence).not.toMatch(/\b(on|of|for) (Claim|Incident|ForumPost|IncidentUpdate|Maintenance|CompensationOffer|RestorationRecord)\b/);
    // Every name the entry needs is one the batch loader is asked for.
    for (const ref of namesNeeded([row])) expect(names.has(`${ref.type}:${ref.id}`), `${action} needs ${ref.type}:${ref.id}`).toBe(true);
  });

  it("names the claim by its number", () => {
    expect(describeAudit(entryFor("claim.submitted"), names)).toBe("Sam Rivera submitted claim C-55ZJ-87JM");
    expect(describeAudit(entryFor("claim.code.revealed"), names)).toBe("Sam Rivera revealed the gift-card code of claim C-55ZJ-87JM");
  });

  it("says whose data changed and to what", () => {
    expect(describeAudit(entryFor("restoration.record.transitioned"), names)).toBe("Sam Rivera marked Sam Rivera’s contacts as restored");
  });

  it("names system actors and API tokens in words", () => {
    const auto = { ...entryFor("claim.approved"), actorId: null, actorEmail: "system:auto-approval" };
    expect(describeAudit(auto, names)).toBe("Automatic approval approved claim C-55ZJ-87JM");
    const token = { ...entryFor("restoration.import"), actorId: null, actorEmail: "api-token:Pipeline" };
    expect(describeAudit(token, names)).toBe("The API token “Pipeline” imported restoration progress from batch #11 (progress.csv)");
  });

  it("falls back to the email address and generic words when a name is gone", () => {
    const row = { ...entryFor("claim.approved"), actorId: "deleted-user", entityId: "404" };
    expect(describeAudit(row, names)).toBe("sam.rivera@example.com approved a claim");
  });

  it("asks for each name once for a whole page of entries", () => {
    const refs = namesNeeded([entryFor("claim.submitted"), entryFor("claim.approved"), entryFor("restoration.record.created")]);
    expect(refs).toEqual(expect.arrayContaining([{ type: "User", id: SAM }, { type: "Claim", id: "12" }, { type: "DataCategory", id: "1" }]));
    expect(refs.filter((r) => r.type === "User")).toHaveLength(1);
  });
});
