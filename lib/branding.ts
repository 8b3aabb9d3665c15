import { env } from "@/lib/env";

// The provider's name is configuration (PROVIDER_NAME); pages read it without requiring a database.
export function providerName(): string {
  return process.env.PROVIDER_NAME?.trim() || "Nimbus Mobile";
}

/** The site's public origin without a trailing slash, for absolute links in feeds, API and email. */
export function siteOrigin(): string {
  return env().NEXTAUTH_URL.replace(/\/$/, "");
}
