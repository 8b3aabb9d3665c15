import { extraCompensationLine, type OfferForLines } from "@/lib/claims/compensation-lines";
import { loadExtraOffers } from "@/lib/claims/load-extra-offers";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import type { RestorationState } from "@/lib/generated/prisma/enums";
import { describeNext, listNames, loadPersonalRestoration, nextUp, progressBullet, verb, type CategoryNow } from "./personal-restoration";
import { utcDay } from "./email-dates";
import type { EmailTemplate } from "./types";

interface Context {
  incidentTitle: string;
  /** The categories that changed in the coalescing window, as they stand now. */
  changed: CategoryNow[];
  all: CategoryNow[];
  /** This subscriber's offers for data lost in part or in full (none: no compensation line). */
  extra?: { offers: OfferForLines[]; claimFiled: boolean };
}

const HEADLINES: { states: RestorationState[]; text: (names: string[]) => string }[] = [
  { states: ["RESTORED"], text: (n) => `Your ${listNames(n)} ${verb(n)} back` },
  { states: ["PARTIAL"], text: (n) => `Part of your ${listNames(n)} is back` },
  { states: ["RESTORING"], text: (n) => `Your ${listNames(n)}: coming back now` },
  { states: ["VALIDATED", "RECOVERED"], text: (n) => `Your ${listNames(n)}: recovered and checked before restoring` },
  { states: ["UNRECOVERABLE"], text: (n) => `About your ${listNames(n)}` },
];

/** The most important news first: what is back, then what is on its way, then what is lost. */
function headline(changed: CategoryNow[]): string {
  for (const { states, text } of HEADLINES) {
    const names = changed.filter((c) => states.includes(c.state)).map((c) => c.name.toLowerCase());
    if (names.length) return text(names);
  }
  return "An update on your data";
}

export const restorationProgress: EmailTemplate<Context> = {
  name: "restoration.progress",
  description: "Changes to one person's restoration records, coalesced: every change within EMAIL_COALESCE_SECONDS becomes one email that says what is back and what comes next.",
  list: "restoration",
  async load(messages) {
    const incidentIds = [...new Set(messages.map((m) => Number(m.payload.incidentId)))];
    const { rows } = await pgPool().query<{ id: number; title: string }>(`SELECT id, title FROM "Incident" WHERE id = ANY($1::int[])`, [incidentIds]);
    const incidents = new Map(rows.map((i) => [i.id, i.title]));
    const pairs = messages.flatMap((m) => (m.userId ? [{ incidentId: Number(m.payload.incidentId), userId: m.userId }] : []));
    const [personal, extra] = await Promise.all([loadPersonalRestoration(pairs), loadExtraOffers(pairs)]);
    return new Map(
      messages.map((m) => {
        const title = incidents.get(Number(m.payload.incidentId));
        const all = m.userId ? personal.get(`${Number(m.payload.incidentId)}:${m.userId}`) : undefined;
        const changedSlugs = Object.keys((m.payload.changes as Record<string, string> | undefined) ?? {});
        const changed = all?.filter((c) => changedSlugs.includes(c.slug)) ?? [];
        const offers = m.userId ? extra.get(`${Number(m.payload.incidentId)}:${m.userId}`) : undefined;
        return [m.id, title && all && changed.length ? { incidentTitle: title, changed, all, extra: offers } : null];
      }),
    );
  },
  render(c) {
    const lead = headline(c.changed);
    const next = nextUp(c.all);
    const coming = c.all.filter((x) => x.state === "RESTORING" && !c.changed.includes(x)).map((x) => x.name.toLowerCase());
    const gone = c.changed.find((x) => x.state === "UNRECOVERABLE") ?? c.changed.find((x) => x.state === "PARTIAL");
    const extra = gone && c.extra ? extraCompensationLine(gone.state, c.extra.offers, { claimFiled: c.extra.claimFiled, formatDay: utcDay }) : null;
    return {
      subject: lead,
      heading: `${lead}.`,
      paragraphs: [
        ...(coming.length ? [`Also coming back now: your ${listNames(coming)}.`] : []),
        next
          ? `Next: ${describeNext(next)}.`
          : c.all.some((x) => x.state === "RESTORING")
            ? "Nothing else is waiting: once this is back, everything we could recover is back."
            : "Everything we could recover is back. Thank you for your patience.",
        ...(gone ? [`We are sorry about what could not be recovered.${extra ? ` ${extra.text}${extra.link ? ` ${extra.link.label}: ${new URL(extra.link.href, env().NEXTAUTH_URL).toString()}` : ""}` : ""}`] : []),
        `Where your data stands after "${c.incidentTitle}":`,
      ],
      bullets: c.all.filter((x) => x.state !== "NOT_AFFECTED").map((x) => progressBullet(x)),
      action: { label: "See your recovery", url: new URL("/me", env().NEXTAUTH_URL).toString() },
      reason: "You received this because your data was affected and you get news about its recovery.",
    };
  },
  sample() {
    const eta = { kind: "date" as const, date: new Date("2026-11-27T18:00:00Z"), basis: "plan" as const, late: false };
    const all: CategoryNow[] = [
      { slug: "contacts", name: "Contacts", itemNoun: "contacts", state: "RESTORED", itemsLost: 315, itemsRestored: 312, position: 1, eta: { kind: "settled" } },
      { slug: "calendar", name: "Calendar", itemNoun: "events", state: "RESTORED", itemsLost: 48, itemsRestored: 48, position: 2, eta: { kind: "settled" } },
      { slug: "notes", name: "Notes", itemNoun: "notes", state: "VALIDATED", itemsLost: 20, itemsRestored: 0, position: 3, eta },
      { slug: "photos", name: "Photos", itemNoun: "photos", state: "AFFECTED", itemsLost: 1200, itemsRestored: 0, position: 5, eta: { kind: "date", date: new Date("2026-12-02T18:00:00Z"), basis: "plan", late: false } },
    ];
    return { incidentTitle: "Data loss after the 14 November storage migration", changed: all.slice(0, 2), all };
  },
};
