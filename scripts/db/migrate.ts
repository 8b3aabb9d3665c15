// `npm run db:migrate`: applies pending migrations with `prisma migrate deploy` semantics.
import "../load-env";
import { applyMigrations } from "./schema-engine";
import { resolveDatabaseUrl } from "./database-url";

const url = await resolveDatabaseUrl();
const applied = await applyMigrations(url);
console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}` : "Database is up to date.");
process.exit(0);
