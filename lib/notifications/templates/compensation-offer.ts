import { offerValue } from "@/lib/claims/offer-copy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { EmailTemplate, OutboxMessage } from "./types";
import { utcDay } from "./email-dates";

interface Context {
  title: string;
  value: string | null;
  description: string;
  closesAt: Date | null;
  incidentTitle: string;
  /** For a granted offer: when it was applied to this subscriber's account (the grant's own time). */
  grantedAt?: Date;
}

async function loadOffers(messages: OutboxMessage[]): Promise<Map<bigint, Context | null>> {
  const ids = [...new Set(messages.map((m) => Number(m.payload.offerId)))];
  const offers = await db.compensationOffer.findMany({
    where: { id: { in: ids } },
    select: { id: true, title: true, description: true, kind: true, months: true, valueCents: true, currency: true, closesAt: true, incident: { select: { title: true } } },
  });
  const byId = new Map(offers.map((o) => [o.id, o]));
  return new Map(
    messages.map((m) => {
      const o = byId.get(Number(m.payload.offerId));
      return [m.id, o ? { title: o.title, value: offerValue(o), description: o.description, closesAt: o.closesAt, incidentTitle: o.incident.title } : null];
    }),
  );
}

/** The same, with the date each recipient's grant was made; a grant that no longer exists is not announced. */
async function loadGrants(messages: OutboxMessage[]): Promise<Map<bigint, Context | null>> {
  const [offers, grants] = await Promise.all([
    loadOffers(messages),
    db.offerGrant.findMany({
      where: { OR: messages.flatMap((m) => (m.userId ? [{ offerId: Number(m.payload.offerId), userId: m.userId }] : [])) },
      select: { offerId: true, userId: true, createdAt: true },
    }),
  ]);
  const grantedAt = new Map(grants.map((g) => [`${g.offerId}:${g.userId}`, g.createdAt]));
  return new Map(
    messages.map((m) => {
      const offer = offers.get(m.id);
      const at = grantedAt.get(`${Number(m.payload.offerId)}:${m.userId}`);
      return [m.id, offer && at ? { ...offer, grantedAt: at } : null];
    }),
  );
}

const claimsUrl = () => new URL("/claims", env().NEXTAUTH_URL).toString();
const sampleOffer = (): Context => ({
  title: "$100 gift card",
  value: "$100 gift card",
  description: "A gift card for anyone whose data could not be fully recovered.",
  closesAt: new Date("2027-01-31T23:59:00Z"),
  incidentTitle: "Data loss after the 14 November storage migration",
});
const deadline = (d: Date | null) => (d ? ` Claim it by ${utcDay(d)}.` : "");

export const offerGranted: EmailTemplate<Context> = {
  name: "compensation.offer-granted",
  description: "An automatic offer (no action needed) was granted to an eligible subscriber.",
  list: "claims",
  load: loadGrants,
  render: (c) => ({
    subject: `You have received ${c.value ?? c.title}`,
    heading: `${c.value ?? c.title} — no action needed`,
    paragraphs: [`Because of "${c.incidentTitle}", we applied this to your account${c.grantedAt ? ` on ${utcDay(c.grantedAt)}` : ""}: ${c.title}.`, c.description],
    action: { label: "See your compensation", url: claimsUrl() },
    reason: "You received this because your account was affected by the incident.",
  }),
  sample: () => ({ ...sampleOffer(), title: "One month of free service", value: "1 month of service", description: "Your next monthly bill is on us.", grantedAt: new Date("2026-11-20T15:30:00Z") }),
};

export const offerAvailable: EmailTemplate<Context> = {
  name: "compensation.offer-available",
  description: "A subscriber became eligible for an offer they can claim — including later, when a category turns out unrecoverable.",
  list: "claims",
  load: loadOffers,
  render: (c) => ({
    subject: `You can claim ${c.value ?? c.title}`,
    heading: `You can claim ${c.value ?? c.title}`,
    paragraphs: [`Because of what happened to your data in "${c.incidentTitle}", you are eligible for: ${c.title}.`, c.description + deadline(c.closesAt)],
    action: { label: "Claim it", url: claimsUrl() },
    reason: "You received this because your account is eligible for compensation.",
  }),
  sample: sampleOffer,
};
