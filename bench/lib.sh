# Shared by the benchmarks: finds the PostgreSQL binaries, builds platctl (release), starts a
# throwaway cluster in $work (stopped and removed on exit), and times commands.
# Sourced after `set -euo pipefail` and `cd` to the repository.

pgbin() {
    local name=$1
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1)
    [ -n "$found" ] || { echo "bench: $name not found: install PostgreSQL" >&2; exit 1; }
    echo "$found"
}
INITDB=$(pgbin initdb); PG_CTL=$(pgbin pg_ctl); PGBENCH=$(pgbin pgbench)
PG_DUMP=$(pgbin pg_dump); PG_RESTORE=$(pgbin pg_restore); PSQL=$(pgbin psql); CREATEDB=$(pgbin createdb)
cores=$(nproc)
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed for peak RSS: apt-get install time" >&2; exit 1; }

cargo build --quiet --release --locked
PLATCTL=$PWD/target/release/platctl

work=$(mktemp -d /tmp/platctl-bench.XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; as_pg=(runuser -u postgres --); fi
port=5499
cleanup() {
    "${as_pg[@]}" "$PG_CTL" -D "$work/data" stop -m immediate >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "bench: starting a throwaway cluster in $work"
"${as_pg[@]}" "$INITDB" -D "$work/data" -A trust -U postgres --no-sync >/dev/null
"${as_pg[@]}" "$PG_CTL" -D "$work/data" -o "-k $work -c listen_addresses='' -p $port" \
    -l "$work/server.log" -w start >/dev/null
PGARGS=(-h "$work" -p "$port" -U postgres)
url() { echo "postgres://postgres@localhost/$1?host=$work&port=$port"; }

# The platform's audit log with $1 rows: a second apart going back from now, 5000 users (the
# first is alice@acme.io, a real user), 50 organizations, five actions.
fill_audit_log() { # database rows
    local alice
    alice=$("$PSQL" -qtA "${PGARGS[@]}" "$1" -c "SELECT id FROM users WHERE email = 'alice@acme.io'")
    "$PSQL" -q "${PGARGS[@]}" "$1" -c "
      INSERT INTO audit_logs (occurred_at, actor_user_id, actor, organization_id, action,
                              resource_type, resource_id, ip, user_agent, metadata)
      SELECT now() - (i || ' seconds')::interval,
             CASE WHEN i % 5000 = 0 THEN '${alice:-00000000-0000-0000-0000-000000000000}'::uuid
                  ELSE md5((i % 5000)::text)::uuid END,
             CASE WHEN i % 5000 = 0 THEN 'alice@acme.io' ELSE 'user' || (i % 5000) || '@acme.io' END,
             md5((i % 50)::text)::uuid,
             (ARRAY['agent.create','user.login','api_key.create','workflow.run','agent.execute'])[1 + i % 5],
             'agent', md5(i::text), ('10.0.' || (i % 250) || '.' || (i % 200))::inet,
             'Mozilla/5.0 (X11; Linux x86_64) platform-web/2.' || (i % 30),
             jsonb_build_object('request_id', md5(i::text), 'duration_ms', i % 1000, 'status', 200)
      FROM generate_series(1, $2) i"
}

measure() { # command...: prints "seconds peak_rss_kb"
    # Each step starts from a checkpointed server, so no step pays for another's writes.
    "$PSQL" -q "${PGARGS[@]}" bench -c CHECKPOINT
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null
    cat "$work/time"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
per_second() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.0f", n / t }'; }
machine() { echo "$cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"; }
