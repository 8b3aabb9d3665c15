// Every spec's `test` and `expect`. Each browser context a test opens (the `page` fixture's and any
// from browser.newContext()/newPage()) reports what the Content-Security-Policy refused, and the
// test fails if anything was: a refused script or style is a page that is silently broken.
import { test as base, expect, type Browser, type BrowserContext } from "@playwright/test";

export { expect };
export type { Locator, Page } from "@playwright/test";

interface Violation {
  directive: string;
  blocked: string;
  page: string;
  sample?: string;
}

declare global {
  interface Window {
    __reportCspViolation?: (violation: Violation) => void;
  }
}

class CspRecorder {
  /** Every refusal seen so far, as "page: directive refused what". */
  readonly violations: string[] = [];
  private readonly expected: RegExp[] = [];
  private readonly watched = new WeakSet<BrowserContext>();

  /** For a test that provokes a refusal on purpose: refusals matching `pattern` do not fail it. */
  expectRefusal(pattern: RegExp): void {
    this.expected.push(pattern);
  }

  unexpected(): string[] {
    return this.violations.filter((v) => !this.expected.some((pattern) => pattern.test(v)));
  }

  async watch(context: BrowserContext): Promise<void> {
    if (this.watched.has(context)) return;
    this.watched.add(context);
    await context.exposeFunction("__reportCspViolation", (v: Violation) => {
      this.violations.push(`${v.page}: ${v.directive} refused ${v.blocked}${v.sample ? ` (${v.sample})` : ""}`);
    });
    await context.addInitScript(() => {
      window.addEventListener(
        "securitypolicyviolation",
        (event) => window.__reportCspViolation?.({ directive: event.effectiveDirective, blocked: event.blockedURI || "inline", page: event.documentURI, sample: event.sample }),
        true,
      );
    });
    // Chromium also logs each refusal: a second witness, for documents where the init script
    // could not run (JavaScript disabled) or the page closed before the report arrived.
    context.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/.test(message.text())) {
        this.violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
      }
    });
  }

  /** Watches contexts the test opens itself, until `restore` is called. */
  instrument(browser: Browser): () => void {
    const original = browser.newContext;
    browser.newContext = async (options) => {
      const context = await original.call(browser, options);
      await this.watch(context);
      return context;
    };
    return () => {
      browser.newContext = original;
    };
  }
}

export const test = base.extend<{ csp: CspRecorder }>({
  csp: [
    async ({ browser }, run) => {
      const recorder = new CspRecorder();
      const restore = recorder.instrument(browser);
      try {
        await run(recorder);
      } finally {
        restore();
      }
      expect(recorder.unexpected(), "the Content-Security-Policy refused part of a page").toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, csp }, run) => {
    await csp.watch(context);
    await run(context);
  },
});
