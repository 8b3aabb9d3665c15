import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { expect, test } from "@playwright/test";
import { withDb } from "../helpers/db";
import { magicLinkIn, waitForMail } from "../helpers/mailbox";
import { ownLoopbackAddress, send } from "../helpers/next-start";
import { askForSignInLink } from "../helpers/security";

// Magic links against the suite's production server, through plain HTTP: what a copied or old
// link does, and whether the answer's timing tells known addresses from unknown ones.
const port = Number(process.env.E2E_PORT ?? 3100);
const server = { base: `http://127.0.0.1:${port}`, port };

async function newAccount(): Promise<string> {
  const email = `magic-${randomUUID().slice(0, 12)}@example.com`;
  await withDb((c) => c.query(`INSERT INTO "User" (id, email, role, "updatedAt") VALUES ($1, $2, 'SUBSCRIBER', now())`, [randomUUID(), email]));
  return email;
}

async function linkFor(email: string, from: string): Promise<string> {
  const since = new Date(Date.now() - 1000);
  expect((await askForSignInLink(server, { email, from })).status).toBe(200);
  const link = new URL(magicLinkIn(await waitForMail(email, since, /sign-in link/)));
  return `${link.pathname}${link.search}`;
}

const sessionCookie = (headers: { "set-cookie"?: string[] }) => (headers["set-cookie"] ?? []).find((c) => c.startsWith("next-auth.session-token=") && !c.startsWith("next-auth.session-token=;"));

test("a magic link signs in once; the same link again is refused and starts no session", async () => {
  const from = ownLoopbackAddress();
  const link = await linkFor(await newAccount(), from);
  const first = await send(server, { path: link, from });
  expect(first.status).toBe(302);
  expect(first.headers.location).toMatch(/\/me$/);
  expect(sessionCookie(first.headers)).toBeTruthy();

  const again = await send(server, { path: link, from: ownLoopbackAddress() });
  expect(again.status).toBe(302);
  expect(again.headers.location).toMatch(/\/error\?error=Verification$/);
  expect(sessionCookie(again.headers)).toBeUndefined();
});

test("a magic link used 11 minutes after it was sent is refused", async () => {
  const from = ownLoopbackAddress();
  const email = await newAccount();
  const link = await linkFor(email, from);
  // Links live 10 minutes: move this one's clock back as if it had been sent 11 minutes ago.
  const moved = await withDb((c) => c.query(`UPDATE "VerificationToken" SET expires = expires - interval '11 minutes' WHERE identifier = $1`, [email]));
  expect(moved.rowCount).toBe(1);
  const late = await send(server, { path: link, from });
  expect(late.status).toBe(302);
  expect(late.headers.location).toMatch(/\/error\?error=Verification$/);
  expect(sessionCookie(late.headers)).toBeUndefined();
});

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

test("asking for a link takes as long for an unknown address as for a known one", async () => {
  test.setTimeout(240_000);
  const ROUNDS = 150;
  const WARM_UP = 10;
  const from = ownLoopbackAddress();
  const known: string[] = [];
  // One after another: each account opens a database connection of its own, and the topology's
  // processes hold many of the server's connections already.
  for (let i = 0; i < ROUNDS + WARM_UP; i++) known.push(await newAccount());
  const timings = { known: [] as number[], unknown: [] as number[] };
  const timed = async (email: string) => {
    const started = performance.now();
    const response = await askForSignInLink(server, { email, from });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    return elapsed;
  };
  // Interleaved, so that load from anything else on the machine falls on both alike.
  for (let i = 0; i < ROUNDS + WARM_UP; i++) {
    const order = i % 2 ? (["known", "unknown"] as const) : (["unknown", "known"] as const);
    for (const kind of order) {
      const ms = await timed(kind === "known" ? known[i]! : `nobody-${randomUUID().slice(0, 12)}@example.com`);
      if (i >= WARM_UP) timings[kind].push(ms);
    }
  }
  const knownMedian = median(timings.known);
  const unknownMedian = median(timings.unknown);
  test.info().annotations.push({ type: "timing", description: `median known ${knownMedian.toFixed(1)} ms, unknown ${unknownMedian.toFixed(1)} ms over ${ROUNDS} each` });
  console.log(`sign-in request medians: known ${knownMedian.toFixed(1)} ms, unknown ${unknownMedian.toFixed(1)} ms (${ROUNDS} each)`);
  expect(Math.abs(knownMedian - unknownMedian)).toBeLessThan(Math.max(knownMedian, unknownMedian) * 0.25 + 2);
});
