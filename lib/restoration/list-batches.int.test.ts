import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { BATCH_PAGE_SIZE, listBatches } from "./list-batches";
import { listImportIncidents } from "./list-import-incidents";

async function actor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, email: user.email, role: user.role };
}

/** An incident of its own with `count` batches, created one second apart (oldest first). */
async function incidentWithBatches(count: number, uploader: Actor) {
  const tag = randomUUID().slice(0, 8);
  const incident = await db.incident.create({ data: { slug: `batches-test-${tag}`, title: `Batches test ${tag}`, impact: "MAJOR" } });
  const token = await db.apiToken.create({ data: { name: `pipeline ${tag}`, tokenHash: `hash-${tag}`, prefix: tag } });
  const start = Date.now() - count * 1000;
  for (let i = 0; i < count; i++) {
    await db.importBatch.create({
      data: {
        incidentId: incident.id, key: `key-${i}`, contentSha256: `sha-${i}`, filename: `run-${i}.csv`, status: i % 3 === 2 ? "REJECTED" : "APPLIED",
        totalRows: 10, validRows: i % 3 === 1 ? 9 : 10, rejectedRows: i % 3 === 1 ? 1 : 0, staleRows: 0, changedRows: 10, durationMs: 120,
        createdAt: new Date(start + i * 1000),
        ...(i % 2 === 0 ? { createdById: uploader.id } : { apiTokenId: token.id }),
      },
    });
  }
  return { slug: incident.slug, tokenName: token.name };
}

describe("listBatches (PostgreSQL)", () => {
  it("lists an incident's batches newest first, 20 per page, naming who uploaded each", async () => {
    const support = await actor("support@nimbus.example");
    const { slug, tokenName } = await incidentWithBatches(23, support);

    const first = await listBatches({ actor: support, input: { incident: slug } });
    expect(first).toMatchObject({ page: 1, pages: 2, total: 23 });
    expect(first.items).toHaveLength(BATCH_PAGE_SIZE);
    expect(first.items.map((b) => b.filename).slice(0, 3)).toEqual(["run-22.csv", "run-21.csv", "run-20.csv"]);
    expect(first.items[0]?.uploadedBy).toEqual({ kind: "staff", label: "support@nimbus.example" });
    expect(first.items[1]?.uploadedBy).toEqual({ kind: "token", label: tokenName });

    const second = await listBatches({ actor: support, input: { incident: slug, page: "2" } });
    expect(second.items.map((b) => b.filename)).toEqual(["run-2.csv", "run-1.csv", "run-0.csv"]);
    expect(second.items.map((b) => b.hasErrorReport)).toEqual([true, true, false]);
    expect(second.items[0]).not.toHaveProperty("errorReport");
  });

  it("falls back to the first page for a page number that is not one", async () => {
    const support = await actor("support@nimbus.example");
    const { slug } = await incidentWithBatches(1, support);
    for (const page of ["0", "-3", "abc", "1.5"]) {
      expect((await listBatches({ actor: support, input: { incident: slug, page } })).page).toBe(1);
    }
    const beyond = await listBatches({ actor: support, input: { incident: slug, page: 9 } });
    expect(beyond.items).toEqual([]);
  });

  it("is for staff only, and names an unknown incident", async () => {
    const support = await actor("support@nimbus.example");
    const { slug } = await incidentWithBatches(1, support);
    const subscriber = await actor("sam.rivera@example.com");
    await expect(listBatches({ actor: subscriber, input: { incident: slug } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listImportIncidents(subscriber)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listBatches({ actor: support, input: { incident: "no-such-incident" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("offers open incidents first when choosing where to import", async () => {
    const admin = await actor("admin@nimbus.example");
    const incidents = await listImportIncidents(admin);
    const firstResolved = incidents.findIndex((i) => !i.open);
    expect(incidents[0]).toMatchObject({ open: true });
    expect(firstResolved === -1 || incidents.slice(firstResolved).every((i) => !i.open)).toBe(true);
  });
});
