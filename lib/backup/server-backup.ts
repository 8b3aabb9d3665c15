import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { databaseVersions, STABLE_TEXT_SETTINGS, tableSums, type Query } from "./checksums";
import { completeManifest, type BackupManifest } from "./manifest";
import { libpqUrl, runTool } from "./run-tool";

export const backupStamp = (at: Date) => at.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");

export const pgQuery = (client: Pick<pg.Client, "query">): Query => async <R,>(sql: string) => (await client.query(sql)).rows as R[];

/**
 * One snapshot for both halves: a REPEATABLE READ transaction exports its snapshot to pg_dump and
 * computes the manifest's sums while pg_dump copies, so the file and the manifest describe the
 * same instant even while the portal keeps writing.
 */
export async function backupServer({ url, dir, at = new Date() }: { url: string; dir: string; at?: Date }): Promise<{ file: string; manifest: BackupManifest }> {
  await mkdir(dir, { recursive: true });
  const file = path.resolve(dir, `aftercare-${backupStamp(at)}.dump`);
  const partial = `${file}.partial`;
  const client = new pg.Client({ connectionString: url, application_name: "aftercare-backup" });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    for (const setting of STABLE_TEXT_SETTINGS) await client.query(setting);
    const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    // Level 1 compression: most of gzip's saving at a fraction of its default level's time.
    const dump = runTool("pg_dump", ["--format=custom", "--compress=1", `--snapshot=${rows[0]!.id}`, `--file=${partial}`, `--dbname=${libpqUrl(url)}`]);
    // Settled at once so that a failing dump cannot go unobserved while the sums run.
    const dumped = dump.then(() => null, (error: unknown) => error);
    const query = pgQuery(client);
    let tables, versions;
    try {
      [tables, versions] = [await tableSums(query), await databaseVersions(query)];
    } catch (error) {
      await dumped; // pg_dump finishes with the file before it is removed below
      throw error;
    }
    const dumpError = await dumped;
    if (dumpError) throw dumpError;
    await client.query("COMMIT");
    // Only a complete dump gets the final name: a crash leaves a `.partial` no restore accepts.
    await rename(partial, file);
    return { file, manifest: await completeManifest(file, { kind: "pg_dump", at, tables, versions }) };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
