// `npm run dev`: everything a newcomer needs on one machine. Without DATABASE_URL it starts the
// embedded PostgreSQL; without SMTP_URL a local mailbox (http://localhost:3000/dev/mailbox).
// Then it applies migrations, seeds the demo on an empty database and starts Next.js and the
// email worker (which delivers the outbox to that mailbox).
import "./load-env";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { startMailSink } from "../lib/mail/sink";
import { ensureEmbeddedDatabase } from "./db/embedded";
import { applyMigrations } from "./db/schema-engine";
import { killNow, stopChildren } from "./stop-children";
import { API_NODE_ARGS } from "./api-command";
import { WORKER_NODE_ARGS } from "./worker-command";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = Number(process.env.PORT ?? 3000);
const stops: (() => Promise<void>)[] = [];
// The app processes (Next.js, the worker) once they run; stopped before the services in `stops`.
const apps: ChildProcess[] = [];
let stopping = false;
let signals = 0;
function onSignal() {
  signals += 1;
  if (signals > 1) {
    // A second Ctrl-C: stop waiting.
    killNow(apps);
    process.exit(130);
  }
  void shutdown(0);
}
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
process.on("SIGHUP", onSignal);
process.on("exit", () => killNow(apps));

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping: Next.js, the email worker and the API service first, then the database and the mailbox…");
  await stopChildren(apps);
  await Promise.allSettled(stops.map((stop) => stop()));
  process.exit(code);
}

if (!process.env.DATABASE_URL) {
  const embedded = await ensureEmbeddedDatabase({ ownProcessGroup: true });
  process.env.DATABASE_URL = embedded.url;
  stops.push(embedded.stop);
} else {
  console.log(`Using DATABASE_URL (${new URL(process.env.DATABASE_URL).host})`);
}

const applied = await applyMigrations(process.env.DATABASE_URL);
console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");

if (await isEmpty(process.env.DATABASE_URL)) {
  console.log("Empty database: loading the demo scenario…");
  await run(["--import", "tsx", "prisma/seed.ts"]);
}

if (!process.env.SMTP_URL) {
  const dir = path.resolve(process.env.MAILBOX_DIR ?? ".aftercare/mailbox");
  const sink = await startMailSink({ port: Number(process.env.SMTP_SINK_PORT ?? 2525), dir });
  process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
  process.env.MAILBOX_DIR = dir;
  stops.push(sink.close);
  console.log(`Local mailbox: http://localhost:${port}/dev/mailbox (SMTP on 127.0.0.1:${sink.port})`);
}
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

// A shorter restoration-email window than production's, so the demo shows coalescing quickly.
process.env.EMAIL_COALESCE_SECONDS ??= "30";

// Each child in a process group of its own (detached): Ctrl-C reaches only this launcher, which
// stops Next.js and the worker first and the database and mailbox they use last (see shutdown).
// The API service (claims, "My recovery" data): next dev forwards those two paths to it (proxy.ts).
process.env.API_PORT ??= String(port + 10);
process.env.API_ORIGIN ??= `http://127.0.0.1:${process.env.API_PORT}`;

const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", "--port", String(port)], { stdio: "inherit", env: process.env, detached: true });
apps.push(next);
keepRunning("Email worker", WORKER_NODE_ARGS);
keepRunning("API service", API_NODE_ARGS);

/** Starts a helper process and restarts it two seconds after it exits, until shutdown. */
function keepRunning(name: string, args: string[]) {
  const child = spawn(process.execPath, args, { stdio: "inherit", env: process.env, detached: true });
  apps.push(child);
  child.on("exit", (code, signal) => {
    apps.splice(apps.indexOf(child), 1);
    if (stopping) return;
    console.error(`${name} exited (${signal ?? code}); restarting it in 2 s.`);
    setTimeout(() => {
      if (!stopping) keepRunning(name, args);
    }, 2_000);
  });
}

next.on("exit", (code) => void shutdown(code ?? 0));

async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM "Component"');
    return Number(rows[0]?.n ?? 0) === 0;
  } finally {
    await client.end();
  }
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env: process.env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}
