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
#            BACKUP_COMPRESSION=zstd    vs  pg_dump DB | zstd -T<cores> -3 > f.sql.zst
#            encrypted (age), gzip and zstd: the cost of encryption at the same compression
#   restore: platctl backup restore     vs  pg_restore -j<cores> from a directory-format dump
#                                           (pg_dump -Fd -j<cores>, made in the same run),
#                                           side by side $RESTORE_RUNS times (min and median),
#                                           and gunzip -c f.sql.gz | psql DB; then the zstd and
#                                           encrypted backups restored once each
# Every restore goes into a fresh empty database. Needs: the PostgreSQL server binaries (initdb,
# pg_ctl, pgbench, pg_dump, pg_restore, psql), gzip, zstd, age-keygen (Debian's age) and GNU
# time (/usr/bin/time) for peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${SCALE:-30}
AUDIT_ROWS=${AUDIT_ROWS:-2000000}
RESTORE_RUNS=${RESTORE_RUNS:-3}
for tool in zstd age-keygen; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is needed: apt-get install ${tool%-keygen}" >&2; exit 1; }
done

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
read -r t_zstd_shell _ < <(measure sh -c "'$PG_DUMP' -h '$work' -p $port -U postgres bench | zstd -q -T$cores -3 > '$work/base.sql.zst'")
s_zstd_shell=$(stat -c %s "$work/base.sql.zst")
rm -f "$work/base.sql.zst"
read -r t_zstd rss_zstd < <(measure env DATABASE_URL="$(url bench)" BACKUP_COMPRESSION=zstd "$PLATCTL" -q backup run --storage "$work/zstd")
s_zstd=$(stat -c %s "$work"/zstd/*.sql.zst)
age-keygen -o "$work/key.txt" 2>/dev/null
recipient=$(age-keygen -y "$work/key.txt")
read -r t_enc rss_enc < <(measure env DATABASE_URL="$(url bench)" BACKUP_ENCRYPTION_RECIPIENTS="$recipient" "$PLATCTL" -q backup run --storage "$work/enc")
read -r t_enc_zstd _ < <(measure env DATABASE_URL="$(url bench)" BACKUP_COMPRESSION=zstd BACKUP_ENCRYPTION_RECIPIENTS="$recipient" "$PLATCTL" -q backup run --storage "$work/enc_zstd")
# The directory format pg_restore -j needs (default compression), timed for information only.
read -r t_dumpdir _ < <(measure "$PG_DUMP" "${PGARGS[@]}" -Fd -j "$cores" -f "$work/dir" bench)
s_dumpdir=$(du -sb "$work/dir" | cut -f1)

# Each restore goes into a fresh empty database, dropped once measured: autovacuum would
# otherwise work on the restored tables during the next step.
restored() { "$PSQL" -q "${PGARGS[@]}" bench -c "DROP DATABASE $1 WITH (FORCE)"; }
"$CREATEDB" "${PGARGS[@]}" r_psql
read -r t_psql _ < <(measure sh -c "gunzip -c '$work/base.sql.gz' | '$PSQL' -q -X -h '$work' -p $port -U postgres r_psql")
restored r_psql
platctl_restore() { # storage [VAR=value...]: prints "seconds peak_rss_kb" (call it in $(...):
    # it drops the database after printing)
    local storage=$1; shift
    "$CREATEDB" "${PGARGS[@]}" r_platctl
    measure env DATABASE_URL="$(url bench)" "$@" "$PLATCTL" -q backup restore --latest \
        --storage "$storage" --into "$(url r_platctl)" --yes
    restored r_platctl
}
# pg_restore and platctl side by side, $RESTORE_RUNS times.
pg_times=(); platctl_times=(); rss_restore=0
for _ in $(seq "$RESTORE_RUNS"); do
    "$CREATEDB" "${PGARGS[@]}" r_pgrestore
    read -r t _ < <(measure "$PG_RESTORE" "${PGARGS[@]}" -j "$cores" -d r_pgrestore "$work/dir")
    restored r_pgrestore
    pg_times+=("$t")
    read -r t rss <<< "$(platctl_restore "$work/backups")"
    platctl_times+=("$t"); [ "$rss" -gt "$rss_restore" ] && rss_restore=$rss
done
stat_of() { # min|median times...
    local which=$1; shift
    printf '%s\n' "$@" | sort -g | awk -v w="$which" '{ v[NR] = $1 } END { print (w == "min") ? v[1] : v[int((NR + 1) / 2)] }'
}
t_pgrestore=$(stat_of median "${pg_times[@]}"); t_pgrestore_min=$(stat_of min "${pg_times[@]}")
t_restore=$(stat_of median "${platctl_times[@]}"); t_restore_min=$(stat_of min "${platctl_times[@]}")
read -r t_restore_zstd _ <<< "$(platctl_restore "$work/zstd")"
read -r t_restore_enc rss_restore_enc <<< "$(platctl_restore "$work/enc" BACKUP_ENCRYPTION_IDENTITY_FILE="$work/key.txt")"
read -r t_restore_enc_zstd _ <<< "$(platctl_restore "$work/enc_zstd" BACKUP_ENCRYPTION_IDENTITY_FILE="$work/key.txt")"

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
  pg_dump | zstd -T$cores -3             ${t_zstd_shell} s   $((s_zstd_shell / 1048576)) MiB
  platctl backup run (zstd)         ${t_zstd} s   $((s_zstd / 1048576)) MiB   peak RSS $((rss_zstd / 1024)) MiB
  ratios: time $(ratio "$t_zstd" "$t_zstd_shell")x pg_dump | zstd, $(ratio "$t_zstd" "$t_floor")x the floor; size $(ratio "$s_zstd" "$s_zstd_shell")x zstd, $(ratio "$s_zstd" "$s_backup")x platctl's gzip
  platctl backup run (gzip + age)   ${t_enc} s   peak RSS $((rss_enc / 1024)) MiB   $(ratio "$t_enc" "$t_backup")x unencrypted
  platctl backup run (zstd + age)   ${t_enc_zstd} s   $(ratio "$t_enc_zstd" "$t_zstd")x unencrypted
          (goal: encryption <= 1.05x at the same compression)

restore (each into a fresh empty database)
  gunzip -c | psql                  ${t_psql} s
  pg_restore -j$cores (-Fd)              ${t_pgrestore} s median, ${t_pgrestore_min} s min of $RESTORE_RUNS   (${pg_times[*]})
  platctl backup restore            ${t_restore} s median, ${t_restore_min} s min of $RESTORE_RUNS   (${platctl_times[*]})   peak RSS $((rss_restore / 1024)) MiB
  ratios: time $(ratio "$t_restore" "$t_pgrestore")x pg_restore -j$cores (median), $(ratio "$t_restore_min" "$t_pgrestore_min")x (min), $(ratio "$t_restore" "$t_psql")x gunzip | psql
          (goals: <= 0.85x pg_restore -j$cores, <= 0.9x gunzip | psql)
  platctl backup restore (zstd)     ${t_restore_zstd} s   $(ratio "$t_restore_zstd" "$t_restore")x gzip
  platctl backup restore (gzip + age) ${t_restore_enc} s   peak RSS $((rss_restore_enc / 1024)) MiB   $(ratio "$t_restore_enc" "$t_restore")x unencrypted
  platctl backup restore (zstd + age) ${t_restore_enc_zstd} s   $(ratio "$t_restore_enc_zstd" "$t_restore_zstd")x unencrypted
          (goal: encryption <= 1.05x at the same compression)
REPORT
