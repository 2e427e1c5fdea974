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
#      (before the load, with the 10 keys);
#   5. the limits: 1. runs with them shared in the database (the default on PostgreSQL); the
#      same GET /api-keys with them in the process (PLATCTL_RATE_LIMIT_STORE=process);
#   6. a fleet: three replicas behind HAProxy (Debian's package), GET /api-keys against GET
#      /health/live through the proxy, 50 connections each.
# One run; figures as ratios. Needs PostgreSQL's binaries, hey and haproxy (installed when root
# on Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

# need TOOL WHY: install Debian's package TOOL when missing (as root), or say why it is needed.
need() {
    command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] && return
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "bench: installing $1 (apt-get install $1)" >&2
        apt-get install -y -qq "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$1" >/dev/null; }
    else
        echo "bench: $2 (Debian/Ubuntu: apt-get install $1)" >&2
        exit 1
    fi
}
need hey "the load generator hey is needed"
need haproxy "HAProxy is needed for the fleet's figures"
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
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

export RATE_LIMIT_MAX=1000000 RATE_LIMIT_AUTH_FAILURES=1000000
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; cleanup' EXIT
wait_for_live() { for _ in $(seq 1 100); do curl -sf "$1/health/live" >/dev/null 2>&1 && return; sleep 0.1; done; }
serve() { # port log [settings...]: a replica in the background
    local port=$1 log=$2
    shift 2
    env "$@" "$PLATCTL" serve --listen "127.0.0.1:$port" >"$log" 2>&1 &
    pids+=($!)
    wait_for_live "http://127.0.0.1:$port"
}
port_api=18099
serve $port_api "$work/serve.log"
base="http://127.0.0.1:$port_api"

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
echo "bench: the limits in the process, then a fleet of three behind HAProxy"
serve 18098 "$work/serve-process.log" PLATCTL_RATE_LIMIT_STORE=process
process_pid=${pids[-1]}
hey -z 2s -c 20 -H "X-API-Key: $KEY" "http://127.0.0.1:18098/api-keys" >/dev/null
process_live=$(hey -z 10s -c 50 "http://127.0.0.1:18098/health/live" | rps)
process_keys=$(hey -z 10s -c 50 -H "X-API-Key: $KEY" "http://127.0.0.1:18098/api-keys" | rps)
kill "$process_pid"
wait "$process_pid" 2>/dev/null || true
for i in 1 2 3; do serve $((18100 + i)) "$work/fleet-$i.log" PLATCTL_REPLICA_ID=r$i PLATCTL_TRUSTED_PROXIES=127.0.0.1; done
cat >"$work/haproxy.cfg" <<CFG
global
    maxconn 4000
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
frontend api
    bind 127.0.0.1:18100
    option forwardfor
    default_backend replicas
backend replicas
    balance roundrobin
    http-reuse always
    server r1 127.0.0.1:18101
    server r2 127.0.0.1:18102
    server r3 127.0.0.1:18103
CFG
"$HAPROXY" -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
pids+=($!)
wait_for_live http://127.0.0.1:18100
hey -z 2s -c 20 -H "X-API-Key: $KEY" "http://127.0.0.1:18100/api-keys" >/dev/null
fleet_live=$(hey -z 10s -c 50 "http://127.0.0.1:18100/health/live" | rps)
fleet_keys=$(hey -z 10s -c 50 -H "X-API-Key: $KEY" "http://127.0.0.1:18100/api-keys" | rps)
# Last: each request adds a key, and a longer listing would slow the measures above.
created=$(hey -z 5s -c 10 -m POST -T application/json -H "X-API-Key: $KEY" \
    -d '{"name": "bench", "scopes": ["api-keys:read"]}' "$base/api-keys" | rps)
errors=$(cat "$work"/serve*.log "$work"/fleet-*.log | grep -c 'status=5' || true)


echo
echo "platctl serve on $(nproc) cores, PostgreSQL $("$PSQL" "${PGARGS[@]}" -Atc 'show server_version' platform), loopback, hey; one run"
printf 'GET /health/live (no key), 50 connections:     %10.0f req/s\n' "$live"
printf 'GET /api-keys (key, 10 keys), 50 connections:  %10.0f req/s  = %sx of /health/live (goal >= 0.5x)\n' "$keys" "$(ratio "$keys" "$live")"
printf '  the same with a key a user made (admin):     %10.0f req/s  = %sx\n' "$user_keys" "$(ratio "$user_keys" "$live")"
printf 'GET /api-keys at a fixed 1000 req/s:            %10.0f req/s  p99 %.1f ms (goal < 10 ms)\n' "$fixed_rps" "$(awk -v s="$fixed_p99" 'BEGIN { print s * 1000 }')"
printf 'POST /api-keys (creates a key), 10 connections: %10.0f req/s\n' "$created"
printf 'keys list -o json, 50 whole processes: direct %ss, --server %ss = %sx\n' "$direct" "$remote" "$(ratio "$remote" "$direct")"
echo "The limits in the process (PLATCTL_RATE_LIMIT_STORE=process), one replica:"
printf '  GET /health/live %10.0f req/s, GET /api-keys %10.0f req/s = %sx (shared: %sx)\n' "$process_live" "$process_keys" "$(ratio "$process_keys" "$process_live")" "$(ratio "$keys" "$live")"
echo "Three replicas behind HAProxy, limits shared, on the same $(nproc) cores:"
printf '  GET /health/live %10.0f req/s, GET /api-keys %10.0f req/s = %sx (goal >= 0.5x)\n' "$fleet_live" "$fleet_keys" "$(ratio "$fleet_keys" "$fleet_live")"
echo "5xx answers during the run: $errors"
