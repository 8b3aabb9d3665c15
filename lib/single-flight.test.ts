import { describe, expect, it } from "vitest";
import { singleFlight } from "./single-flight";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("singleFlight", () => {
  it("runs concurrent calls with one key once and tells the followers they shared it", async () => {
    const flight = singleFlight<string, number>();
    const gate = deferred<number>();
    let runs = 0;
    const run = () => (runs++, gate.promise);
    const calls = [flight("a", run), flight("a", run), flight("a", run)];
    gate.resolve(7);
    expect(await Promise.all(calls)).toEqual([
      { value: 7, shared: false },
      { value: 7, shared: true },
      { value: 7, shared: true },
    ]);
    expect(runs).toBe(1);
  });

  it("keeps different keys apart", async () => {
    const flight = singleFlight<string, string>();
    const results = await Promise.all([flight("a", async () => "A"), flight("b", async () => "B")]);
    expect(results.map((r) => [r.value, r.shared])).toEqual([
      ["A", false],
      ["B", false],
    ]);
  });

  it("runs afresh once the shared call has settled, whether it succeeded or failed", async () => {
    const flight = singleFlight<string, number>();
    let runs = 0;
    await expect(Promise.all([flight("k", async () => (runs++, Promise.reject(new Error("down")))), flight("k", async () => 0)])).rejects.toThrow("down");
    expect(runs).toBe(1);
    expect(await flight("k", async () => (runs++, 2))).toEqual({ value: 2, shared: false });
    expect(await flight("k", async () => (runs++, 3))).toEqual({ value: 3, shared: false });
    expect(runs).toBe(3);
  });

  it("gives every follower the leader's failure", async () => {
    const flight = singleFlight<string, number>();
    const gate = deferred<number>();
    const calls = [flight("k", () => gate.promise), flight("k", () => gate.promise)].map((p) => p.then(() => "ok", (e: Error) => e.message));
    gate.reject(new Error("refused"));
    expect(await Promise.all(calls)).toEqual(["refused", "refused"]);
  });
});
