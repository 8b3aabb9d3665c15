import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { restorationProgress } from "@/lib/notifications/templates/restoration-progress";
import type { OutboxMessage } from "@/lib/notifications/templates/types";
import { transitionRecord } from "@/lib/restoration/transition-record";
import { makeClaimScenario } from "./claims-test-scenario";
import { getMyCompensation } from "./get-my-compensation";

async function loseContacts(s: Awaited<ReturnType<typeof makeClaimScenario>>, userId: string) {
  await transitionRecord({
    actor: s.staff,
    input: { userId, incidentId: s.incident.id, categoryId: s.category("contacts").id, expectedState: "AFFECTED", toState: "UNRECOVERABLE", itemsLost: 5, itemsRecovered: 0, itemsRestored: 0, note: "Nothing left to recover." },
  });
  const row = await db.emailOutbox.findFirstOrThrow({ where: { userId, template: "restoration.progress" } });
  const message: OutboxMessage = { id: row.id, template: row.template, toEmail: row.toEmail, userId: row.userId, eventRef: row.eventRef, payload: row.payload as Record<string, unknown> };
  const context = (await restorationProgress.load([message])).get(row.id)!;
  return restorationProgress.render(context, message).paragraphs.join("\n");
}

describe("the extra-compensation sentence names a real offer (PostgreSQL)", () => {
  it("is absent from /me, /claims and the restoration email when no offer covers lost data", async () => {
    const s = await makeClaimScenario();
    await s.offer("GIFT_CARD", { eligibility: "ANY_AFFECTED" });
    const user = await s.subscriber({ contacts: "AFFECTED" });
    const email = await loseContacts(s, user.id);
    expect(email).toContain("We are sorry about what could not be recovered.");
    expect(email).not.toMatch(/compensation|can claim|Claim it/i);
    const mine = (await getMyCompensation(user)).find((m) => m.incident.id === s.incident.id)!;
    expect(mine.extraCompensation).toBeNull();
  });

  it("names the offer for lost data and links to claim it, the same on /me, /claims and in the email", async () => {
    const s = await makeClaimScenario();
    const extra = await s.offer("GIFT_CARD", { eligibility: "ANY_UNRECOVERABLE_OR_PARTIAL" });
    const user = await s.subscriber({ contacts: "AFFECTED" });
    const email = await loseContacts(s, user.id);
    const mine = (await getMyCompensation(user)).find((m) => m.incident.id === s.incident.id)!;
    expect(mine.extraCompensation).toEqual({ text: `You can claim “${extra.title}”.`, link: { href: "/claims", label: "Claim it" } });
    expect(email).toContain(`You can claim “${extra.title}”. Claim it: http`);
    expect(email).toMatch(/\/claims\b/);
  });
});
