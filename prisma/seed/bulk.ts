// Benchmark-sized data, generated inside PostgreSQL with set-based SQL: no row crosses the wire.
// Subscriber n is `subscriber<n>@bulk.example` (account BULK-<n>); re-running skips existing rows.
import pg from "pg";
import type { RestorationState } from "../../lib/generated/prisma/enums";
import { pgSql } from "../../lib/db";
import { recountPhaseProgress } from "../../lib/restoration/refresh-phase-progress";
import { STATE_MIX } from "./mix";

function stateCase(): string {
  const branches = Object.entries(STATE_MIX).map(([slug, mix]) => {
    let cumulative = 0;
    const whens = (Object.entries(mix) as [RestorationState, number][])
      .filter(([, weight]) => weight > 0)
      .map(([state, weight]) => {
        cumulative += weight;
        return `WHEN h.r < ${cumulative} THEN '${state}'`;
      });
    return `WHEN '${slug}' THEN CASE ${whens.join(" ")} ELSE 'AFFECTED' END`;
  });
  return `(CASE c.slug ${branches.join(" ")} ELSE 'AFFECTED' END)::"RestorationState"`;
}

export async function seedBulk(databaseUrl: string, { subscribers, incidentSlug }: { subscribers: number; incidentSlug: string }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    // Generated rows are consistent by construction; skipping per-row foreign-key checks (allowed
    // for superusers only) makes the load several times faster. Others simply run the checks.
    const fastPath = await client.query("SET session_replication_role = replica").then(() => true, () => false);
    const { rows } = await client.query<{ id: number }>('SELECT id FROM "Incident" WHERE slug = $1', [incidentSlug]);
    const incidentId = rows[0]?.id;
    if (!incidentId) throw new Error(`Incident ${incidentSlug} not found: run the demo seed first`);

    const t0 = Date.now();
    const users = await client.query(
      `INSERT INTO "User" (id, email, name, role, "accountRef", phone, "createdAt", "updatedAt")
       SELECT md5('bulk-' || g)::uuid::text, 'subscriber' || g || '@bulk.example', 'Subscriber ' || g,
              'SUBSCRIBER', 'BULK-' || lpad(g::text, 8, '0'), '+1666' || lpad(g::text, 7, '0'), now(), now()
       FROM generate_series(1, $1::int) AS g
       ON CONFLICT DO NOTHING`,
      [subscribers],
    );
    const t1 = Date.now();
    // Sums of weights are 100 per category, so h.r (0..99) picks a state with the demo's mix.
    const records = await client.query(
      `INSERT INTO "RestorationRecord" ("incidentId", "userId", "categoryId", state, "itemsLost", "itemsRecovered", "itemsRestored", "asOf", "updatedAt")
       SELECT $2::int, md5('bulk-' || g)::uuid::text, c.id, s.state,
              CASE WHEN s.state = 'NOT_AFFECTED' THEN 0 ELSE h.lost END,
              CASE WHEN s.state IN ('NOT_AFFECTED', 'AFFECTED', 'UNRECOVERABLE') THEN 0
                   WHEN s.state = 'PARTIAL' THEN (h.lost * 7) / 10 ELSE h.lost END,
              CASE WHEN s.state = 'RESTORED' THEN h.lost WHEN s.state = 'PARTIAL' THEN (h.lost * 7) / 10
                   WHEN s.state = 'RESTORING' THEN h.lost / 2 ELSE 0 END,
              now() - interval '1 hour', now()
       FROM generate_series(1, $1::int) AS g
       CROSS JOIN "DataCategory" c
       CROSS JOIN LATERAL (SELECT abs(hashint8(g::bigint * 64 + c.position)) % 100 AS r,
                                  5 + abs(hashint8(g::bigint * 64 + c.position + 32)) % 400 AS lost) h
       CROSS JOIN LATERAL (SELECT ${stateCase()} AS state) s
       ON CONFLICT DO NOTHING`,
      [subscribers, incidentId],
    );
    const t2 = Date.now();
    await client.query('ANALYZE "User"');
    await client.query('ANALYZE "RestorationRecord"');
    if (fastPath) await client.query("SET session_replication_role = DEFAULT");
    // The phases' counts, today's progress point and the projection include the new records.
    await recountPhaseProgress(pgSql(client), incidentId);
    return { users: users.rowCount ?? 0, records: records.rowCount ?? 0, usersSeconds: (t1 - t0) / 1000, recordsSeconds: (t2 - t1) / 1000 };
  } finally {
    await client.end();
  }
}
