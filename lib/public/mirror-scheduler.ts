/**
 * Coalesces public changes into one static-mirror publish a few seconds later.
 * Filled in by the static mirror; until a mirror directory is configured this does nothing.
 */
let pending: ReturnType<typeof setTimeout> | undefined;
let publisher: (() => Promise<void>) | undefined;

export function setMirrorPublisher(run: (() => Promise<void>) | undefined): void {
  publisher = run;
}

export function requestMirrorPublish(delayMs = 3_000): void {
  if (!publisher || pending) return;
  pending = setTimeout(() => {
    pending = undefined;
    publisher?.().catch((error: unknown) => console.error("Static mirror publish failed", error));
  }, delayMs);
  pending.unref?.();
}
