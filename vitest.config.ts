import path from "node:path";
import { defineConfig } from "vitest/config";

// Tests that run an email worker (`*.worker.test.ts`) claim every due outbox row in the database,
// so they run on their own, after the rest: `npm test` does both passes.
const workerPass = process.env.VITEST_WORKER_PASS === "1";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: workerPass ? ["lib/**/*.worker.test.ts"] : ["lib/**/*.test.ts", "app/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: workerPass ? [] : ["**/node_modules/**", "**/*.worker.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
