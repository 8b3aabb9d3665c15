import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exited, stopChildren } from "./stop-children";

const node = (code: string) => spawn(process.execPath, ["-e", code], { detached: true, stdio: ["ignore", "pipe", "inherit"] });
/** Whether a process still runs; an exited one that nobody has reaped yet (a zombie) does not. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}
const ready = (child: ReturnType<typeof node>) => new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));

describe("stopChildren", () => {
  it("waits until every child has finished its own clean shutdown", async () => {
    const slow = node(`process.on("SIGTERM", () => setTimeout(() => process.exit(0), 300)); console.log("up"); setInterval(() => {}, 1000);`);
    const quick = node(`process.on("SIGTERM", () => process.exit(0)); console.log("up"); setInterval(() => {}, 1000);`);
    await Promise.all([ready(slow), ready(quick)]);
    const started = Date.now();
    await stopChildren([slow, quick]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(slow.exitCode).toBe(0);
    expect(quick.exitCode).toBe(0);
  });

  it("kills a child that ignores the request after the grace period", async () => {
    const stubborn = node(`process.on("SIGTERM", () => {}); console.log("up"); setInterval(() => {}, 1000);`);
    await ready(stubborn);
    await stopChildren([stubborn], { graceMs: 200 });
    expect(stubborn.signalCode).toBe("SIGKILL");
  });

  it("reaches the child's own children through its process group", async () => {
    const parent = node(
      `const c = require("node:child_process").spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" }); console.log(c.pid); setInterval(() => {}, 1000);`,
    );
    const grandchild = Number(await new Promise<string>((resolve) => parent.stdout!.once("data", (d: Buffer) => resolve(d.toString()))));
    await stopChildren([parent]);
    await expect.poll(() => (running(grandchild) ? "running" : "gone")).toBe("gone");
  });

  it("is done at once for a child that already exited", async () => {
    const gone = node(`console.log("up")`);
    await exited(gone);
    await stopChildren([gone]);
  });
});
