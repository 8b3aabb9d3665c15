import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signEmailToken } from "@/lib/notifications/links";
import { getPreferences, updatePreferences } from "@/lib/notifications/preferences";
import { confirmSubscription } from "./confirm-subscription";
import { getEmailPreferences } from "./get-email-preferences";
import { subscribe, SUBSCRIBE_ANSWER, SUBSCRIBE_LIMIT } from "./subscribe";
import { unsubscribeList } from "./unsubscribe-list";
import { unsubscribeEverything, updateEmailPreferences } from "./update-email-preferences";

const tag = () => randomUUID().slice(0, 8);
const newAddress = () => `subs-${tag()}@example.org`;
const ip = () => `198.51.100.${tag()}`;
const confirmations = (email: string) => db.emailOutbox.findMany({ where: { toEmail: email, template: "subscription.confirm" } });
const row = (email: string) => db.emailSubscription.findUniqueOrThrow({ where: { email }, include: { components: { select: { componentId: true } } } });
const prefsToken = (email: string) => signEmailToken("preferences", email);

// Services of this file's own: the subscribers confirmed here must not become recipients of
// incidents other tests post on the shared services (and so no "every incident" stays active).
let serviceA = 0;
let serviceB = 0;
beforeAll(async () => {
  const run = tag();
  serviceA = (await db.component.create({ data: { slug: `subs-a-${run}`, name: `Subscriptions A ${run}` } })).id;
  serviceB = (await db.component.create({ data: { slug: `subs-b-${run}`, name: `Subscriptions B ${run}` } })).id;
});

async function account() {
  const email = `subs-account-${tag()}@example.org`;
  const user = await db.user.create({ data: { email } });
  return { id: user.id, email, role: user.role };
}

/** Pretends the last confirmation went out long enough ago for another one to be allowed. */
async function ageConfirmation(email: string) {
  await db.emailSubscription.update({ where: { email }, data: { confirmSentAt: new Date(Date.now() - 11 * 60_000) } });
}

