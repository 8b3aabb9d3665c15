import path from "node:path";
import { MIGRATIONS_DIR } from "./schema-engine";

/** The schema as of the latest migration: what `db:migration` diffs the current schema against. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");
