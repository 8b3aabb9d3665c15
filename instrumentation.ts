// Runs once when a server process starts. Validates the environment, so a misconfiguration fails
// loudly and names the variable instead of surfacing later as a confusing runtime error; settles,
// for every request the server receives, which client address the app may trust; and, in a server
// that serves requests, follows the public changes other processes announce.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const settings = env();
  const { installClientAddressHook } = await import("@/lib/security/client-address-hook");
  const { parseTrustedProxies } = await import("@/lib/security/trusted-proxies");
  installClientAddressHook({
    hops: settings.TRUSTED_PROXY_HOPS,
    proxies: settings.TRUSTED_PROXIES ? parseTrustedProxies(settings.TRUSTED_PROXIES) : undefined,
  });
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { isEmbeddedDatabase } = await import("@/lib/embedded-database");
  // The embedded database serves one development server: there is no other instance to hear from.
  if (isEmbeddedDatabase(settings.DATABASE_URL)) return;
  const { followPublicChanges } = await import("@/lib/public/follow-public-changes");
  followPublicChanges();
}
