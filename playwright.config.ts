import { defineConfig, devices } from "@playwright/test";
import { WORKER_NODE_ARGS } from "./scripts/worker-command";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${PORT}`;

// Debian's Chromium: Playwright's own browser download is not available on these machines.
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export default defineConfig({
  // The smoke suite runs against `npm run dev` on the embedded database (scripts/smoke-embedded.ts)
  // and must not pick up the app suite, whose tests prepare data through DATABASE_URL.
  testDir: process.env.E2E_SUITE === "smoke" ? "e2e/smoke" : "e2e/app",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: "**/*.mobile.spec.ts" },
    { name: "phone", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }, testMatch: "**/*.mobile.spec.ts" },
  ],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : [
        {
          // The production server (`npm start`: Next.js's own server).
          command: `node_modules/.bin/next start --port ${PORT}`,
          url: `${baseURL}/`,
          timeout: 120_000,
          reuseExistingServer: false,
          env: { NEXTAUTH_URL: baseURL },
        },
        {
          // The email worker (`npm run worker`) delivering the outbox to the test SMTP sink.
          command: `node ${WORKER_NODE_ARGS.join(" ")}`,
          wait: { stdout: /delivering through/ },
          timeout: 60_000,
          reuseExistingServer: false,
          env: { NEXTAUTH_URL: baseURL },
        },
      ],
});
