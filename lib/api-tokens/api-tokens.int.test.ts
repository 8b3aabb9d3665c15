import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticateApiToken } from "./authenticate-api-token";
import { createApiToken } from "./create-api-token";
import { revokeApiToken } from "./revoke-api-token";

async function admin() {
  const user = await db.user.findUniqueOrThrow({ where: { email: "admin@nimbus.example" } });
  return { id: user.id, email: user.email, role: user.role };
}

describe("API tokens", () => {
  it("stores only a hash, authenticates, and stops working the moment it is revoked", async () => {
    const actor = await admin();
    const created = await createApiToken({ actor, input: { name: "recovery pipeline" } });
    expect(created.secret).toMatch(/^act_/);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(stored)).not.toContain(created.secret);

    expect(await authenticateApiToken(`Bearer ${created.secret}`)).toEqual({ id: created.id, name: "recovery pipeline" });
    await revokeApiToken({ actor, tokenId: created.id });
    await expect(authenticateApiToken(`Bearer ${created.secret}`)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.auditLog.count({ where: { entityType: "ApiToken", entityId: String(created.id) } })).toBe(2);
  });

  it("refuses missing, malformed and unknown tokens", async () => {
    for (const header of [null, "", "Basic abc", "Bearer act_abcdefgh_nope", `Bearer act_abcdefgh_${"x".repeat(43)}`]) {
      await expect(authenticateApiToken(header)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
  });

  it("lets only admins create or revoke tokens", async () => {
    const support = { id: "s", email: "support@nimbus.example", role: "SUPPORT" as const };
    await expect(createApiToken({ actor: support, input: { name: "sneaky" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeApiToken({ actor: support, tokenId: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
