// Public changes are announced to every process on the database, so that each web instance expires
// its own Next.js cache (tags live in each process's memory) and the worker republishes the static
// mirror. PostgreSQL's LISTEN/NOTIFY carries the announcement: no extra component, and a change is
// only announced after the transaction that made it has committed (the caller runs afterwards).
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import pg from "pg";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";

export const PUBLIC_CHANGE_CHANNEL = "aftercare_public_change";

export type PublicChange = { kind: "status"; incidentSlugs?: string[] } | { kind: "qa"; incidentSlug: string };

export interface PublicChangeNotice {
  /** The process that made the change; it has already expired its own cache. */
  from: string;
  change: PublicChange;
}

/** This process, as named in the notices it sends. */
export const PROCESS_ID = `${process.pid}:${randomUUID().slice(0, 8)}`;

/** Tells every other process. Best effort: a lost notice costs at most the cache's own expiry. */
export function announcePublicChange(change: PublicChange): void {
  const notice: PublicChangeNotice = { from: PROCESS_ID, change };
  pgPool()
    .query("SELECT pg_notify($1, $2)", [PUBLIC_CHANGE_CHANNEL, JSON.stringify(notice)])
    .catch((error: unknown) => console.error("Could not announce a public change:", (error as Error).message));
}

export function parseNotice(payload: string | undefined): PublicChangeNotice | null {
  try {
    const notice = JSON.parse(payload ?? "") as PublicChangeNotice;
    const change = notice?.change;
    if (typeof notice.from !== "string" || !change) return null;
    if (change.kind === "status" && (change.incidentSlugs === undefined || (Array.isArray(change.incidentSlugs) && change.incidentSlugs.every((s) => typeof s === "string")))) return notice;
    if (change.kind === "qa" && typeof change.incidentSlug === "string") return notice;
    return null;
  } catch {
    return null;
  }
}

/**
 * Calls `onNotice` for every public change announced by another process, on a connection of its
 * own (a LISTEN holds its session). Reconnects after a lost connection, and then calls `onNotice`
 * with `null`: changes may have been missed, so everything should be treated as changed.
 * Returns a function that stops listening.
 */
export function listenForPublicChanges(onNotice: (notice: PublicChangeNotice | null) => void, log: (line: string) => void = console.error): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let connectedBefore = false;
  // One line per outage, not one per retry.
  let reported = false;
  const report = (line: string) => {
    if (!reported) log(`${line} (retrying every 2 s)`);
    reported = true;
  };

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: env().DATABASE_URL, connectionTimeoutMillis: 5_000 });
    next.on("notification", (message) => {
      if (message.channel !== PUBLIC_CHANGE_CHANNEL) return;
      const notice = parseNotice(message.payload);
      if (notice && notice.from !== PROCESS_ID) onNotice(notice);
    });
    next.on("error", (error) => {
      report(`public-change listener lost its connection: ${error.message}`);
      void next.end().catch(() => {});
      if (client === next) client = undefined;
      schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${PUBLIC_CHANGE_CHANNEL}`);
      client = next;
      if (reported) log("public-change listener connected again");
      reported = false;
      if (connectedBefore) onNotice(null);
      connectedBefore = true;
    } catch (error) {
      report(`public-change listener could not connect: ${(error as Error).message}`);
      void next.end().catch(() => {});
      schedule();
    }
  };
  const schedule = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, 2_000);
    retry.unref?.();
  };
  void connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

// The web instance's own endpoint that expires its cache (app/api/internal/public-change) accepts
// only notices signed with a key derived from NEXTAUTH_SECRET for this one purpose.
const signingKey = () => createHmac("sha256", env().NEXTAUTH_SECRET).update("aftercare:public-change:v1").digest();

export function signNotice(body: string): string {
  return createHmac("sha256", signingKey()).update(body).digest("base64url");
}

export function verifyNoticeSignature(body: string, signature: string | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signNotice(body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
