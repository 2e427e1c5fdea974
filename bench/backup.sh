#!/usr/bin/env bash
# Backup and restore benchmark: platctl against what an operator would otherwise run.
#
#   bench/backup.sh            # builds platctl (release), a ~1.5 GB platform-like database on a
#                              # throwaway PostgreSQL cluster, measures, prints ratios, cleans up
#
# The database: pgbench scale 30 (3 million accounts) plus the platform schema with 2 million
# audit rows (override with SCALE=... AUDIT_ROWS=...). Compared in the same run:
#   backup:  platctl -q backup run      vs  pg_dump DB > /dev/null (the floor) and
#                                           pg_dump DB | gzip -6 > f.sql.gz
#   restore: platctl backup restore     vs  pg_restore -j<cores> from a directory-format dump
#                                           (pg_dump -Fd -j<cores>, made in the same run) and
#                                           gunzip -c f.sql.gz | psql DB
# Every restore goes into a fresh empty database. Needs: the PostgreSQL server binaries (initdb,
# pg_ctl, pgbench, pg_dump, pg_restore, psql), gzip, and GNU time (/usr/bin/time) for peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${SCALE:-30}
AUDIT_ROWS=${AUDIT_ROWS:-2000000}

source bench/lib.sh

echo "bench: building the database (pgbench scale $SCALE, $AUDIT_ROWS audit rows)"
"$CREATEDB" "${PGARGS[@]}" bench
"$PGBENCH" "${PGARGS[@]}" -i -s "$SCALE" -q bench >/dev/null 2>&1
DATABASE_URL=$(url bench) "$PLATCTL" -q migrate run
fill_audit_log bench "$AUDIT_ROWS"
"$PSQL" -q "${PGARGS[@]}" bench -c "VACUUM ANALYZE" >/dev/null
size=$("$PSQL" -qtA "${PGARGS[@]}" bench -c "SELECT pg_size_pretty(pg_database_size('bench'))")
"$PG_DUMP" "${PGARGS[@]}" bench > /dev/null   # warm the cache

read -r t_floor _ < <(measure sh -c "'$PG_DUMP' -h '$work' -p $port -U postgres bench > /dev/null")
read -r t_gzip _ < <(measure sh -c "'$PG_DUMP' -h '$work' -p $port -U postgres bench | gzip -6 > '$work/base.sql.gz'")
s_gzip=$(stat -c %s "$work/base.sql.gz")
read -r t_backup rss_backup < <(measure env DATABASE_URL="$(url bench)" "$PLATCTL" -q backup run --storage "$work/backups")
s_backup=$(stat -c %s "$work"/backups/*.sql.gz)
# The directory format pg_restore -j needs (default compression), timed for information only.
read -r t_dumpdir _ < <(measure "$PG_DUMP" "${PGARGS[@]}" -Fd -j "$cores" -f "$work/dir" bench)
s_dumpdir=$(du -sb "$work/dir" | cut -f1)

# Each restore goes into a fresh empty database, dropped once measured: autovacuum would
# otherwise work on the restored tables during the next step.
restored() { "$PSQL" -q "${PGARGS[@]}" bench -c "DROP DATABASE $1 WITH (FORCE)"; }
"$CREATEDB" "${PGARGS[@]}" r_psql
read -r t_psql _ < <(measure sh -c "gunzip -c '$work/base.sql.gz' | '$PSQL' -q -X -h '$work' -p $port -U postgres r_psql")
restored r_psql
"$CREATEDB" "${PGARGS[@]}" r_pgrestore
read -r t_pgrestore _ < <(measure "$PG_RESTORE" "${PGARGS[@]}" -j "$cores" -d r_pgrestore "$work/dir")
restored r_pgrestore
"$CREATEDB" "${PGARGS[@]}" r_platctl
read -r t_restore rss_restore < <(measure env DATABASE_URL="$(url bench)" "$PLATCTL" -q backup restore --latest \
    --storage "$work/backups" --into "$(url r_platctl)" --yes)
restored r_platctl

cat <<REPORT

platctl backup benchmark — $(machine)
database: $size on disk (pgbench scale $SCALE + $AUDIT_ROWS audit rows), PostgreSQL $("$PSQL" -qtA "${PGARGS[@]}" bench -c 'SHOW server_version')

backup
  pg_dump > /dev/null (the floor)   ${t_floor} s
  pg_dump | gzip -6                 ${t_gzip} s   $((s_gzip / 1048576)) MiB
  platctl backup run                ${t_backup} s   $((s_backup / 1048576)) MiB   peak RSS $((rss_backup / 1024)) MiB
  pg_dump -Fd -j$cores                   ${t_dumpdir} s   $((s_dumpdir / 1048576)) MiB   (for pg_restore below)
  ratios: time $(ratio "$t_backup" "$t_floor")x the floor, $(ratio "$t_backup" "$t_gzip")x gzip; size $(ratio "$s_backup" "$s_gzip")x gzip
          (goals: <= 1.1x the floor, <= 0.5x gzip, <= 1.05x the size, RSS <= 64 MiB)

restore (each into a fresh empty database)
  gunzip -c | psql                  ${t_psql} s
  pg_restore -j$cores (-Fd)              ${t_pgrestore} s
  platctl backup restore            ${t_restore} s   peak RSS $((rss_restore / 1024)) MiB
  ratios: time $(ratio "$t_restore" "$t_pgrestore")x pg_restore -j$cores, $(ratio "$t_restore" "$t_psql")x gunzip | psql
          (goals: <= 0.9x pg_restore -j$cores, <= 0.9x gunzip | psql)
REPORT
