import { expect, test } from "../helpers/test";
import { expectNotModifiedWhenUnchanged } from "../helpers/conditional";

test("GET /api/v1/status gives the overall status, components and active incidents, with validators", async ({ request }) => {
  const response = await request.get("/api/v1/status");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["cache-control"]).toMatch(/s-maxage=\d+.*stale-while-revalidate/);
  expect(response.headers()["set-cookie"]).toBeUndefined();
  const body = await response.json();
  expect(body.status.indicator).toBe("outage");
  expect(Date.parse(body.generatedAt)).not.toBeNaN();
  expect(body.components).toEqual(expect.arrayContaining([expect.objectContaining({ status: expect.stringMatching(/^(operational|degraded|partial_outage|major_outage|maintenance)$/) })]));
  const active = body.activeIncidents.find((i: { slug: string }) => i.slug === "subscriber-data-loss");
  expect(active).toMatchObject({ impact: "critical", status: "monitoring" });
  expect(active.latestUpdate.body).toContain("Calendar restoration is well under way");

  await expectNotModifiedWhenUnchanged(request, "/api/v1/status");
});

test("GET /api/v1/incidents pages through every incident and rejects a bad page number", async ({ request }) => {
  const list = await (await request.get("/api/v1/incidents")).json();
  expect(list.page).toBe(1);
  expect(list.total).toBeGreaterThanOrEqual(2);
  expect(list.incidents.map((i: { slug: string }) => i.slug)).toEqual(expect.arrayContaining(["subscriber-data-loss", "delayed-photo-uploads"]));
  expect(list.incidents[0].api).toMatch(/\/api\/v1\/incidents\/[\w-]+$/);
  const bad = await request.get("/api/v1/incidents?page=zero");
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.message).toContain("page");
});

test("GET /api/v1/incidents/{slug} has the updates newest first, the FAQ, and a JSON 404", async ({ request }) => {
  const { incident } = await (await request.get("/api/v1/incidents/subscriber-data-loss")).json();
  expect(incident.updates.length).toBeGreaterThanOrEqual(6);
  const times = incident.updates.map((u: { createdAt: string }) => Date.parse(u.createdAt));
  expect(times).toEqual([...times].sort((a, b) => b - a));
  expect(incident.faq.map((f: { question: string }) => f.question)).toContain("Do I have to do anything to get the free month?");
  expect(incident.components.length).toBeGreaterThan(0);

  const missing = await request.get("/api/v1/incidents/no-such-incident");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("NOT_FOUND");
});

test("public pages are shareable by a CDN: s-maxage, no cookies, no session lookup", async ({ request }) => {
  for (const path of ["/", "/incidents/subscriber-data-loss", "/history"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"], path).toMatch(/s-maxage=\d+/);
    expect(response.headers()["set-cookie"], path).toBeUndefined();
  }
  const gz = await request.get("/", { headers: { "Accept-Encoding": "gzip" } });
  expect(gz.headers()["vary"]).toMatch(/Accept-Encoding/i);
});

test("history pages live at /history/N and unknown pages are not found", async ({ request }) => {
  expect((await request.get("/history/1")).status()).toBe(200);
  expect((await request.get("/history/999")).status()).toBe(404);
  expect((await request.get("/history/abc")).status()).toBe(404);
});
