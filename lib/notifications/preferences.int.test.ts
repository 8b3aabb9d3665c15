import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPreferences, updatePreferences } from "./preferences";

async function subscriber(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, email: user.email, role: user.role };
}

describe("email preferences", () => {
  it("saves chosen services and the digest choice for the signed-in person only", async () => {
    const actor = await subscriber("nadia.rivera17@example.com");
    const photos = await db.component.findUniqueOrThrow({ where: { slug: "photos" } });
    await updatePreferences({ actor, input: { incidentEmails: "components", digest: "DAILY", componentIds: [String(photos.id)] } });
    const prefs = await getPreferences(actor);
    expect(prefs).toMatchObject({ incidentEmails: "components", digest: "DAILY", componentIds: [photos.id] });

    await updatePreferences({ actor, input: { incidentEmails: "none", digest: "IMMEDIATE", componentIds: [] } });
    expect((await getPreferences(actor)).incidentEmails).toBe("none");
  });

  it("rejects an empty choice of services and unknown services, changing nothing", async () => {
    const actor = await subscriber("ravi.rivera18@example.com");
    await expect(updatePreferences({ actor, input: { incidentEmails: "components", digest: "IMMEDIATE", componentIds: [] } })).rejects.toThrow(/at least one service/);
    await expect(updatePreferences({ actor, input: { incidentEmails: "components", digest: "IMMEDIATE", componentIds: [999999] } })).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.emailSubscription.findUnique({ where: { userId: actor.id } })).toBeNull();
  });
});
