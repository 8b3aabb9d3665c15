// `npm run drill:scale-out`: the production topology (npm run prod:local: nginx, 2 web instances,
// 2 workers) on a scratch PostgreSQL database. Staff sign in and post an update through nginx that
// fans out to 10,000 recipients; anonymous and signed-in GETs run through nginx all along; mid-way
// through delivery one worker and one web instance are killed with SIGKILL. Then it checks that every
// recipient has exactly one message at the SMTP sink (counted from the sink's files), that no request
// through nginx failed, and how soon the surviving instance (directly and through nginx) showed the
// update. Last line: RESULT {json}; the exit code is non-zero when a check fails.
// Options: --port <edge port> (default 8480; web and API instances on the next four ports, the sink on +10).
import "../load-env";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { findLink, listMailbox, type StoredMail } from "../../lib/mail/mailbox";
import { immediateRecipientsSql } from "../../lib/notifications/fanout/recipients-sql";
import { applyMigrations } from "../db/schema-engine";

const RECIPIENTS = 10_000;
/**
 * The README's promise: an update is on the public pages within this many seconds of being posted.
 * A missed notice still expires within the pages' 5-second revalidation, plus nginx's 1-second
 * micro-cache, plus a render on a busy machine (2.9–4.3 s were measured on 2 oversubscribed cores).
 */
const VISIBLE_BOUND_S = 10;
const INCIDENT_SLUG = "subscriber-data-loss";
const STAFF_EMAIL = "support@nimbus.example";
/** The kill lands once this share of the messages has been delivered. */
const KILL_AT_SHARE = 0.4;

const { values } = parseArgs({ options: { port: { type: "string" } } });
const edgePort = Number(values.port ?? 8480);
const [web1Port, web2Port, sinkPort] = [edgePort + 1, edgePort + 2, edgePort + 10];
const edge = `http://127.0.0.1:${edgePort}`;
const distDir = process.env.NEXT_DIST_DIR || ".next";
const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;
const log = (line: string) => console.log(`[${elapsed().toFixed(1).padStart(6)} s] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const n = (value: number) => value.toLocaleString("en-US");

const serverUrl = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
const scratchName = `drill_scale_out_${process.pid}`;
const scratchUrl = Object.assign(new URL(serverUrl), { pathname: `/${scratchName}` }).toString();
const adminUrl = Object.assign(new URL(serverUrl), { pathname: "/postgres" }).toString();
const sinkDir = mkdtempSync(path.join(os.tmpdir(), "aftercare-drill-mail-"));
const children: ChildProcess[] = [];
let pool: pg.Pool | undefined;
let stateDir: string | undefined;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Starts a child and resolves with its first stdout match of `ready`. */
function start(command: string, args: string[], env: Record<string, string>, ready: RegExp, timeoutMs: number): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(chunk.toString().replace(/^(?=.)/gm, "    | ")));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(" ")} was not ready within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match });
      }
    });
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited (${code}) before it was ready:\n${output}`)));
  });
}

// ─── Scratch database, demo data and 10,000 recipients ──────────────────────────────────────────

async function prepareDatabase(): Promise<string[]> {
  await admin(`CREATE DATABASE "${scratchName}"`);
  await applyMigrations(scratchUrl);
  const seed = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { env: { ...process.env, DATABASE_URL: scratchUrl }, encoding: "utf8" });
  if (seed.status !== 0) throw new Error(`The demo seed failed:\n${seed.stdout}\n${seed.stderr}`);
  pool = new pg.Pool({ connectionString: scratchUrl, max: 3 });
  // Exactly who the fan-out will reach (the same SQL as the worker's expansion), topped up with
  // confirmed subscribers of every incident until that is RECIPIENTS addresses.
  const recipientsSql = `SELECT email FROM (${immediateRecipientsSql(`(SELECT COALESCE(array_agg("componentId"), '{}') FROM "IncidentComponent" WHERE "incidentId" = i.id)::int[]`, "i.id")}) r`;
  const listRecipients = async () =>
    (await pool!.query<{ email: string }>(`SELECT r.email FROM "Incident" i CROSS JOIN LATERAL (${recipientsSql}) r WHERE i.slug = $1`, [INCIDENT_SLUG])).rows.map((r) => r.email);
  const demo = await listRecipients();
  await pool.query(
    `INSERT INTO "EmailSubscription" (id, email, "allIncidents", digest, "confirmedAt", "updatedAt")
     SELECT gen_random_uuid()::text, 'drill-' || g || '@scale-out.example', true, 'IMMEDIATE', now(), now() FROM generate_series(1, $1::int) g`,
    [RECIPIENTS - demo.length],
  );
  const recipients = await listRecipients();
  log(`Recipients: ${n(demo.length)} from the demo (affected accounts and subscribers) + ${n(RECIPIENTS - demo.length)} added subscribers = ${n(recipients.length)}.`);
  return recipients;
}

