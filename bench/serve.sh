#!/usr/bin/env bash
# The admin API's benchmark: `platctl serve` (release) over a throwaway PostgreSQL cluster, loaded
# with `hey` (Debian's package) on loopback.
#   1. authenticated GET /api-keys (10 keys in the organization) against GET /health/live on the
#      same server, as many requests as 50 connections manage in 10 s: the goal is at least
#      0.5x the unauthenticated throughput; once with a key the operator made, once with a key
#      a user (an admin) made, whose role is checked too;
#   2. GET /api-keys at a fixed 1,000 requests/s for 10 s: the goal is p99 under 10 ms;
#   3. POST /api-keys throughput (each request creates a key: a transaction and an audit entry);
#   4. `platctl keys list -o json` as a whole process, 50 times, over --server against direct
#      (before the load, with the 10 keys).
# One run; figures as ratios. Needs PostgreSQL's binaries, hey (installed when root on Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hey >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "bench: installing hey (apt-get install hey)" >&2
        apt-get install -y -qq hey >/dev/null || { apt-get update -qq && apt-get install -y -qq hey >/dev/null; }
    else
        echo "bench: the load generator hey is needed (Debian/Ubuntu: apt-get install hey)" >&2
        exit 1
    fi
fi
source bench/lib.sh

"${as_pg[@]}" "$CREATEDB" "${PGARGS[@]}" platform
export DATABASE_URL
DATABASE_URL=$(url platform)
"$PLATCTL" -q migrate run
"$PLATCTL" -q orgs create acme --name Acme
for i in $(seq 1 8); do
    "$PLATCTL" -q keys create --org acme --name "key-$i" --scope agents:read >>"$work/other-keys"
done
KEY=$("$PLATCTL" keys create --org acme --name bench --scope api-keys:read --scope api-keys:create \
    -o json 2>/dev/null | sed -n 's/.*"key": *"\([^"]*\)".*/\1/p')
[ -n "$KEY" ] || { echo "bench: could not create the benchmark key" >&2; exit 1; }
echo "$KEY" > "$work/key"
# The same listing asked with a key a user made: their role is checked on every request too.
"$PLATCTL" -q users create alice@acme.io
"$PLATCTL" -q roles assign --user alice@acme.io --org acme --role admin
USER_KEY=$("$PLATCTL" --as alice@acme.io keys create --org acme --name bench-alice --scope api-keys:read \
    -o json 2>/dev/null | sed -n 's/.*"key": *"\([^"]*\)".*/\1/p')
[ -n "$USER_KEY" ] || { echo "bench: could not create alice's key" >&2; exit 1; }

port_api=18099
RATE_LIMIT_MAX=1000000 RATE_LIMIT_AUTH_FAILURES=1000000 \
    "$PLATCTL" serve --listen "127.0.0.1:$port_api" >"$work/serve.log" 2>&1 &
serve_pid=$!
trap 'kill $serve_pid 2>/dev/null || true; cleanup' EXIT
base="http://127.0.0.1:$port_api"
for _ in $(seq 1 100); do curl -sf "$base/health/live" >/dev/null 2>&1 && break; sleep 0.1; done

rps() { sed -n 's/^[[:space:]]*Requests\/sec:[[:space:]]*\([0-9.]*\).*/\1/p'; }
p99() { sed -n 's/^[[:space:]]*99%[[:space:]]*in[[:space:]]*\([0-9.]*\)[[:space:]]*secs.*/\1/p'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

time_runs() { # label command...
    local start end
    start=$(date +%s.%N)
    for _ in $(seq 1 50); do "$@" >/dev/null; done
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}
direct=$(time_runs "$PLATCTL" keys list --org acme -o json)
remote=$(PLATCTL_API_KEY="$KEY" time_runs env -u DATABASE_URL "$PLATCTL" --server "$base" keys list -o json)

echo "bench: warming up"
hey -z 2s -c 20 "$base/health/live" >/dev/null
hey -z 2s -c 20 -H "X-API-Key: $KEY" "$base/api-keys" >/dev/null

live=$(hey -z 10s -c 50 "$base/health/live" | rps)
keys=$(hey -z 10s -c 50 -H "X-API-Key: $KEY" "$base/api-keys" | rps)
user_keys=$(hey -z 10s -c 50 -H "X-API-Key: $USER_KEY" "$base/api-keys" | rps)
fixed=$(hey -z 10s -c 10 -q 100 -H "X-API-Key: $KEY" "$base/api-keys")
fixed_rps=$(echo "$fixed" | rps)
fixed_p99=$(echo "$fixed" | p99)
created=$(hey -z 5s -c 10 -m POST -T application/json -H "X-API-Key: $KEY" \
    -d '{"name": "bench", "scopes": ["api-keys:read"]}' "$base/api-keys" | rps)
errors=$(grep -c 'status=5' "$work/serve.log" || true)


echo
echo "platctl serve on $(nproc) cores, PostgreSQL $("$PSQL" "${PGARGS[@]}" -Atc 'show server_version' platform), loopback, hey; one run"
printf 'GET /health/live (no key), 50 connections:     %10.0f req/s\n' "$live"
printf 'GET /api-keys (key, 10 keys), 50 connections:  %10.0f req/s  = %sx of /health/live (goal >= 0.5x)\n' "$keys" "$(ratio "$keys" "$live")"
printf '  the same with a key a user made (admin):     %10.0f req/s  = %sx\n' "$user_keys" "$(ratio "$user_keys" "$live")"
printf 'GET /api-keys at a fixed 1000 req/s:            %10.0f req/s  p99 %.1f ms (goal < 10 ms)\n' "$fixed_rps" "$(awk -v s="$fixed_p99" 'BEGIN { print s * 1000 }')"
printf 'POST /api-keys (creates a key), 10 connections: %10.0f req/s\n' "$created"
printf 'keys list -o json, 50 whole processes: direct %ss, --server %ss = %sx\n' "$direct" "$remote" "$(ratio "$remote" "$direct")"
echo "5xx answers during the run: $errors"
