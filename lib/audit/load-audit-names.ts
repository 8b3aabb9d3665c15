import { db } from "@/lib/db";
import type { AuditNames, NameRef } from "./describe-audit";

/**
 * The names a page of audit entries mentions, in one round of queries: one `IN (…)` lookup per
 * kind of thing, run together, whatever the number of entries. Deleted things simply have no name.
 */
export async function loadAuditNames(refs: readonly NameRef[]): Promise<AuditNames> {
  const ids = (type: NameRef["type"]) => refs.filter((r) => r.type === type).map((r) => r.id);
  const ints = (type: NameRef["type"]) => ids(type).map(Number).filter(Number.isSafeInteger);
  const when = <T>(list: unknown[], load: () => Promise<T[]>) => (list.length ? load() : Promise.resolve([] as T[]));

  const [users, claims, incidents, updates, posts, faqs, maintenances, offers, templates, tokens, phases, categories, batches, emails] = await Promise.all([
    when(ids("User"), () => db.user.findMany({ where: { id: { in: ids("User") } }, select: { id: true, name: true, email: true } })),
    when(ints("Claim"), () => db.claim.findMany({ where: { id: { in: ints("Claim") } }, select: { id: true, number: true } })),
    when(ints("Incident"), () => db.incident.findMany({ where: { id: { in: ints("Incident") } }, select: { id: true, title: true } })),
    when(ints("IncidentUpdate"), () => db.incidentUpdate.findMany({ where: { id: { in: ints("IncidentUpdate") } }, select: { id: true, incident: { select: { title: true } } } })),
    when(ints("ForumPost"), () => db.forumPost.findMany({ where: { id: { in: ints("ForumPost") } }, select: { id: true, incident: { select: { title: true } } } })),
    when(ints("FaqEntry"), () => db.faqEntry.findMany({ where: { id: { in: ints("FaqEntry") } }, select: { id: true, question: true } })),
    when(ints("Maintenance"), () => db.maintenance.findMany({ where: { id: { in: ints("Maintenance") } }, select: { id: true, title: true } })),
    when(ints("CompensationOffer"), () => db.compensationOffer.findMany({ where: { id: { in: ints("CompensationOffer") } }, select: { id: true, title: true } })),
    when(ints("UpdateTemplate"), () => db.updateTemplate.findMany({ where: { id: { in: ints("UpdateTemplate") } }, select: { id: true, name: true } })),
    when(ints("ApiToken"), () => db.apiToken.findMany({ where: { id: { in: ints("ApiToken") } }, select: { id: true, name: true } })),
    when(ints("RestorationPhase"), () => db.restorationPhase.findMany({ where: { id: { in: ints("RestorationPhase") } }, select: { id: true, category: { select: { name: true } } } })),
    when(ints("DataCategory"), () => db.dataCategory.findMany({ where: { id: { in: ints("DataCategory") } }, select: { id: true, name: true } })),
    when(ints("ImportBatch"), () => db.importBatch.findMany({ where: { id: { in: ints("ImportBatch") } }, select: { id: true, filename: true } })),
    when(ids("EmailOutbox"), () => db.emailOutbox.findMany({ where: { id: { in: ids("EmailOutbox").map(BigInt) } }, select: { id: true, toEmail: true } })),
  ]);

  const names = new Map<string, string>();
  for (const u of users) names.set(`User:${u.id}`, u.name || u.email);
  for (const c of claims) names.set(`Claim:${c.id}`, c.number);
  for (const i of incidents) names.set(`Incident:${i.id}`, i.title);
  for (const u of updates) names.set(`IncidentUpdate:${u.id}`, u.incident.title);
  for (const p of posts) names.set(`ForumPost:${p.id}`, p.incident.title);
  for (const f of faqs) names.set(`FaqEntry:${f.id}`, f.question);
  for (const m of maintenances) names.set(`Maintenance:${m.id}`, m.title);
  for (const o of offers) names.set(`CompensationOffer:${o.id}`, o.title);
  for (const t of templates) names.set(`UpdateTemplate:${t.id}`, t.name);
  for (const t of tokens) names.set(`ApiToken:${t.id}`, t.name);
  for (const p of phases) names.set(`RestorationPhase:${p.id}`, p.category.name);
  for (const c of categories) names.set(`DataCategory:${c.id}`, c.name);
  for (const b of batches) names.set(`ImportBatch:${b.id}`, b.filename ? `batch #${b.id} (${b.filename})` : `batch #${b.id}`);
  for (const e of emails) names.set(`EmailOutbox:${e.id}`, e.toEmail);
  return names;
}