// ─── Staff through nginx: the magic link, then the post-update server action ─────────────────────

function cookiesOf(response: Response): string {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

async function signInStaff(): Promise<string> {
  const csrf = await fetch(`${edge}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = cookiesOf(csrf);
  const since = new Date(Date.now() - 1000);
  const asked = await fetch(`${edge}/api/auth/signin/email`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email: STAFF_EMAIL, csrfToken, callbackUrl: `${edge}/admin`, json: "true" }),
  });
  const answer = await asked.text();
  if (!asked.ok) throw new Error(`Asking for a sign-in link answered ${asked.status}: ${answer}`);
  // next-auth answers 200 with its error page's address when sending the link failed.
  const next = (JSON.parse(answer) as { url?: string }).url ?? "";
  if (/[?&]error=/.test(next)) throw new Error(`Asking for a sign-in link failed: next-auth sent the browser to ${next}`);
  let mail: StoredMail | undefined;
  for (let tries = 0; !mail; tries++) {
    if (tries > 300) {
      const inbox = await listMailbox(sinkDir, { limit: 1_000 });
      const latest = inbox.slice(0, 5).map((m) => `${m.receivedAt} to ${m.to.join(", ")}: ${m.subject}`);
      throw new Error(`No sign-in email for ${STAFF_EMAIL} reached the sink within 30 s of next-auth's answer (${next}). The sink holds ${inbox.length} message(s); the latest:\n  ${latest.join("\n  ")}`);
    }
    await sleep(100);
    // The whole mailbox: the workers may deliver other mail meanwhile.
    mail = (await listMailbox(sinkDir, { limit: 1_000 })).find((m) => m.to.includes(STAFF_EMAIL) && new Date(m.receivedAt) >= since && /sign-in link/i.test(m.subject));
  }
  const link = findLink(mail, "/api/auth/callback/email");
  if (!link) throw new Error("The sign-in email has no link.");
  const callback = await fetch(link, { redirect: "manual", headers: { cookie: csrfCookie } });
  const session = callback.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`The sign-in link answered ${callback.status} without a session cookie.`);
  return session.split(";")[0]!;
}

/** The id the staff page's form posts to: the build's server-reference manifest names it. */
function postUpdateActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, unknown> };
  const found = Object.entries(manifest.node).find(([, entry]) => JSON.stringify(entry).includes('"postUpdateAction"'));
  if (!found) throw new Error(`postUpdateAction is not in ${distDir}/server/server-reference-manifest.json`);
  return found[0];
}

/**
 * What the browser sends when staff press "Post update": React's encoding of the action's arguments
 * (previous state, form), the form's fields first under their reference's prefix, then the root.
 */
async function postUpdateThroughEdge(cookie: string, incidentId: number, body: string): Promise<void> {
  const form = new FormData();
  form.set("_1_incidentId", String(incidentId));
  form.set("_1_status", "MONITORING");
  form.set("_1_body", body);
  form.set("0", JSON.stringify([null, "$K1"]));
  const response = await fetch(`${edge}/admin/incidents/${incidentId}`, {
    method: "POST",
    headers: { cookie, "next-action": postUpdateActionId(), accept: "text/x-component", origin: edge },
    body: form,
  });
  const text = await response.text();
  if (response.status !== 200 || !text.includes("Update posted")) throw new Error(`Posting the update answered ${response.status}:\n${text.slice(0, 2000)}`);
}

