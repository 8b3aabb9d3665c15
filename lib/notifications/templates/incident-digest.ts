import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import { markdownToParagraphs } from "./plain-markdown";
import type { EmailTemplate } from "./types";

interface DigestIncident {
  title: string;
  slug: string;
  status: IncidentStatus;
  updates: { at: Date; status: IncidentStatus; summary: string }[];
}

interface Context {
  until: Date;
  incidents: DigestIncident[];
}

const clip = (text: string) => (text.length > 220 ? `${text.slice(0, 217).trimEnd()}…` : text);
const time = (d: Date) => `${new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" }).format(d)} UTC`;

export const incidentDigest: EmailTemplate<Context> = {
  name: "incident.digest",
  description: "Once a day at EMAIL_DIGEST_HOUR (UTC), to subscribers who chose a daily summary: every update of the past day about what they follow.",
  list: "incidents",
  async load(messages) {
    const emails = messages.map((m) => m.toEmail);
    const subscriptions = await db.emailSubscription.findMany({ where: { email: { in: emails } }, select: { email: true, userId: true, allIncidents: true, components: { select: { componentId: true } } } });
    const byEmail = new Map(subscriptions.map((s) => [s.email, s]));
    const windows = messages.map((m) => ({ from: new Date(String(m.payload.from)), until: new Date(String(m.payload.until)) }));
    const earliest = new Date(Math.min(...windows.map((w) => w.from.getTime())));
    const latest = new Date(Math.max(...windows.map((w) => w.until.getTime())));
    const updates = await db.incidentUpdate.findMany({
      where: { createdAt: { gt: earliest, lte: latest } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, status: true, body: true, incident: { select: { id: true, title: true, slug: true, status: true, components: { select: { componentId: true } } } } },
    });
    const userIds = subscriptions.flatMap((s) => (s.userId ? [s.userId] : []));
    const affected = await db.restorationRecord.findMany({ where: { userId: { in: userIds }, state: { not: "NOT_AFFECTED" } }, select: { userId: true, incidentId: true }, distinct: ["userId", "incidentId"] });
    return new Map(
      messages.map((m, i) => {
        const sub = byEmail.get(m.toEmail);
        const { from, until } = windows[i]!;
        if (!sub) return [m.id, null];
        const follows = (incident: { id: number; components: { componentId: number }[] }) =>
          sub.allIncidents ||
          incident.components.some((c) => sub.components.some((s) => s.componentId === c.componentId)) ||
          affected.some((a) => a.userId === sub.userId && a.incidentId === incident.id);
        const incidents = new Map<number, DigestIncident>();
        for (const u of updates) {
          if (u.createdAt <= from || u.createdAt > until || !follows(u.incident)) continue;
          const entry = incidents.get(u.incident.id) ?? { title: u.incident.title, slug: u.incident.slug, status: u.incident.status, updates: [] };
          entry.updates.push({ at: u.createdAt, status: u.status, summary: clip(markdownToParagraphs(u.body).join(" ")) });
          incidents.set(u.incident.id, entry);
        }
        return [m.id, incidents.size ? { until, incidents: [...incidents.values()] } : null];
      }),
    );
  },
  render(c) {
    const count = c.incidents.reduce((n, i) => n + i.updates.length, 0);
    return {
      subject: `Daily summary: ${count} update${count === 1 ? "" : "s"} on ${c.incidents.length === 1 ? c.incidents[0]!.title : `${c.incidents.length} incidents`}`,
      heading: "Your daily status summary",
      paragraphs: c.incidents.map((i) => `${i.title} — now ${INCIDENT_STATUS_LABEL[i.status].toLowerCase()}.`),
      bullets: c.incidents.flatMap((i) => i.updates.map((u) => `${time(u.at)} · ${i.title} · ${INCIDENT_STATUS_LABEL[u.status]}: ${u.summary}`)),
      action: { label: "See the status page", url: new URL("/", env().NEXTAUTH_URL).toString() },
      reason: "You received this because you chose one daily summary of incident updates.",
    };
  },
  sample: () => ({
    until: new Date("2026-11-21T17:00:00Z"),
    incidents: [
      {
        title: "Data loss after the 14 November storage migration",
        slug: "data-loss-storage-migration",
        status: "MONITORING",
        updates: [
          { at: new Date("2026-11-21T09:10:00Z"), status: "IDENTIFIED", summary: "Notes passed validation and are being restored in batches." },
          { at: new Date("2026-11-21T15:30:00Z"), status: "MONITORING", summary: "Contacts and calendars are restored for all affected accounts. Photos are next." },
        ],
      },
    ],
  }),
};
