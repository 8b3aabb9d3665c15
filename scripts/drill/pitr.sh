#!/usr/bin/env bash
# `npm run drill:pitr`: proves point-in-time recovery with pgBackRest on a scratch PostgreSQL
# cluster: WAL archiving, a full backup, rows written before and after a noted time, a restore to
# that time, and a check that exactly the earlier rows came back. Cleans up after itself.
# Needs root (to install pgbackrest and run commands as the postgres user) and Debian's
# postgresql-common (pg_createcluster). DRILL_PORT (default 5499) and DRILL_CLUSTER (default drill).
set -euo pipefail
version=$(ls /etc/postgresql | sort -n | tail -n1)
port=${DRILL_PORT:-5499}
cluster=${DRILL_CLUSTER:-drill}
stanza=aftercare
work=$(mktemp -d /tmp/aftercare-pitr-XXXXXX)
conf=$work/pgbackrest.conf
started=$(date +%s)
step() { printf '\n=== %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }
as_postgres() { runuser -u postgres -- "$@"; }
sql() { as_postgres psql -X -q -t -A -p "$port" -d postgres -c "$1"; }

cleanup() {
  pg_dropcluster --stop "$version" "$cluster" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

step "pgBackRest (Debian package)"
if ! command -v pgbackrest >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbackrest >/dev/null
fi
pgbackrest version

step "Scratch cluster $version/$cluster on port $port with WAL archiving to a pgBackRest repository"
if pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$version/$cluster"; then
  echo "cluster $version/$cluster already exists; set DRILL_CLUSTER to another name" >&2
  trap - EXIT; rm -rf "$work"; exit 1
fi
pgdata=/var/lib/postgresql/$version/$cluster
cat > "$conf" <<CONF
[global]
repo1-path=$work/repo
repo1-retention-full=1
log-path=$work/log
lock-path=$work/lock
start-fast=y
compress-type=lz4

[$stanza]
pg1-path=$pgdata
pg1-port=$port
pg1-socket-path=/var/run/postgresql
CONF
mkdir -p "$work/repo" "$work/log" "$work/lock"
chown -R postgres:postgres "$work"
chmod 755 "$work"
pg_createcluster "$version" "$cluster" -p "$port" \
  -o archive_mode=on -o wal_level=replica -o max_wal_senders=3 \
  -o "archive_command=pgbackrest --config=$conf --stanza=$stanza archive-push %p" >/dev/null
pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
as_postgres pgbackrest --config="$conf" --stanza="$stanza" stanza-create
as_postgres pgbackrest --config="$conf" --stanza="$stanza" check

step "Full backup"
as_postgres pgbackrest --config="$conf" --stanza="$stanza" --type=full backup
as_postgres pgbackrest --config="$conf" --stanza="$stanza" info

step "Rows before the target time, then the target time, then rows after it"
sql "CREATE TABLE drill (id int PRIMARY KEY, era text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())"
sql "INSERT INTO drill (id, era) SELECT g, 'before' FROM generate_series(1, 1000) g"
sleep 1
target=$(sql "SELECT clock_timestamp()")
echo "target time: $target"
sleep 1
sql "INSERT INTO drill (id, era) SELECT g, 'after' FROM generate_series(1001, 1500) g"
# Close the current WAL segment and wait until it is archived, so the repository holds the commits on both sides of the target.
as_postgres pgbackrest --config="$conf" --stanza="$stanza" check
echo "before restore: $(sql "SELECT string_agg(era || '=' || n, ', ' ORDER BY era) FROM (SELECT era, count(*) n FROM drill GROUP BY era) s")"

step "Stop the cluster and restore to the target time"
pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" stop
as_postgres pgbackrest --config="$conf" --stanza="$stanza" --delta --type=time "--target=$target" --target-action=promote restore
pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
for _ in $(seq 1 60); do
  [ "$(sql "SELECT pg_is_in_recovery()" 2>/dev/null || echo t)" = "f" ] && break
  sleep 1
done

step "Check: the rows before the target are back, the rows after it are not"
before=$(sql "SELECT count(*) FROM drill WHERE era = 'before'")
after=$(sql "SELECT count(*) FROM drill WHERE era = 'after'")
echo "after restore: before=$before (expected 1000), after=$after (expected 0)"
if [ "$before" != "1000" ] || [ "$after" != "0" ]; then
  echo "PITR drill FAILED" >&2
  exit 1
fi
step "PITR drill passed"