// ─── Load through nginx, visibility, delivery ───────────────────────────────────────────────────

interface Hit {
  at: number;
  path: string;
  signedIn: boolean;
  status: number;
  error?: string;
  /** For a 5xx: what answered (the app's JSON or page, or nginx's) and the start of the body. */
  detail?: string;
}
const hits: Hit[] = [];
let loading = true;

async function loadLoop(paths: string[], cookie: string | null, pauseMs: number) {
  for (let i = 0; loading; i++) {
    const target = paths[i % paths.length]!;
    const at = elapsed();
    try {
      const response = await fetch(edge + target, { redirect: "manual", headers: cookie ? { cookie } : {} });
      const body = await response.text();
      const detail = response.status >= 500 ? `${response.headers.get("x-cache-status") ?? ""} ${body.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").slice(0, 160)}` : undefined;
      hits.push({ at, path: target, signedIn: Boolean(cookie), status: response.status, detail });
    } catch (error) {
      const cause = (error as Error & { cause?: { code?: string } }).cause;
      hits.push({ at, path: target, signedIn: Boolean(cookie), status: 0, error: cause?.code ?? (error as Error).message });
    }
    await sleep(pauseMs);
  }
}

/** Seconds from `from` until each origin's incident page shows `token`; polled every 100 ms. */
async function watchVisibility(origins: Record<string, string>, token: string, from: number, until: () => boolean): Promise<Record<string, number | null>> {
  const seen: Record<string, number | null> = Object.fromEntries(Object.keys(origins).map((k) => [k, null]));
  while (!until() && Object.values(seen).some((v) => v === null)) {
    await Promise.all(
      Object.entries(origins).map(async ([name, origin]) => {
        if (seen[name] !== null) return;
        const html = await fetch(`${origin}/incidents/${INCIDENT_SLUG}`).then((r) => r.text(), () => "");
        if (html.includes(token)) seen[name] = elapsed() - from;
      }),
    );
    await sleep(100);
  }
  return seen;
}

