// A throwaway environment for one test run: a fresh database (a new database on the server in
// DATABASE_URL, or an embedded PGlite in a temp folder) with migrations and the demo seed, and a
// real SMTP sink writing to a temp mailbox folder.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureEmbeddedDatabase } from "./db/embedded";
import { applyMigrations } from "./db/schema-engine";

const SECRETS = { NEXTAUTH_SECRET: "aftercare-test-secret-aftercare-test-secret", GIFT_CODE_KEY: Buffer.alloc(32, 7).toString("base64") };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function waitForReady(child: ChildProcess, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start`)), 60_000);
    child.once("exit", (code) => reject(new Error(`${what} exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("READY")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

export interface TestEnv {
  vars: Record<string, string>;
  teardown(): Promise<void>;
}

export async function createTestEnv(): Promise<TestEnv> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "aftercare-test-"));
  const cleanups: (() => Promise<void>)[] = [async () => rmSync(tmp, { recursive: true, force: true })];

  let databaseUrl: string;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `aftercare_test_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    cleanups.unshift(async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await client.end();
    });
    console.log(`Test database: ${name} on ${url.host}`);
  } else {
    const embedded = await ensureEmbeddedDatabase({ dataDir: path.join(tmp, "pgdata"), port: await freePort() });
    databaseUrl = embedded.url;
    cleanups.unshift(embedded.stop);
    console.log("Test database: embedded PGlite (no DATABASE_URL set)");
  }

  await applyMigrations(databaseUrl);
  await new Promise<void>((resolve, reject) => {
    // The seed encrypts the demo's gift-card codes: with the keys the app under test decrypts with.
    const seed = spawn(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { stdio: "inherit", env: { ...process.env, ...SECRETS, DATABASE_URL: databaseUrl } });
    seed.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seed exited with ${code}`))));
  });

  const mailboxDir = path.join(tmp, "mailbox");
  const smtpPort = await freePort();
  const sink = spawn(process.execPath, ["--import", "tsx", "scripts/mail-sink.ts", String(smtpPort), mailboxDir], { stdio: ["ignore", "pipe", "inherit"] });
  await waitForReady(sink, "SMTP sink");
  cleanups.unshift(async () => {
    sink.kill("SIGTERM");
  });

  return {
    vars: {
      DATABASE_URL: databaseUrl,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAILBOX_DIR: mailboxDir,
      ...SECRETS,
      // Browser tests sign in many times from one address; the limiter has its own tests.
      SIGNIN_LIMIT_PER_IP: "10000",
      NEXT_TELEMETRY_DISABLED: "1",
      // Restoration emails wait this long for more changes to coalesce; tests cannot wait minutes.
      EMAIL_COALESCE_SECONDS: "2",
      EMAIL_RETRY_BASE_SECONDS: "1",
      // Workers started by tests would otherwise back up the test database; the backup tests run it themselves.
      BACKUP_SCHEDULE: "0",
    },
    teardown: async () => {
      for (const cleanup of cleanups) await cleanup().catch(() => {});
    },
  };
}
