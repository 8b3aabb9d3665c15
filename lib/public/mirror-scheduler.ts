// Coalesces public changes into one static-mirror publish a few seconds later. The production
// server (scripts/start.ts) registers the publisher when STATUS_MIRROR_DIR is set; it lives on
// globalThis because that server and the Next.js bundle each load their own copy of this module.
const KEY = Symbol.for("aftercare.mirrorPublisher");

interface Registry {
  run?: () => Promise<void>;
  pending?: ReturnType<typeof setTimeout>;
  running?: boolean;
  again?: boolean;
}

const registry = (): Registry => ((globalThis as Record<symbol, Registry>)[KEY] ??= {});

export function setMirrorPublisher(run: (() => Promise<void>) | undefined): void {
  registry().run = run;
}

export function requestMirrorPublish(delayMs = 3_000): void {
  const r = registry();
  if (!r.run) return;
  if (r.running) {
    r.again = true; // a change during a publish gets a publish of its own afterwards
    return;
  }
  if (r.pending) return;
  r.pending = setTimeout(() => {
    r.pending = undefined;
    r.running = true;
    r.run!()
      .catch((error: unknown) => console.error("Static mirror publish failed:", error))
      .finally(() => {
        r.running = false;
        if (r.again) {
          r.again = false;
          requestMirrorPublish(delayMs);
        }
      });
  }, delayMs);
  r.pending.unref?.();
}
