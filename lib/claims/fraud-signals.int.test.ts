import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RestorationState } from "@/lib/generated/prisma/enums";
import { makeScenario, makeUser } from "@/lib/restoration/staff-test-scenario";
import { getFraudSignals } from "./fraud-signals";

const HOUR = 3_600_000;
const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function scene() {
  const { incident, category } = await makeScenario();
  const [base, extra] = await Promise.all(
    (["ANY_AFFECTED", "ANY_UNRECOVERABLE_OR_PARTIAL"] as const).map((eligibility) =>
      db.compensationOffer.create({ data: { incidentId: incident.id, kind: "GIFT_CARD", title: eligibility === "ANY_AFFECTED" ? "Base card" : "Extra card", description: "d", valueCents: 100, eligibility, mode: "CLAIM", opensAt: new Date() } }),
    ),
  );
  /** A subscriber with one record in the given state and a claim for the given offers. */
  const claim = async (state: RestorationState | null, offers: number[], extra: { ip?: string; deviceId?: string; giftCardEmail?: string; createdAt?: Date } = {}) => {
    const user = await makeUser("SUBSCRIBER");
    if (state) await db.restorationRecord.create({ data: { incidentId: incident.id, userId: user.id, categoryId: category("contacts").id, state, asOf: new Date() } });
    const created = await db.claim.create({
      data: { number: `F-${randomUUID().slice(0, 8)}`, incidentId: incident.id, userId: user.id, attestedAt: new Date(), idempotencyKey: randomUUID(), ...extra, items: { create: offers.map((offerId) => ({ offerId })) } },
    });
    return created.id;
  };
  return { base: base!, extra: extra!, claim };
}

describe("getFraudSignals (PostgreSQL)", () => {
  it("flags many claims from one IP or device within 24 h, not older ones, with the threshold configurable", async () => {
    const { base, claim } = await scene();
    const ip = randomIp();
    const device = `dev-${randomUUID()}`;
    const old = await claim("AFFECTED", [base.id], { ip, deviceId: device, createdAt: new Date(Date.now() - 30 * HOUR) });
    const a = await claim("AFFECTED", [base.id], { ip, deviceId: device });
    const b = await claim("AFFECTED", [base.id], { ip });
    const c = await claim("AFFECTED", [base.id], { ip, deviceId: device });

    const signals = await getFraudSignals([old, a, b, c]);
    expect(signals.get(old)).toEqual([]);
    expect(signals.get(b)).toEqual([{ code: "SHARED_IP", message: "3 claims from the same IP address in 24 h" }]);
    expect(signals.get(a)?.map((s) => s.code)).toEqual(["SHARED_IP"]);

    const strict = await getFraudSignals([a, old], { sameDevice: 2, windowHours: 48 });
    expect(strict.get(a)).toEqual([
      { code: "SHARED_DEVICE", message: "3 claims from the same device in 48 h" },
      { code: "SHARED_IP", message: "4 claims from the same IP address in 48 h" },
    ]);
  });

  it("flags one gift-card email used by several accounts, whatever its case", async () => {
    const { base, claim } = await scene();
    const email = `cards-${randomUUID().slice(0, 8)}@example.test`;
    const a = await claim("AFFECTED", [base.id], { giftCardEmail: email });
    const b = await claim("AFFECTED", [base.id], { giftCardEmail: email.toUpperCase() });
    const lone = await claim("AFFECTED", [base.id], { giftCardEmail: `own-${randomUUID()}@example.test` });
    const signals = await getFraudSignals([a, b, lone]);
    expect(signals.get(a)).toEqual([{ code: "SHARED_GIFT_EMAIL", message: "The gift-card email is also on claims from 1 other account" }]);
    expect(signals.get(b)?.map((s) => s.code)).toEqual(["SHARED_GIFT_EMAIL"]);
    expect(signals.get(lone)).toEqual([]);
  });

  it("flags offers claimed by an account the restoration records do not make eligible", async () => {
    const { base, extra, claim } = await scene();
    const none = await claim(null, [base.id]);
    const unaffected = await claim("NOT_AFFECTED", [base.id]);
    const restored = await claim("RESTORED", [base.id, extra.id]);
    const lost = await claim("UNRECOVERABLE", [base.id, extra.id]);
    const signals = await getFraudSignals([none, unaffected, restored, lost, 2_000_000_000]);
    expect(signals.get(none)).toEqual([{ code: "INELIGIBLE", message: "The account is not eligible for “Base card”: none of its data was affected" }]);
    expect(signals.get(unaffected)?.map((s) => s.code)).toEqual(["INELIGIBLE"]);
    expect(signals.get(restored)).toEqual([{ code: "INELIGIBLE", message: "The account is not eligible for “Extra card”: none of its data is unrecoverable or only partly restored" }]);
    expect(signals.get(lost)).toEqual([]);
    expect(signals.get(2_000_000_000)).toEqual([]);
    expect(await getFraudSignals([])).toEqual(new Map());
  });
});
