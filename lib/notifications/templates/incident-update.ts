import { pgPool } from "@/lib/db";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import { env } from "@/lib/env";
import { loadPersonalRestoration, personalLine } from "./personal-restoration";
import { markdownToParagraphs } from "./plain-markdown";
import type { EmailTemplate } from "./types";
import { utcStamp } from "./email-dates";

interface Context {
  incidentTitle: string;
  incidentSlug: string;
  status: IncidentStatus;
  /** The update's text as plain paragraphs, converted once per update rather than per recipient. */
  body: string[];
  postedAt: Date;
  /** Only for people whose own data the incident touched. */
  personal: string | null;
}

export const incidentUpdate: EmailTemplate<Context> = {
  name: "incident.update",
  description: "Every official update, at once, to subscribers of the incident's services or of all incidents, and to every account the incident affected — with one line about their own data.",
  list: "incidents",
  async load(messages) {
    const ids = [...new Set(messages.map((m) => Number(m.payload.updateId)))];
    // Plain SQL: this runs for every batch of a million-recipient fan-out.
    const { rows: found } = await pgPool().query<{ id: number; status: IncidentStatus; body: string; createdAt: Date; incidentId: number; title: string; slug: string }>(
      `SELECT u.id, u.status, u.body, u."createdAt", i.id AS "incidentId", i.title, i.slug
       FROM "IncidentUpdate" u JOIN "Incident" i ON i.id = u."incidentId" WHERE u.id = ANY($1::int[])`,
      [ids],
    );
    const updates = found.map((u) => ({ ...u, incident: { id: u.incidentId, title: u.title, slug: u.slug } }));
    const byId = new Map(updates.map((u) => [u.id, { ...u, paragraphs: markdownToParagraphs(u.body) }]));
    const pairs = messages.flatMap((m) => {
      const update = byId.get(Number(m.payload.updateId));
      return update && m.userId ? [{ incidentId: update.incident.id, userId: m.userId }] : [];
    });
    const personal = await loadPersonalRestoration(pairs);
    return new Map(
      messages.map((m) => {
        const update = byId.get(Number(m.payload.updateId));
        if (!update) return [m.id, null];
        const own = m.userId ? personal.get(`${update.incident.id}:${m.userId}`) : undefined;
        return [m.id, { incidentTitle: update.incident.title, incidentSlug: update.incident.slug, status: update.status, body: update.paragraphs, postedAt: update.createdAt, personal: own ? personalLine(own) : null }];
      }),
    );
  },
  render(c) {
    return {
      subject: `[${INCIDENT_STATUS_LABEL[c.status]}] ${c.incidentTitle}`,
      heading: c.incidentTitle,
      paragraphs: [...(c.personal ? [c.personal] : []), `${INCIDENT_STATUS_LABEL[c.status]} — ${utcStamp(c.postedAt)}`, ...c.body],
      action: { label: c.personal ? "See your recovery and the incident" : "See the incident", url: new URL(`/incidents/${c.incidentSlug}`, env().NEXTAUTH_URL).toString() },
      reason: c.personal ? "You received this because your data was affected by this incident." : "You received this because you subscribed to incident updates.",
    };
  },
  sample: () => ({
    incidentTitle: "Data loss after the 14 November storage migration",
    incidentSlug: "data-loss-storage-migration",
    status: "MONITORING",
    body: markdownToParagraphs("Contacts and calendars are restored for **all** affected accounts. Notes are next; we expect them back by Friday.\n\nPhotos are still being validated."),
    postedAt: new Date("2026-11-20T15:30:00Z"),
    personal: "For you: your contacts and calendar are back; 3 categories still to come, next notes, expected by Fri 27 Nov, 18:00 UTC.",
  }),
};