async function outboxCounts(eventRef: string): Promise<Record<string, number>> {
  const { rows } = await pool!.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM "EmailOutbox" WHERE "eventRef" = $1 GROUP BY 1`, [eventRef]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

interface Copy {
  receivedAt: number;
  messageId: string;
}

/** The messages at the sink that carry the update, by recipient address. */
async function readSink(token: string): Promise<Map<string, Copy[]>> {
  const byAddress = new Map<string, Copy[]>();
  const files = readdirSync(sinkDir).filter((f) => f.endsWith(".json"));
  for (let i = 0; i < files.length; i += 200) {
    const mails = await Promise.all(files.slice(i, i + 200).map(async (f) => JSON.parse(await readFile(path.join(sinkDir, f), "utf8")) as StoredMail));
    for (const mail of mails) {
      if (!mail.text.includes(token)) continue;
      const copy = { receivedAt: Date.parse(mail.receivedAt), messageId: mail.headers["message-id"] ?? "?" };
      for (const to of mail.to) byAddress.set(to, [...(byAddress.get(to) ?? []), copy]);
    }
  }
  return byAddress;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// ─── The drill ──────────────────────────────────────────────────────────────────────────────────

async function drill() {
  const secrets = {
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64"),
    GIFT_CODE_KEY: process.env.GIFT_CODE_KEY ?? randomBytes(32).toString("base64"),
  };
  log(`Scratch database ${scratchName} on ${serverUrl.host}: migrating and seeding the demo…`);
  const recipients = await prepareDatabase();
  if (existsSync(path.join(distDir, "BUILD_ID"))) {
    log(`Reusing the production build in ${distDir} (built ${statSync(path.join(distDir, "BUILD_ID")).mtime.toISOString()}).`);
  } else {
    log(`No production build in ${distDir}: building…`);
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { env: { ...process.env, ...secrets, DATABASE_URL: scratchUrl, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }

  await start(process.execPath, ["--import", "tsx", "scripts/mail-sink.ts", String(sinkPort), sinkDir], {}, /READY/, 30_000);
  log(`SMTP sink on port ${sinkPort}, storing every message in ${sinkDir}.`);
  stateDir = path.resolve(`.aftercare/drill-scale-out-${edgePort}`);
  const topologyEnv = {
    ...secrets,
    DATABASE_URL: scratchUrl,
    SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
    NEXTAUTH_URL: edge,
    WEB_INSTANCES: "2",
    WORKERS: "2",
    WEB_BASE_PORT: String(web1Port),
    PROD_LOCAL_DIR: stateDir,
    // A backup of the scratch database is not part of this drill.
    BACKUP_SCHEDULE: "0",
  };
  const topologyStart = elapsed();
  await start(process.execPath, ["--import", "tsx", "scripts/prod-local.ts", "--port", String(edgePort), "--quiet"], topologyEnv, /READY: .*/, 240_000);
  const topology = JSON.parse(readFileSync(path.join(stateDir, "topology.json"), "utf8")) as { processes: { role: string; pid: number; port?: number }[] };
  const pidOf = (role: string) => topology.processes.find((p) => p.role === role)!.pid;
  log(`Topology up in ${(elapsed() - topologyStart).toFixed(1)} s: ${topology.processes.map((p) => `${p.role} (pid ${p.pid}${p.port ? `, port ${p.port}` : ""})`).join(", ")}.`);

  const down = topology.processes.filter((p) => !alive(p.pid));
  if (down.length) throw new Error(`${down.map((p) => p.role).join(", ")} exited while the topology started (see its output above); the drill needs all of them up.`);

  const staffCookie = await signInStaff();
  log(`${STAFF_EMAIL} signed in through nginx with the emailed link.`);
  const { rows: incident } = await pool!.query<{ id: number }>(`SELECT id FROM "Incident" WHERE slug = $1`, [INCIDENT_SLUG]);
  const incidentId = incident[0]!.id;

  const anonymousPaths = ["/", `/incidents/${INCIDENT_SLUG}`];
  const loops = [
    ...Array.from({ length: 4 }, () => loadLoop(anonymousPaths, null, 50)),
    loadLoop([`/admin/incidents/${incidentId}`, "/admin"], staffCookie, 400),
  ];
  log("Load running through nginx: 4 anonymous loops on / and the incident page, 1 signed-in staff loop on /admin.");
  await sleep(3_000);

  const token = `drill-${randomBytes(4).toString("hex")}`;
  const body = `Scale-out check ${token}: contacts and calendars are restored for every affected account; **notes** are next.`;
  const postStarted = elapsed();
  await postUpdateThroughEdge(staffCookie, incidentId, body);
  const posted = elapsed();
  const { rows: update } = await pool!.query<{ id: number }>(`SELECT id FROM "IncidentUpdate" WHERE body = $1`, [body]);
  const eventRef = `incident-update:${update[0]!.id}`;
  log(`Staff posted update #${update[0]!.id} through nginx (the server action answered in ${(posted - postStarted).toFixed(2)} s).`);

  let drained = false;
  const visibility = watchVisibility({ "web 1 direct": `http://127.0.0.1:${web1Port}`, "web 2 direct": `http://127.0.0.1:${web2Port}`, "through nginx": edge }, token, posted, () => drained);

  let killedAt: number | null = null;
  let killedAtClock = 0;
  let sentAtKill = 0;
  const drainDeadline = elapsed() + 300;
  for (;;) {
    const counts = await outboxCounts(eventRef);
    const sent = counts.SENT ?? 0;
    if (killedAt === null && sent >= RECIPIENTS * KILL_AT_SHARE) {
      killedAt = elapsed();
      killedAtClock = Date.now();
      sentAtKill = sent;
      process.kill(pidOf("worker 2"), "SIGKILL");
      process.kill(pidOf("web 1"), "SIGKILL");
      log(`kill -9 worker 2 (pid ${pidOf("worker 2")}) and web 1 (pid ${pidOf("web 1")}) with ${n(sent)} of ${n(RECIPIENTS)} messages sent; outbox: ${JSON.stringify(counts)}.`);
    }
    const settled = (counts.SENT ?? 0) + (counts.FAILED ?? 0) + (counts.DEAD ?? 0) + (counts.SUPPRESSED ?? 0);
    if (settled >= RECIPIENTS && killedAt !== null) {
      log(`Outbox drained: ${JSON.stringify(counts)}.`);
      break;
    }
    if (elapsed() > drainDeadline) {
      log(`The outbox did not drain within 300 s: ${JSON.stringify(counts)}.`);
      break;
    }
    await sleep(killedAt === null ? 50 : 500);
  }
  drained = true;
  const seen = await visibility;
  loading = false;
  await Promise.all(loops);
  const killedDead = killedAt !== null && !alive(pidOf("worker 2")) && !alive(pidOf("web 1"));

  const atSink = await readSink(token);
  const expected = new Set(recipients);
  const copies = (address: string) => atSink.get(address)?.length ?? 0;
  const delivered = recipients.filter((r) => copies(r) >= 1).length;
  // A message is one Message-ID: the outbox row's. A second, different message to someone would be a
  // duplicate; the same message accepted twice (the worker killed between the SMTP server's "250 OK"
  // and recording it, so it is sent again after its lease) is a resend, which receiving mailboxes
  // collapse by Message-ID. SMTP offers no way to make that window zero.
  const messagesTo = (address: string) => new Set(atSink.get(address)?.map((c) => c.messageId) ?? []).size;
  const duplicates = recipients.reduce((sum, r) => sum + Math.max(0, messagesTo(r) - 1), 0);
  const resends = recipients.reduce((sum, r) => sum + Math.max(0, copies(r) - messagesTo(r)), 0);
  const duplicated = recipients.filter((r) => copies(r) > 1);
  const unexpected = [...atSink.keys()].filter((a) => !expected.has(a));
  const errors5xx = hits.filter((h) => h.status >= 500);
  const failures = hits.filter((h) => h.status === 0);
  const around = killedAt === null ? [] : hits.filter((h) => Math.abs(h.at - killedAt!) <= 10);
  const survivorSeconds = [seen["web 2 direct"], seen["through nginx"]];
  const visibleAfter = survivorSeconds.some((s) => s === null) ? null : Math.max(...(survivorSeconds as number[]));

  console.log("\n──────── Scale-out drill report ────────");
  console.log(`Topology: nginx on ${edgePort}, web 1 on ${web1Port}, web 2 on ${web2Port}, 2 workers, one PostgreSQL (${scratchName}).`);
  console.log(`Killed (SIGKILL) at ${killedAt?.toFixed(1) ?? "—"} s, ${n(sentAtKill)} of ${n(RECIPIENTS)} sent: worker 2 and web 1 — ${killedDead ? "both gone" : "NOT both gone"}.`);
  console.log(`Email: ${n(recipients.length)} recipients; at the sink ${n(delivered)} received the update, ${n(duplicates)} duplicate message(s), ${n(resends)} resend(s) of the same message, ${n(recipients.length - delivered)} missing, ${unexpected.length} unexpected address(es).`);
  if (duplicated.length) {
    // A resend of the same outbox row (same Message-ID) whose first copy the sink accepted just before
    // the kill is the acceptance window the README describes; anything else would be a second message.
    const sameRow = duplicated.filter((r) => new Set(atSink.get(r)!.map((c) => c.messageId)).size === 1);
    const firstCopies = duplicated.map((r) => (Math.min(...atSink.get(r)!.map((c) => c.receivedAt)) - killedAtClock) / 1000);
    console.log(`  duplicated: ${duplicated.length} address(es); ${sameRow.length} of them got the same Message-ID twice (one outbox row sent again after its lease);`);
    console.log(`  their first copies reached the sink between ${Math.min(...firstCopies).toFixed(2)} s and ${Math.max(...firstCopies).toFixed(2)} s from the kill.`);
  }
  const statuses = (list: Hit[]) => JSON.stringify(Object.fromEntries([...new Set(list.map((h) => h.status))].sort().map((s) => [s, list.filter((h) => h.status === s).length])));
  console.log(`Requests through nginx: ${n(hits.length)} (${n(hits.filter((h) => !h.signedIn).length)} anonymous, ${n(hits.filter((h) => h.signedIn).length)} signed in), statuses ${statuses(hits)}.`);
  console.log(`  within 10 s of the kill: ${n(around.length)}, statuses ${statuses(around)}; 5xx: ${errors5xx.length}; failed connections: ${failures.length}${failures.length ? ` (${[...new Set(failures.map((f) => f.error))].join(", ")})` : ""}.`);
  for (const h of errors5xx.slice(0, 20)) {
    console.log(`  ${h.status} at ${h.at.toFixed(1)} s (${killedAt === null ? "" : `${(h.at - killedAt).toFixed(1)} s from the kill, `}${h.signedIn ? "signed in" : "anonymous"}) ${h.path}: ${h.detail ?? ""}`);
  }
  if (errors5xx.length > 0 && stateDir) {
    // What nginx saw of its upstreams: which instance failed a request, and how.
    const errorLog = path.join(stateDir, "nginx", "logs", "error.log");
    const lines = existsSync(errorLog) ? readFileSync(errorLog, "utf8").trim().split("\n").slice(-40) : [];
    console.log(`  nginx's error log (last ${lines.length} lines):`);
    for (const line of lines) console.log(`    ${line}`);
  }
  for (const [name, seconds] of Object.entries(seen)) console.log(`Update visible on the incident page, ${name}: ${seconds === null ? "not seen" : `${seconds.toFixed(2)} s after the post returned`}.`);
  console.log(`Bound: the surviving instance (web 2), directly and through nginx, within ${VISIBLE_BOUND_S} s.`);

  const checks: [string, boolean][] = [
    [`${n(RECIPIENTS)} recipients were set up`, recipients.length === RECIPIENTS],
    ["the kill landed mid-way through delivery and both processes died", killedDead && sentAtKill < RECIPIENTS],
    ["every recipient received the update as exactly one message (one Message-ID)", delivered === recipients.length && duplicates === 0 && unexpected.length === 0],
    ["no request through nginx got a 5xx or a failed connection", errors5xx.length === 0 && failures.length === 0],
    [`the surviving instance showed the update within ${VISIBLE_BOUND_S} s`, visibleAfter !== null && visibleAfter <= VISIBLE_BOUND_S],
  ];
  for (const [name, ok] of checks) console.log(`${ok ? "PASS" : "FAIL"}  ${name}`);
  console.log(`Drill time: ${elapsed().toFixed(0)} s.`);
  const result = {
    recipients: recipients.length,
    delivered,
    duplicates,
    resends_same_message: resends,
    missing: recipients.length - delivered,
    requests: hits.length,
    errors_5xx: errors5xx.length,
    failed_requests: failures.length,
    visible_after_s: visibleAfter === null ? null : Number(visibleAfter.toFixed(2)),
    visible_bound_s: VISIBLE_BOUND_S,
    drill_s: Math.round(elapsed()),
  };
  return { ok: checks.every(([, ok]) => ok), result };
}

