/** The application name in the embedded database's URL (scripts/db/embedded.ts) that marks it as such. */
export const EMBEDDED_APPLICATION_NAME = "aftercare-embedded";

/** The embedded PGlite serves one query at a time from one session, whatever the connection. */
export function isEmbeddedDatabase(url: string): boolean {
  return new URL(url).searchParams.get("application_name") === EMBEDDED_APPLICATION_NAME;
}
