// The Content-Security-Policy of every document, in one place: next.config.ts sends the static
// form with every response, proxy.ts replaces it with a per-request nonce form on dynamic pages.
// No imports from Next.js here, so that next.config.ts can load this file before the build.

export interface CspOptions {
  /** A fresh nonce for this response; only for documents rendered per request. */
  nonce?: string;
  /** `next dev`: React needs eval for its error overlay and injects styles without nonces. */
  dev?: boolean;
}

type Directives = Record<string, string[]>;

// Directives that are the same on every document, static or dynamic (besides default-src).
const COMMON: Directives = {
  // Inline event handlers (onerror=, onclick=) never run: the app has none, and they are the most
  // common shape of injected markup. This holds even where script-src keeps 'unsafe-inline'.
  "script-src-attr": ["'none'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "frame-ancestors": ["'none'"],
  "form-action": ["'self'"],
};

function scriptSources({ nonce, dev }: CspOptions): string[] {
  const evalForDev = dev ? ["'unsafe-eval'"] : [];
  // With a nonce, 'strict-dynamic' lets the nonced bootstrap load Next.js's chunks and CSP3
  // browsers ignore 'self'; 'self' stays for browsers that only know CSP2.
  if (nonce) return ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...evalForDev];
  // Prerendered and ISR documents are the same bytes for everyone, so they cannot carry a nonce,
  // and their inline RSC payload scripts change with every regeneration, so no hash list in a
  // header fixed at build time can match them (README, "Security headers and Content Security Policy").
  return ["'self'", "'unsafe-inline'", ...evalForDev];
}

function styleSources({ nonce, dev }: CspOptions): Directives {
  return {
    // Browsers without style-src-elem/-attr (before Safari 15.4) fall back to this one.
    "style-src": ["'self'", "'unsafe-inline'"],
    // Style sheets come from our own files; an injected <style> element does not apply. Next.js
    // puts the nonce on the inline styles it renders itself.
    "style-src-elem": dev ? ["'self'", "'unsafe-inline'"] : nonce ? ["'self'", `'nonce-${nonce}'`] : ["'self'"],
    // Progress bars and charts size themselves with style="width: …" attributes. An attribute can
    // restyle its own element but neither run script nor select other elements.
    "style-src-attr": ["'unsafe-inline'"],
  };
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives: Directives = { "default-src": ["'self'"], "script-src": scriptSources(options), ...COMMON, ...styleSources(options) };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** 128 random bits, base64: unguessable, and in the character set Next.js accepts for nonces. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
