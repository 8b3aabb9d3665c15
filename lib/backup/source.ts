import { isEmbeddedDatabase } from "@/lib/embedded-database";

/** What a backup reads: a PostgreSQL server, or the embedded database's data directory. */
export type BackupSource = { kind: "server"; url: string } | { kind: "embedded"; dataDir: string };

export function embeddedBackupSource(dataDir: string): BackupSource {
  return { kind: "embedded", dataDir };
}

/** The source for a DATABASE_URL; the embedded server's URL is not one (its data directory is). */
export function serverBackupSource(url: string): BackupSource {
  if (isEmbeddedDatabase(url)) throw new Error("DATABASE_URL is the embedded database; back it up from its data directory with the embedded server stopped");
  return { kind: "server", url };
}