describe("public subscribe (double opt-in)", () => {
  it("stores a new address unconfirmed with its chosen services and queues one confirmation", async () => {
    const email = newAddress();
    const answer = await subscribe({ input: { email: `  ${email.toUpperCase()} `, scope: "components", componentIds: [String(serviceA)] }, ip: ip() });
    expect(answer.message).toBe(SUBSCRIBE_ANSWER);

    const saved = await row(email);
    expect(saved).toMatchObject({ confirmedAt: null, unsubscribedAt: null, allIncidents: false, userId: null });
    expect(saved.components.map((c) => c.componentId)).toEqual([serviceA]);
    expect(saved.confirmSentAt).toBeInstanceOf(Date);
    const queued = await confirmations(email);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.dedupeKey).toMatch(new RegExp(`^subscription\\.confirm:${email.replace(/[.]/g, "\\.")}:\\d+$`));
  });

  it("answers a repeat within 10 minutes the same way but queues no second confirmation; later it does", async () => {
    const email = newAddress();
    await subscribe({ input: { email, scope: "all" }, ip: ip() });
    expect((await subscribe({ input: { email, scope: "all" }, ip: ip() })).message).toBe(SUBSCRIBE_ANSWER);
    expect(await confirmations(email)).toHaveLength(1);

    await ageConfirmation(email);
    await subscribe({ input: { email, scope: "all" }, ip: ip() });
    expect(await confirmations(email)).toHaveLength(2);
  });

  it("leaves a confirmed address exactly as it was when a stranger subscribes it again", async () => {
    const email = newAddress();
    await subscribe({ input: { email, scope: "components", componentIds: [serviceA] }, ip: ip() });
    await confirmSubscription({ token: signEmailToken("confirm", email) });
    const before = await row(email);
    await ageConfirmation(email);

    expect((await subscribe({ input: { email, scope: "all" }, ip: ip() })).message).toBe(SUBSCRIBE_ANSWER);
    const after = await row(email);
    expect(after).toMatchObject({ allIncidents: false, confirmedAt: before.confirmedAt, unsubscribedAt: null });
    expect(after.components.map((c) => c.componentId)).toEqual([serviceA]);
    expect(await confirmations(email)).toHaveLength(1);
  });

  it("treats subscribing after an unsubscribe as a new opt-in: nothing applies until the link is clicked", async () => {
    const email = newAddress();
    await subscribe({ input: { email, scope: "components", componentIds: [serviceA] }, ip: ip() });
    await confirmSubscription({ token: signEmailToken("confirm", email) });
    await unsubscribeList({ token: prefsToken(email), list: "incidents" });
    await ageConfirmation(email);

    await subscribe({ input: { email, scope: "components", componentIds: [serviceB] }, ip: ip() });
    const pending = await row(email);
    expect(pending.confirmedAt).toBeNull();
    expect(pending.unsubscribedAt).not.toBeNull();
    expect(await confirmations(email)).toHaveLength(2);

    await confirmSubscription({ token: signEmailToken("confirm", email) });
    const active = await row(email);
    expect(active).toMatchObject({ unsubscribedAt: null, allIncidents: false });
    expect(active.confirmedAt).not.toBeNull();
    expect(active.components.map((c) => c.componentId)).toEqual([serviceB]);
  });

  it("keeps an account's address verified when someone re-subscribes it after an unsubscribe", async () => {
    const user = await account();
    await unsubscribeList({ token: prefsToken(user.email), list: "incidents" });
    const off = await row(user.email);
    expect(off.userId).toBe(user.id);

    await subscribe({ input: { email: user.email, scope: "all" }, ip: ip() });
    const pending = await row(user.email);
    expect(pending.confirmedAt).toEqual(off.confirmedAt);
    expect(pending.unsubscribedAt).toEqual(off.unsubscribedAt);
    expect(await confirmations(user.email)).toHaveLength(1);
  });

  it("refuses bad input clearly and stores nothing", async () => {
    const email = newAddress();
    await expect(subscribe({ input: { email: "not an address", scope: "all" }, ip: ip() })).rejects.toMatchObject({ code: "INVALID", details: { field: "email" } });
    await expect(subscribe({ input: { email: `${"a".repeat(250)}@example.org`, scope: "all" }, ip: ip() })).rejects.toThrow(/too long/);
    await expect(subscribe({ input: { email, scope: "components", componentIds: [] }, ip: ip() })).rejects.toThrow(/at least one service/);
    await expect(subscribe({ input: { email, scope: "components", componentIds: [99_999_999] }, ip: ip() })).rejects.toThrow(/does not exist/);
    expect(await db.emailSubscription.findUnique({ where: { email } })).toBeNull();
    expect(await confirmations(email)).toHaveLength(0);
  });

  it("limits attempts per IP with a clear message", async () => {
    const from = ip();
    for (let i = 0; i < SUBSCRIBE_LIMIT.perIp; i++) await subscribe({ input: { email: newAddress(), scope: "all" }, ip: from });
    const blocked = newAddress();
    await expect(subscribe({ input: { email: blocked, scope: "all" }, ip: from })).rejects.toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/^Too many attempts/) });
    expect(await db.emailSubscription.findUnique({ where: { email: blocked } })).toBeNull();
  });
});

