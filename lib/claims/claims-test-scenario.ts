// Test data for the claim use cases: each call makes its own incident, offers, staff member and
// subscribers, so tests never share rows.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { OfferKind, OfferMode, RestorationState, Role } from "@/lib/generated/prisma/enums";
import { encryptCode, hashCode, lastFour } from "./code-crypto";

const HOUR = 3_600_000;

export async function makeClaimUser(role: Role = "SUBSCRIBER"): Promise<Actor> {
  const tag = randomUUID().slice(0, 8);
  const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${tag}@claims.test`, role, accountRef: role === "SUBSCRIBER" ? `CL-${tag.toUpperCase()}` : null } });
  return { id: user.id, email: user.email, role: user.role };
}

export async function makeClaimScenario() {
  const tag = randomUUID().slice(0, 8);
  const staff = await makeClaimUser("SUPPORT");
  const incident = await db.incident.create({ data: { slug: `claims-${tag}`, title: `Claims ${tag}`, impact: "MAJOR", status: "RESOLVED", resolvedAt: new Date() } });
  const categories = await db.dataCategory.findMany({ where: { slug: { in: ["contacts", "photos"] } } });
  const category = (slug: string) => categories.find((c) => c.slug === slug)!;

  async function offer(kind: OfferKind, extra: { mode?: OfferMode; eligibility?: "ANY_AFFECTED" | "ANY_UNRECOVERABLE_OR_PARTIAL"; exclusiveGroup?: string; opensAt?: Date; closesAt?: Date | null; months?: number; autoApprove?: boolean } = {}) {
    return db.compensationOffer.create({
      data: {
        incidentId: incident.id,
        kind,
        title: `${kind} ${randomUUID().slice(0, 4)}`,
        description: "Test offer.",
        months: kind === "SERVICE_CREDIT" ? (extra.months ?? 1) : null,
        valueCents: kind === "GIFT_CARD" ? 10_000 : null,
        eligibility: extra.eligibility ?? "ANY_AFFECTED",
        mode: extra.mode ?? "CLAIM",
        exclusiveGroup: extra.exclusiveGroup ?? null,
        opensAt: extra.opensAt ?? new Date(Date.now() - HOUR),
        closesAt: extra.closesAt === undefined ? new Date(Date.now() + 24 * HOUR) : extra.closesAt,
        autoApprove: extra.autoApprove ?? false,
      },
    });
  }

  async function subscriber(states: Partial<Record<"contacts" | "photos", RestorationState>> = { contacts: "AFFECTED" }) {
    const user = await makeClaimUser();
    for (const [slug, state] of Object.entries(states)) {
      await db.restorationRecord.create({ data: { incidentId: incident.id, userId: user.id, categoryId: category(slug).id, state, itemsLost: 5, asOf: new Date() } });
    }
    return user;
  }

  async function addCodes(offerId: number, count: number) {
    const codes = Array.from({ length: count }, () => `GIFT-${randomUUID()}`);
    await db.giftCardCode.createMany({ data: codes.map((c) => ({ offerId, codeEncrypted: encryptCode(c), codeHash: hashCode(c), last4: lastFour(c) })) });
    return codes;
  }

  const form = (offerIds: number[], extra: Record<string, unknown> = {}) => ({ incidentId: incident.id, offerIds, attested: true, idempotencyKey: randomUUID(), ...extra });

  return { staff, incident, category, offer, subscriber, addCodes, form };
}
