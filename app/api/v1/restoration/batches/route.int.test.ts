import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { GET as getErrors } from "./[id]/errors/route";
import { GET as getBatch } from "./[id]/route";
import { POST } from "./route";

// Outside Next.js there is no cache to expire: record what the route asks to expire instead.
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidateTag: (tag: string) => void revalidated.push(tag), revalidatePath: () => {}, unstable_cache: <T,>(fn: T) => fn }));

const HEADER = "subscriber_ref,category,state,items_lost,items_recovered,items_restored,as_of";
let admin: Actor;
beforeAll(async () => {
  const user = await db.user.findUniqueOrThrow({ where: { email: "admin@nimbus.example" } });
  admin = { id: user.id, email: user.email, role: user.role };
});

async function scenario() {
  const tag = randomUUID().slice(0, 8);
  const incident = await db.incident.create({ data: { slug: `api-test-${tag}`, title: `API test ${tag}`, impact: "MAJOR" } });
  const refs = [0, 1].map((i) => `API${tag}-${i}`);
  await db.user.createMany({ data: refs.map((ref) => ({ email: `${ref.toLowerCase()}@api.test`, accountRef: ref })) });
  const token = await createApiToken({ actor: admin, input: { name: `pipeline ${tag}` } });
  return { slug: incident.slug, refs, token };
}

const post = (query: string, csv: string, headers: Record<string, string>) =>
  POST(new Request(`http://localhost/api/v1/restoration/batches?${query}`, { method: "POST", body: csv, headers: { "Content-Type": "text/csv", ...headers }, duplex: "half" } as RequestInit));

const idParams = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

describe("POST /api/v1/restoration/batches with an API token", () => {
  it("answers 201 applied, then 200 for the same batch again, and names the token as uploader", async () => {
    const { slug, refs, token } = await scenario();
    const auth = { Authorization: `Bearer ${token.secret}`, "Idempotency-Key": "run-1" };
    const csv = `${HEADER}\n${refs[0]},contacts,AFFECTED,12,0,0,2026-11-09T00:00:00Z\n`;
    const created = await post(`incident=${slug}&mode=all_or_nothing&filename=progress.csv`, csv, auth);
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ status: "APPLIED", duplicate: false, changedRows: 1, errorReportUrl: null });
    // The incident's public page shows restoration progress: the import expires it at once.
    expect(revalidated).toContain(`public:incident:${slug}`);

    const again = await post(`incident=${slug}`, csv, auth);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, batchId: body.batchId });

    const summary = await getBatch(new Request("http://localhost/", { headers: auth }), idParams(body.batchId));
    expect(await summary.json()).toMatchObject({ filename: "progress.csv", apiToken: { name: token.name }, createdBy: null });
  });

  it("answers 409 naming the earlier batch when a key that was applied comes back with a different file", async () => {
    const { slug, refs, token } = await scenario();
    const auth = { Authorization: `Bearer ${token.secret}`, "Idempotency-Key": "run-9" };
    const applied = await (await post(`incident=${slug}`, `${HEADER}\n${refs[0]},tasks,AFFECTED,2,0,0,2026-11-09T00:00:00Z\n`, auth)).json();
    const reused = await post(`incident=${slug}`, `${HEADER}\n${refs[1]},tasks,AFFECTED,5,0,0,2026-11-09T00:00:00Z\n`, auth);
    expect(reused.status).toBe(409);
    expect(await reused.json()).toEqual({
      error: { code: "CONFLICT", message: `Idempotency key "run-9" was already used for batch #${applied.batchId} with a different file; nothing was applied.` },
    });
    expect(await db.importBatch.count({ where: { incident: { slug } } })).toBe(1);
  });

  it("answers 422 with the first errors and a downloadable report when a row breaks the gate", async () => {
    const { slug, refs, token } = await scenario();
    const auth = { Authorization: `Bearer ${token.secret}` };
    await post(`incident=${slug}`, `${HEADER}\n${refs[0]},photos,AFFECTED,9,0,0,2026-11-09T00:00:00Z\n`, auth);
    const rejected = await post(`incident=${slug}&mode=all_or_nothing`, `${HEADER}\n${refs[0]},photos,RESTORED,9,9,9,2026-11-10T00:00:00Z\n`, auth);
    expect(rejected.status).toBe(422);
    const body = await rejected.json();
    expect(body).toMatchObject({ status: "REJECTED", rejectedRows: 1, errorReportUrl: `/api/v1/restoration/batches/${body.batchId}/errors` });

    const report = await getErrors(new Request("http://localhost/", { headers: auth }), idParams(body.batchId));
    expect(report.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(report.headers.get("content-disposition")).toContain(`import-batch-${body.batchId}-errors.csv`);
    expect(await report.text()).toMatch(/^line,subscriber_ref,category,error\n2,".*","photos","cannot go from AFFECTED to RESTORED/);
  });

  it("refuses a revoked token with 401, and names unknown incidents and bad modes", async () => {
    const { slug, refs, token } = await scenario();
    const auth = { Authorization: `Bearer ${token.secret}` };
    const csv = `${HEADER}\n${refs[1]},notes,AFFECTED,3,0,0,2026-11-09T00:00:00Z\n`;
    const missing = await post("incident=no-such-incident", csv, auth);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect((await post(`incident=${slug}&mode=sometimes`, csv, auth)).status).toBe(422);

    await revokeApiToken({ actor: admin, tokenId: token.id });
    const refused = await post(`incident=${slug}`, csv, auth);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHORIZED", message: expect.stringMatching(/revoked/) } });
    expect(await db.importBatch.count({ where: { incident: { slug } } })).toBe(0);
  });
});