describe("confirming", () => {
  it("links the row to the account of the address only once the address confirms", async () => {
    const user = await account();
    await subscribe({ input: { email: user.email, scope: "components", componentIds: [serviceA] }, ip: ip() });
    expect(await row(user.email)).toMatchObject({ userId: null, confirmedAt: null });
    await confirmSubscription({ token: signEmailToken("confirm", user.email) });
    const confirmed = await row(user.email);
    expect(confirmed.userId).toBe(user.id);
    expect(confirmed.confirmedAt).not.toBeNull();
  });

  it("is idempotent and keeps the first confirmation time", async () => {
    const email = newAddress();
    await subscribe({ input: { email, scope: "components", componentIds: [serviceA] }, ip: ip() });
    const first = await confirmSubscription({ token: signEmailToken("confirm", email) });
    expect(first.preferencesPath).toBe(`/preferences/${prefsToken(email)}`);
    const confirmedAt = (await row(email)).confirmedAt;
    expect(confirmedAt).not.toBeNull();
    await confirmSubscription({ token: signEmailToken("confirm", email) });
    expect((await row(email)).confirmedAt).toEqual(confirmedAt);
    expect(await db.auditLog.count({ where: { action: "subscription.confirmed", actorEmail: email } })).toBe(1);
  });

  it("refuses a tampered link, a preferences link and an address with no subscription", async () => {
    const email = newAddress();
    await subscribe({ input: { email, scope: "all" }, ip: ip() });
    await expect(confirmSubscription({ token: `${signEmailToken("confirm", email)}x` })).rejects.toMatchObject({ code: "INVALID" });
    await expect(confirmSubscription({ token: prefsToken(email) })).rejects.toMatchObject({ code: "INVALID" });
    await expect(confirmSubscription({ token: signEmailToken("confirm", newAddress()) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await row(email)).confirmedAt).toBeNull();
  });
});

describe("preferences by signed link", () => {
  it("changes scope and digest of an address without an account, and audits it as that address", async () => {
    const email = newAddress();
    await subscribe({ input: { email, scope: "components", componentIds: [serviceA] }, ip: ip() });
    await confirmSubscription({ token: signEmailToken("confirm", email) });

    await updateEmailPreferences({ token: prefsToken(email), input: { incidentEmails: "components", digest: "DAILY", componentIds: [String(serviceB)], restorationEmails: false, claimEmails: false } });
    const prefs = await getEmailPreferences({ token: prefsToken(email) });
    expect(prefs).toMatchObject({ email, isAccount: false, known: true, incidentEmails: "components", digest: "DAILY", componentIds: [serviceB] });
    // No account, so no news of its own: those toggles are not the address's to change.
    expect(prefs).toMatchObject({ restorationEmails: true, claimEmails: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "email-preferences.updated", actorEmail: email } });
    expect(audit.actorId).toBeNull();
    expect(audit.after).toMatchObject({ incidentEmails: "components", digest: "DAILY" });

    await updateEmailPreferences({ token: prefsToken(email), input: { incidentEmails: "none", digest: "DAILY", componentIds: [] } });
    expect((await getEmailPreferences({ token: prefsToken(email) }))?.incidentEmails).toBe("none");
  });

  it("lets an account's address turn its restoration and claim news off, creating its row", async () => {
    const user = await account();
    await updateEmailPreferences({ token: prefsToken(user.email), input: { incidentEmails: "components", digest: "IMMEDIATE", componentIds: [serviceA], restorationEmails: false, claimEmails: true } });
    const saved = await row(user.email);
    expect(saved).toMatchObject({ userId: user.id, restorationEmails: false, claimEmails: true, allIncidents: false, unsubscribedAt: null });
    expect(saved.confirmedAt).not.toBeNull();
    expect(await getPreferences(user)).toMatchObject({ restorationEmails: false, claimEmails: true });
  });

  it("offers an account's own incidents only to an account", async () => {
    const user = await account();
    expect(await getEmailPreferences({ token: prefsToken(user.email) })).toMatchObject({ known: true, isAccount: true, incidentEmails: "mine" });
    await updateEmailPreferences({ token: prefsToken(user.email), input: { incidentEmails: "mine", digest: "IMMEDIATE" } });
    expect(await row(user.email)).toMatchObject({ allIncidents: false, unsubscribedAt: null });

    const email = newAddress();
    await subscribe({ input: { email, scope: "all" }, ip: ip() });
    await expect(updateEmailPreferences({ token: prefsToken(email), input: { incidentEmails: "mine", digest: "IMMEDIATE" } })).rejects.toThrow(/Only an account/);
    expect(await row(email)).toMatchObject({ allIncidents: true });
  });

  it("refuses an invalid link, an empty choice and unknown services, changing nothing", async () => {
    const email = newAddress();
    await subscribe({ input: { email, scope: "all" }, ip: ip() });
    expect(await getEmailPreferences({ token: `${prefsToken(email)}x` })).toBeNull();
    const input = { incidentEmails: "none", digest: "IMMEDIATE" };
    await expect(updateEmailPreferences({ token: signEmailToken("confirm", email), input })).rejects.toThrow(/not valid/);
    await expect(updateEmailPreferences({ token: prefsToken(email), input: { ...input, incidentEmails: "components" } })).rejects.toThrow(/at least one service/);
    await expect(updateEmailPreferences({ token: prefsToken(email), input: { ...input, incidentEmails: "components", componentIds: [99_999_999] } })).rejects.toThrow(/does not exist/);
    expect(await row(email)).toMatchObject({ unsubscribedAt: null, allIncidents: true });
  });

  it("unsubscribes from everything", async () => {
    const user = await account();
    await unsubscribeEverything({ token: prefsToken(user.email) });
    expect(await getEmailPreferences({ token: prefsToken(user.email) })).toMatchObject({ incidentEmails: "none", restorationEmails: false, claimEmails: false });
  });
});

