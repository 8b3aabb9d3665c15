import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WORKER_NODE_ARGS } from "./worker-command";

describe("the worker command", () => {
  it("is the same for `npm run worker` and the scripts that start the worker themselves", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.worker).toBe(`node ${WORKER_NODE_ARGS.join(" ")}`);
  });
});
