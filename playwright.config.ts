import { defineConfig, devices } from "@playwright/test";

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
  // The production topology (`npm run prod:local`): nginx at the edge in front of two `next start`
  // instances, and the worker delivering the outbox to the test SMTP sink.
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: `node_modules/.bin/tsx scripts/prod-local.ts --port ${PORT} --quiet`,
        url: `${baseURL}/`,
        wait: { stdout: /READY:/ },
        timeout: 180_000,
        reuseExistingServer: false,
        // prod:local stops nginx, the instances and the worker on SIGTERM.
        gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
        env: { NEXTAUTH_URL: baseURL, WEB_INSTANCES: "2", API_INSTANCES: "2", WORKERS: "1", PROD_LOCAL_DIR: `.aftercare/e2e-${PORT}` },
      },
});
