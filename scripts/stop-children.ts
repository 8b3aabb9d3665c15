// Stopping the launcher's child processes in order. Children started with `detached: true` have a
// process group of their own, so a terminal's Ctrl-C reaches only the launcher, which stops the apps
// first and the database they use last: nothing sees its connection cut and dumps a stack trace.
import type { ChildProcess } from "node:child_process";

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // A negative pid reaches the whole group (next dev's own workers too).
    process.kill(-child.pid, name);
  } catch {
    try {
      child.kill(name);
    } catch {
      // Already gone.
    }
  }
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Asks each child to stop (SIGTERM), waits for all of them, and kills those still there after graceMs. */
export async function stopChildren(children: readonly ChildProcess[], { graceMs = 10_000 } = {}): Promise<void> {
  for (const child of children) signal(child, "SIGTERM");
  const timers = children.map((child) => setTimeout(() => signal(child, "SIGKILL"), graceMs));
  await Promise.all(children.map(exited));
  timers.forEach(clearTimeout);
}

/** For an abrupt exit of the launcher itself: detached children would otherwise outlive it. */
export function killNow(children: readonly ChildProcess[]): void {
  for (const child of children) signal(child, "SIGKILL");
}