describe("one-click unsubscribe", () => {
  it("stops each list of an account on its own, creating the row it needs, and repeats harmlessly", async () => {
    const user = await account();
    const token = prefsToken(user.email);
    await unsubscribeList({ token, list: "restoration" });
    // The new row keeps what the account had without one: incidents that affected it, not all.
    expect(await row(user.email)).toMatchObject({ userId: user.id, restorationEmails: false, claimEmails: true, unsubscribedAt: null, allIncidents: false });
    expect((await getEmailPreferences({ token }))?.incidentEmails).toBe("mine");
    await unsubscribeList({ token, list: "claims" });
    expect(await row(user.email)).toMatchObject({ restorationEmails: false, claimEmails: false, unsubscribedAt: null });
    await unsubscribeList({ token, list: "incidents" });
    const off = await row(user.email);
    expect(off.unsubscribedAt).not.toBeNull();

    await unsubscribeList({ token, list: "incidents" });
    await unsubscribeList({ token, list: "claims" });
    expect((await row(user.email)).unsubscribedAt).toEqual(off.unsubscribedAt);
    expect(await db.auditLog.count({ where: { action: "email-preferences.one-click-unsubscribe", actorEmail: user.email } })).toBe(3);
  });

  it("stops incident mail of a confirmed subscriber", async () => {
    const email = newAddress();
    await subscribe({ input: { email, scope: "components", componentIds: [serviceA] }, ip: ip() });
    await confirmSubscription({ token: signEmailToken("confirm", email) });
    await unsubscribeList({ token: prefsToken(email), list: "incidents" });
    expect((await row(email)).unsubscribedAt).not.toBeNull();
  });

  it("refuses a bad token or an unknown list, and invents no row for a stranger's address", async () => {
    const email = newAddress();
    await expect(unsubscribeList({ token: signEmailToken("confirm", email), list: "incidents" })).rejects.toMatchObject({ code: "INVALID" });
    await expect(unsubscribeList({ token: null, list: "incidents" })).rejects.toMatchObject({ code: "INVALID" });
    await expect(unsubscribeList({ token: prefsToken(email), list: "marketing" })).rejects.toThrow(/Unknown list/);
    await unsubscribeList({ token: prefsToken(email), list: "incidents" });
    expect(await db.emailSubscription.findUnique({ where: { email } })).toBeNull();
  });
});

describe("signed-in preferences", () => {
  it("takes over the row someone made for the account's address on the public form", async () => {
    const user = await account();
    await subscribe({ input: { email: user.email, scope: "all" }, ip: ip() });
    await updatePreferences({ actor: user, input: { incidentEmails: "components", digest: "DAILY", componentIds: [serviceA], restorationEmails: true, claimEmails: false } });
    const saved = await row(user.email);
    expect(saved).toMatchObject({ userId: user.id, digest: "DAILY", claimEmails: false });
    expect(saved.confirmedAt).not.toBeNull();
    expect(await db.emailSubscription.count({ where: { OR: [{ email: user.email }, { userId: user.id }] } })).toBe(1);
  });
});
