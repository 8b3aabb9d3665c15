// Starts (or reuses) the embedded database that stands in when DATABASE_URL is unset.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { EMBEDDED_APPLICATION_NAME } from "../../lib/embedded-database";

export interface EmbeddedDatabase {
  url: string;
  /** Present only when this process started the server. */
  child?: ChildProcess;
  stop(): Promise<void>;
}

export const DEFAULT_DATA_DIR = path.resolve(process.env.EMBEDDED_DB_DIR ?? ".aftercare/pgdata");
export const DEFAULT_PORT = Number(process.env.EMBEDDED_DB_PORT ?? 54329);

/** The application name marks the embedded database for code that must treat it differently (lib/db.ts). */
export const embeddedUrl = (port: number) => `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?application_name=${EMBEDDED_APPLICATION_NAME}`;

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function ensureEmbeddedDatabase(
  { dataDir = DEFAULT_DATA_DIR, port = DEFAULT_PORT, quiet = false, ownProcessGroup = false } = {},
): Promise<EmbeddedDatabase> {
  const url = embeddedUrl(port);
  // Another process (usually `npm run dev`) already serves this data directory.
  if (await answers(url)) return { url, stop: async () => {} };

  const entry = path.resolve("scripts/db/embedded-server.ts");
  const child = spawn(process.execPath, ["--import", "tsx", entry, dataDir, String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
    // For a launcher that stops it last itself, after the apps using it (scripts/dev.ts).
    detached: ownProcessGroup,
  });
  const exitWithParent = () => child.kill("SIGTERM");
  process.on("exit", exitWithParent);

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("The embedded database did not start within 60 s")), 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The embedded database exited early (code ${code}). Is port ${port} taken? Set EMBEDDED_DB_PORT.`));
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("READY")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  if (!quiet) console.log(`Embedded PostgreSQL (PGlite) on 127.0.0.1:${port}, data in ${path.relative(process.cwd(), dataDir)}`);

  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off("exit", exitWithParent);
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
