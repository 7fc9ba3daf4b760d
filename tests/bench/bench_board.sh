#!/usr/bin/env bash
# A board at work on one PostgreSQL 15 server (throw-away cluster on loopback, as the tests start it):
#  1. the outbox: N messages (default 10,000) sent by one `carnet-cli outbox run`, then by four at once on the
#     same kind of queue, to a local SMTP sink that counts every recipient — throughput, and zero duplicates
#     (the sink's count and the deliveries' states);
#  2. live updates: ROWS members (default 1,000,000, the generated file imported), four member tables listening,
#     one writer saving 50 edits — latency from commit to every table updated, rows read per refresh
#     (tests/bench/bench_live.cpp).
#   tests/bench/bench_board.sh [N] [ROWS]     (Release build in build-bench/; ROWS 0 skips part 2)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
n=${1:-10000}
rows=${2:-1000000}
build=${CARNET_BENCH_BUILD:-$root/build-bench}
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCARNET_BUILD_TESTS=ON
fi
cmake --build "$build" --target carnet-cli smtp_sink bench_live -j2 >/dev/null
cli="$build/app/carnet-cli"
work=$(mktemp -d)
state="$work/pg"
chmod 755 "$work"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
trap 'exec 8>&- 2>/dev/null || true; bash "$root/tests/support/postgres_cluster.sh" stop "$state" >/dev/null; rm -rf "$work"' EXIT
bash "$root/tests/support/postgres_cluster.sh" start "$state" >/dev/null
# shellcheck disable=SC1091
source "$state/env"
export PGPASSWORD=$CARNET_PG_PASSWORD PGHOST=$CARNET_PG_HOST PGPORT=$CARNET_PG_PORT PGUSER=$CARNET_PG_USER
url() { echo "postgresql://$CARNET_PG_USER@$CARNET_PG_HOST:$CARNET_PG_PORT/$1?sslmode=disable"; }
fresh() { psql -q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" 2>/dev/null; "$cli" --database "$(url "$1")" server setup >/dev/null; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(psql -d postgres -Atc 'SHOW server_version') on loopback, fsync $(psql -d postgres -Atc 'SHOW fsync')"

# A sink per run: started on a free port ($port); `sink_stop` prints what it received.
sink_start() {
    rm -f "$work/in" "$work/sink.out"
    mkfifo "$work/in"
    "$build/tests/bench/smtp_sink" <"$work/in" >"$work/sink.out" &
    exec 8>"$work/in"
    for _ in $(seq 50); do grep -q PORT "$work/sink.out" 2>/dev/null && break; sleep 0.1; done
    port=$(awk '/PORT/ {print $2}' "$work/sink.out")
}
sink_stop() {
    exec 8>&-
    sleep 0.3
    echo "  sink: $(grep -E 'MESSAGES|RECIPIENTS|DUPLICATES' "$work/sink.out" | tr '\n' ' ')"
}
printf 'Bonjour,\n\nVoici les nouvelles de l'"'"'été.\n\nÀ bientôt !\n' >"$work/body.txt"
args=()
for i in $(seq 1 "$n"); do args+=(--to "membre$i@example.org"); done
queue() {
    local db=$1
    "$cli" --database "$db" smtp set --host 127.0.0.1 --port "$port" --security none \
        --from "Les Amis <bureau@amis.example.org>" --per-connection 1000 >/dev/null 2>&1
    "$cli" --database "$db" mail send --subject "Nouvelles" --text "$work/body.txt" "${args[@]}" >/dev/null
}
states() {
    psql -d "$1" -Atc "SELECT state || ' ' || count(*) FROM deliveries GROUP BY state ORDER BY 1" | tr '\n' ' '
}

for runners in 1 4; do
    fresh "outbox$runners"
    db=$(url "outbox$runners")
    sink_start
    queue "$db"
    start=$(date +%s.%N)
    pids=()
    for r in $(seq 1 "$runners"); do
        "$cli" --database "$db" outbox run --json >"$work/run$r.json" 2>"$work/run$r.err" &
        pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p"; done
    end=$(date +%s.%N)
    python3 -c "s=$end-$start; print('%d runner(s), %d messages: %.2f s, %.0f messages/s' % ($runners, $n, s, $n / s))"
    for r in $(seq 1 "$runners"); do
        python3 -c "import json; d=json.load(open('$work/run$r.json')); print('  runner $r: sent', d['sent'], 'unknown', d['unknown'], 'failed', d['failed'])"
    done
    echo "  deliveries: $(states "outbox$runners")"
    sink_stop
done

# Live updates at ROWS members (0: skip).
[ "$rows" -gt 0 ] || exit 0
csv="/tmp/carnet-bench-members-$rows.csv"
[ -f "$csv" ] || python3 "$root/../shared/tools/gen_members.py" "$rows" --format plain >"$csv"
chmod 644 "$csv"
fresh live
/usr/bin/time -f "  (import of $rows members: %e s)" "$cli" --database "$(url live)" import "$csv" --json >/dev/null
"$build/tests/bench/bench_live" "$(url live)" 4 50