async function cleanUp() {
  const from = elapsed();
  // prod:local stops nginx, the web instances and the workers on SIGTERM; then the sink.
  for (const child of children.slice().reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill("SIGTERM");
    await Promise.race([new Promise((resolve) => child.once("exit", resolve)), sleep(20_000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  await pool?.end().catch(() => {});
  await admin(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`).catch((error: Error) => console.error(`Could not drop ${scratchName}: ${error.message}`));
  rmSync(sinkDir, { recursive: true, force: true });
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  log(`Stopped everything and dropped ${scratchName} in ${(elapsed() - from).toFixed(1)} s.`);
}

// Ctrl-C (the children hear it too; prod:local stops its own) or a SIGTERM, e.g. from CI's time
// bound: everything started is stopped and the scratch database is still dropped.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.once(signal, () => {
    loading = false;
    console.error(`\n${signal}: stopping the drill.`);
    void cleanUp().finally(() => process.exit(code));
  });
}

let outcome: { ok: boolean; result: Record<string, unknown> } | undefined;
try {
  outcome = await drill();
} catch (error) {
  console.error(`\nThe drill could not run to the end: ${(error as Error).stack ?? String(error)}`);
} finally {
  loading = false;
  await cleanUp();
}
if (outcome) console.log(`RESULT ${JSON.stringify(outcome.result)}`);
process.exit(outcome?.ok ? 0 : 1);
