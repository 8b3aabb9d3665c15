import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { announcePublicChange, listenForPublicChanges, parseNotice, PROCESS_ID, PUBLIC_CHANGE_CHANNEL, signNotice, verifyNoticeSignature, type PublicChangeNotice } from "./public-change-signal";

afterAll(() => disconnectDb());

const waitFor = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe("public changes heard by every process", () => {
  it("reads only well-formed notices", () => {
    expect(parseNotice(JSON.stringify({ from: "a", change: { kind: "status", incidentSlugs: ["x"] } }))).toEqual({ from: "a", change: { kind: "status", incidentSlugs: ["x"] } });
    expect(parseNotice(JSON.stringify({ from: "a", change: { kind: "qa", incidentSlug: "x" } }))?.change).toEqual({ kind: "qa", incidentSlug: "x" });
    for (const bad of ["", "null", "{}", '{"from":"a"}', '{"from":1,"change":{"kind":"status"}}', '{"from":"a","change":{"kind":"qa"}}', '{"from":"a","change":{"kind":"status","incidentSlugs":[1]}}', '{"from":"a","change":{"kind":"drop"}}']) {
      expect(parseNotice(bad)).toBeNull();
    }
  });

  it("signs the loopback call so that only the instance itself can expire its cache", () => {
    const body = JSON.stringify({ from: "a", change: { kind: "status" } });
    expect(verifyNoticeSignature(body, signNotice(body))).toBe(true);
    expect(verifyNoticeSignature(body.replace("status", "qa"), signNotice(body))).toBe(false);
    expect(verifyNoticeSignature(body, null)).toBe(false);
    expect(verifyNoticeSignature(body, "short")).toBe(false);
  });

  it("delivers other processes' notices, skips its own, and reports a reconnect as 'anything may have changed'", async () => {
    const heard: (PublicChangeNotice | null)[] = [];
    let started = false;
    // Probes sent while waiting for the listener may arrive late: they are not part of the checks.
    const stop = listenForPublicChanges((notice) => {
      if (notice?.from === "probe") started = true;
      else heard.push(notice);
    }, () => {});
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      const probe = JSON.stringify({ from: "probe", change: { kind: "status" } });
      await waitFor(() => {
        void other.query("SELECT pg_notify($1, $2)", [PUBLIC_CHANGE_CHANNEL, probe]);
        return started;
      }, "the listener to start");

      announcePublicChange({ kind: "qa", incidentSlug: "mine" }); // from this process: not delivered
      await other.query("SELECT pg_notify($1, $2)", [PUBLIC_CHANGE_CHANNEL, JSON.stringify({ from: "web-2", change: { kind: "status", incidentSlugs: ["outage"] } })]);
      await other.query("SELECT pg_notify($1, $2)", [PUBLIC_CHANGE_CHANNEL, "not json"]);
      await waitFor(() => heard.length >= 1, "the other process's notice");
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual([{ from: "web-2", change: { kind: "status", incidentSlugs: ["outage"] } }]);
      expect(PROCESS_ID).not.toBe("web-2");

      // The server drops the listening connection: after reconnecting, the listener says so.
      heard.length = 0;
      await other.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1 AND pid <> pg_backend_pid()`, [`LISTEN ${PUBLIC_CHANGE_CHANNEL}`]);
      await waitFor(() => heard.includes(null), "the reconnect");
      heard.length = 0;
      await other.query("SELECT pg_notify($1, $2)", [PUBLIC_CHANGE_CHANNEL, JSON.stringify({ from: "web-3", change: { kind: "qa", incidentSlug: "again" } })]);
      await waitFor(() => heard.length >= 1, "a notice after the reconnect");
      expect(heard[0]).toEqual({ from: "web-3", change: { kind: "qa", incidentSlug: "again" } });
    } finally {
      await other.end();
      await stop();
    }
  }, 30_000);
});
