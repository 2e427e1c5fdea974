#!/usr/bin/env bash
# Audit log benchmark: platctl against what an operator would otherwise run (psql).
#
#   bench/audit.sh             # builds platctl (release), 2 million audit rows on a throwaway
#                              # PostgreSQL cluster, measures, prints ratios, cleans up
#
# Compared in the same run (override the size with AUDIT_ROWS=...):
#   export ndjson: platctl audit export --out F.ndjson  vs  psql -c "select row_to_json(a) ..."
#                  (psql holds that whole result in memory, ~650 MiB per million rows: above
#                  PSQL_NDJSON_MAX rows, 5 million unless set, it is left out and said so)
#   export csv:    platctl audit export --out F.csv     vs  psql -c "\copy (select * ...) to stdout csv"
#   query:         platctl audit query --user U --since 7d --limit 100, as whole processes
#                  (startup and connection included), vs the same query through psql -c;
#                  $QUERY_RUNS runs of each
#   seal and verify of every row: rows per second
# Needs: the PostgreSQL server binaries (initdb, pg_ctl, psql) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
AUDIT_ROWS=${AUDIT_ROWS:-2000000}
QUERY_RUNS=${QUERY_RUNS:-50}
PSQL_NDJSON_MAX=${PSQL_NDJSON_MAX:-5000000}

source bench/lib.sh

echo "bench: building the database ($AUDIT_ROWS audit rows)"
"$CREATEDB" "${PGARGS[@]}" bench
export DATABASE_URL
DATABASE_URL=$(url bench)
"$PLATCTL" -q migrate run
"$PLATCTL" -q orgs create acme
"$PLATCTL" -q users create alice@acme.io
fill_audit_log bench "$AUDIT_ROWS"
"$PSQL" -q "${PGARGS[@]}" bench -c "VACUUM ANALYZE" >/dev/null
rows=$("$PSQL" -qtA "${PGARGS[@]}" bench -c "SELECT count(*) FROM audit_logs")
size=$("$PSQL" -qtA "${PGARGS[@]}" bench -c "SELECT pg_size_pretty(pg_total_relation_size('audit_logs'))")
"$PSQL" -qtA "${PGARGS[@]}" bench -c "SELECT count(*) FROM audit_logs" >/dev/null   # warm

psql_to() { # file sql: psql's unaligned tuples into file
    echo "'$PSQL' -X -qtA -h '$work' -p $port -U postgres bench -c \"$2\" > '$1'"
}
read -r t_ndjson rss_ndjson < <(measure "$PLATCTL" -q audit export --out "$work/platctl.ndjson")
lines_ndjson=$(wc -l < "$work/platctl.ndjson"); s_ndjson=$(stat -c %s "$work/platctl.ndjson")
[ "$lines_ndjson" = "$rows" ] || { echo "bench: platctl exported $lines_ndjson lines of $rows rows" >&2; exit 1; }
rm -f "$work/platctl.ndjson"
if [ "$rows" -le "$PSQL_NDJSON_MAX" ]; then
    read -r t_psql_ndjson rss_psql_ndjson < <(measure sh -c "$(psql_to "$work/psql.ndjson" "select row_to_json(a) from audit_logs a")")
    lines_psql=$(wc -l < "$work/psql.ndjson")
    [ "$lines_ndjson" = "$lines_psql" ] || { echo "bench: platctl exported $lines_ndjson lines, psql $lines_psql" >&2; exit 1; }
    rm -f "$work/psql.ndjson"
    psql_ndjson_line="  psql row_to_json                  ${t_psql_ndjson} s   peak RSS $((rss_psql_ndjson / 1024)) MiB"
    ndjson_ratio="ndjson $(ratio "$t_ndjson" "$t_psql_ndjson")x psql"
else
    psql_ndjson_line="  psql row_to_json                  left out: $rows rows > PSQL_NDJSON_MAX ($PSQL_NDJSON_MAX), it would hold them all in memory"
    ndjson_ratio="ndjson (psql left out)"
fi
read -r t_psql_csv rss_psql_csv < <(measure sh -c "$(psql_to "$work/psql.csv" "\\copy (select * from audit_logs) to stdout csv header")")
read -r t_csv rss_csv < <(measure "$PLATCTL" -q audit export --out "$work/platctl.csv")
s_csv=$(stat -c %s "$work/platctl.csv")
rm -f "$work"/*.ndjson "$work"/*.csv

query="select a.* from audit_logs a where a.actor_user_id = (select id from users where email = 'alice@acme.io') and a.occurred_at >= now() - interval '7 days' order by a.occurred_at desc, a.id desc limit 100"
loop() { echo "for i in \$(seq $QUERY_RUNS); do $1 >/dev/null 2>&1; done"; }
read -r t_psql_query _ < <(measure sh -c "$(loop "'$PSQL' -X -h '$work' -p $port -U postgres bench -c \"$query\"")")
read -r t_query rss_query < <(measure sh -c "$(loop "'$PLATCTL' audit query --user alice@acme.io --since 7d --limit 100")")
shown=$("$PLATCTL" -o ndjson audit query --user alice@acme.io --since 7d --limit 100 | wc -l)

read -r t_seal rss_seal < <(measure "$PLATCTL" -q audit seal)
read -r t_verify rss_verify < <(measure "$PLATCTL" -q audit verify)

cat <<REPORT

platctl audit benchmark — $(machine)
audit_logs: $rows rows, $size with indexes, PostgreSQL $("$PSQL" -qtA "${PGARGS[@]}" bench -c 'SHOW server_version')

export, every row
$psql_ndjson_line
  platctl audit export (ndjson)     ${t_ndjson} s   peak RSS $((rss_ndjson / 1024)) MiB   $((s_ndjson / 1048576)) MiB
  psql \\copy ... csv                ${t_psql_csv} s   peak RSS $((rss_psql_csv / 1024)) MiB
  platctl audit export (csv)        ${t_csv} s   peak RSS $((rss_csv / 1024)) MiB   $((s_csv / 1048576)) MiB
  ratios: $ndjson_ratio, csv $(ratio "$t_csv" "$t_psql_csv")x psql (goals: <= 1.0x, RSS < 64 MiB)

query --user --since 7d --limit 100 ($shown rows), $QUERY_RUNS whole runs each
  psql -c                           ${t_psql_query} s
  platctl audit query               ${t_query} s   peak RSS $((rss_query / 1024)) MiB
  ratio: $(ratio "$t_query" "$t_psql_query")x psql (goal: <= 1.1x)

seal and verify of $rows rows
  platctl audit seal                ${t_seal} s   $(per_second "$rows" "$t_seal") rows/s   peak RSS $((rss_seal / 1024)) MiB
  platctl audit verify              ${t_verify} s   $(per_second "$rows" "$t_verify") rows/s   peak RSS $((rss_verify / 1024)) MiB
  (goal: verify >= 500000 rows/s)
REPORT
