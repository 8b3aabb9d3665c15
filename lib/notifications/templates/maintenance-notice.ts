import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { EmailTemplate } from "./types";

type MaintenanceEvent = "scheduled" | "rescheduled" | "started" | "completed" | "cancelled";

interface Context {
  event: MaintenanceEvent;
  title: string;
  body: string;
  start: Date;
  end: Date;
  services: string[];
}

const utc = (d: Date) => `${new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" }).format(d)} UTC`;

const COPY: Record<MaintenanceEvent, { subject: (t: string) => string; lead: (c: Context) => string }> = {
  scheduled: { subject: (t) => `Planned maintenance: ${t}`, lead: (c) => `We will carry out maintenance from ${utc(c.start)} to ${utc(c.end)}.` },
  rescheduled: { subject: (t) => `Maintenance moved: ${t}`, lead: (c) => `This maintenance now runs from ${utc(c.start)} to ${utc(c.end)}.` },
  started: { subject: (t) => `Maintenance under way: ${t}`, lead: (c) => `Maintenance has started and is planned to end by ${utc(c.end)}.` },
  completed: { subject: (t) => `Maintenance complete: ${t}`, lead: () => "This maintenance is complete; every service is back to normal." },
  cancelled: { subject: (t) => `Maintenance cancelled: ${t}`, lead: () => "This maintenance is cancelled; nothing will change for you." },
};

export const maintenanceNotice: EmailTemplate<Context> = {
  name: "maintenance.notice",
  description: "Maintenance scheduled, moved, started, completed or cancelled — to subscribers of the services it touches (and of all incidents).",
  list: "incidents",
  async load(messages) {
    const ids = [...new Set(messages.map((m) => Number(m.payload.maintenanceId)))];
    const rows = await db.maintenance.findMany({
      where: { id: { in: ids } },
      select: { id: true, title: true, body: true, scheduledStart: true, scheduledEnd: true, components: { select: { component: { select: { name: true } } } } },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return new Map(
      messages.map((m) => {
        const row = byId.get(Number(m.payload.maintenanceId));
        const event = String(m.payload.event) as MaintenanceEvent;
        if (!row || !(event in COPY)) return [m.id, null];
        return [m.id, { event, title: row.title, body: row.body, start: row.scheduledStart, end: row.scheduledEnd, services: row.components.map((c) => c.component.name) }];
      }),
    );
  },
  render(c) {
    const copy = COPY[c.event];
    return {
      subject: copy.subject(c.title),
      heading: c.title,
      paragraphs: [copy.lead(c), ...(c.services.length ? [`Services: ${c.services.join(", ")}.`] : []), ...(c.event === "scheduled" || c.event === "rescheduled" ? [c.body] : [])],
      action: { label: "See the status page", url: new URL("/", env().NEXTAUTH_URL).toString() },
      reason: "You received this because you subscribed to updates about these services.",
    };
  },
  sample: () => ({
    event: "scheduled",
    title: "Calendar sync database upgrade",
    body: "Calendar sync may pause for up to 10 minutes during the window. Nothing on your phone is lost; changes sync when it ends.",
    start: new Date("2026-11-28T02:00:00Z"),
    end: new Date("2026-11-28T04:00:00Z"),
    services: ["Calendar sync"],
  }),
};
