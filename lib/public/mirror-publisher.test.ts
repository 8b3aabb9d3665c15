import { describe, expect, it, vi } from "vitest";
import { coalesce } from "./mirror-publisher";

describe("coalescing mirror publishes", () => {
  it("turns a burst of changes into one publish, and a change during a publish into one more", async () => {
    vi.useFakeTimers();
    try {
      let runs = 0;
      let finish: (() => void) | undefined;
      const request = coalesce(
        () => {
          runs += 1;
          return new Promise<void>((resolve) => (finish = resolve));
        },
        3_000,
        () => {},
      );
      for (let i = 0; i < 50; i++) request();
      await vi.advanceTimersByTimeAsync(2_999);
      expect(runs).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(runs).toBe(1);
      request(); // during the publish
      request();
      finish!();
      await vi.advanceTimersByTimeAsync(3_000);
      expect(runs).toBe(2);
      finish!();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(runs).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("reports a failed publish and publishes again on the next change", async () => {
    vi.useFakeTimers();
    try {
      const errors: unknown[] = [];
      let runs = 0;
      const request = coalesce(async () => {
        runs += 1;
        if (runs === 1) throw new Error("origin not answering");
      }, 100, (error) => errors.push(error));
      request();
      await vi.advanceTimersByTimeAsync(100);
      expect(errors).toHaveLength(1);
      request();
      await vi.advanceTimersByTimeAsync(100);
      expect(runs).toBe(2);
      expect(errors).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
