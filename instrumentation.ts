// Validates the environment when the server starts, so a misconfiguration fails loudly and names
// the variable instead of surfacing later as a confusing runtime error; then settles, for every
// request the server receives, which client address the app may trust.
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
}
