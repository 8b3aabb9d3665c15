// Where scripts find the database: DATABASE_URL when set, else the embedded server that
// `npm run dev` runs (started here on demand when it is not already up).
import { ensureEmbeddedDatabase } from "./embedded";

export async function resolveDatabaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const embedded = await ensureEmbeddedDatabase();
  process.env.DATABASE_URL = embedded.url;
  return embedded.url;
}
