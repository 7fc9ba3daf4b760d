#!/usr/bin/env bash
# The shared member file on PostgreSQL 15 at a million members, against psql on the same server in the
# same run: the import of the generated file (peer: psql's \copy of the same file into the same table,
# with its indexes), a four-column report to CSV (peer: psql's \copy (SELECT …) TO), the move of the
# member-table bench's SQLite file with `server copy-from`, and the window's first view, keystroke and
# memory (bench_member_table --db URL). The server is a throw-away cluster on loopback
# (tests/support/postgres_cluster.sh, as the tests start it).
#   tests/bench/bench_server.sh [ROWS]     (Release build in build-bench/)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rows=${1:-1000000}
build="$root/build-bench"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCARNET_BUILD_TESTS=ON
fi
cmake --build "$build" --target carnet-cli bench_member_table -j2 >/dev/null
cli="$build/app/carnet-cli"
work=$(mktemp -d)
state="$work/pg"
chmod 755 "$work"
trap 'bash "$root/tests/support/postgres_cluster.sh" stop "$state"; rm -rf "$work"' EXIT
bash "$root/tests/support/postgres_cluster.sh" start "$state" >/dev/null
# shellcheck disable=SC1091
source "$state/env"
export PGPASSWORD=$CARNET_PG_PASSWORD PGHOST=$CARNET_PG_HOST PGPORT=$CARNET_PG_PORT PGUSER=$CARNET_PG_USER
url() { echo "postgresql://$CARNET_PG_USER@$CARNET_PG_HOST:$CARNET_PG_PORT/$1?sslmode=disable"; }
fresh() { psql -q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" 2>/dev/null; "$cli" --database "$(url "$1")" server setup >/dev/null; }
timed() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; return 1; }; cat "$work/time"; }

csv="/tmp/carnet-bench-members-$rows.csv"
[ -f "$csv" ] || python3 "$root/../shared/tools/gen_members.py" "$rows" --format plain >"$csv"
chmod 644 "$csv"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(psql -d postgres -Atc 'SHOW server_version') on loopback, fsync $(psql -d postgres -Atc 'SHOW fsync'); file: $csv ($rows rows)"

# Import: the peer loads the same file into the same table (Carnet's schema, every index in place).
columns="first_name, last_name, email, phone, city, section, category, membership_start"
for run in 1 2; do
    fresh peer_import
    # Carnet writes the timestamps itself; psql's rows take them from a default.
    psql -q -d peer_import -c "ALTER TABLE members ALTER created_at SET DEFAULT now()::text, ALTER updated_at SET DEFAULT now()::text"
    read -r peer peer_kb < <(timed psql -d peer_import -c "\\copy members ($columns) FROM '$csv' WITH (FORMAT csv, HEADER)")
    fresh carnet_import
    read -r carnet carnet_kb < <(timed "$cli" --database "$(url carnet_import)" import "$csv" --json)
    created=$(python3 -c "import json; print(json.load(open('$work/out'))['created'])")
    printf '%-58s %7.2f s %5d MiB\n' "peer: psql \\copy into members (indexes in place)" "$peer" $((peer_kb / 1024))
    printf '%-58s %7.2f s %5d MiB  (%s created)\n' "carnet-cli import (validated, mapped, deduplicated)" "$carnet" $((carnet_kb / 1024)) "$created"
    python3 -c "print('ratio carnet / psql \\\\copy: %.2f (target <= 1.5)' % ($carnet / $peer))"
done

# Report: four columns of every member to CSV.
db=$(url carnet_import)
cat >"$work/all.json" <<'JSON'
{"name": "all", "columns": ["email", "first_name", "last_name", "section"], "filter": {}, "sort": []}
JSON
"$cli" --database "$db" report save --definition "$work/all.json" >/dev/null
for run in 1 2 3; do
    read -r carnet carnet_kb < <(timed "$cli" --database "$db" report run all --output "$work/all.csv")
    read -r peer _ < <(timed psql -d carnet_import -c "\\copy (SELECT email, first_name, last_name, section FROM members ORDER BY id) TO '$work/peer.csv' WITH (FORMAT csv, HEADER)")
    printf '%-58s %7.2f s %5d MiB\n' "carnet-cli report run all --output (4 columns)" "$carnet" $((carnet_kb / 1024))
    printf '%-58s %7.2f s\n' "peer: psql \\copy (SELECT …) TO the same file" "$peer"
    python3 -c "print('ratio carnet / psql \\\\copy: %.2f (target <= 1.5)' % ($carnet / $peer))"
done
wc -l "$work/all.csv" "$work/peer.csv"
# The report wizard's live counts on the server (free text folded by the server, consent conditions).
cmake --build "$build" --target bench_report_count -j2 >/dev/null
PGPASSWORD=$CARNET_PG_PASSWORD "$build/tests/bench/bench_report_count" "$db" | grep -E "members:|city|free text|section is"

# The member-table bench's million-member file, moved to the server.
sqlite_db=/tmp/carnet-bench-1000000.sqlite
if [ -f "$sqlite_db" ] && [ "${CARNET_BENCH_SKIP_MOVE:-}" != 1 ]; then
    fresh moved
    read -r moved moved_kb < <(timed "$cli" --database "$(url moved)" server copy-from "$sqlite_db" --json)
    printf '%-58s %7.2f s %5d MiB\n' "server copy-from $(basename "$sqlite_db")" "$moved" $((moved_kb / 1024))
    db=$(url moved)
fi
# The window on the server: first view, keystrokes, memory.
PGPASSWORD=$CARNET_PG_PASSWORD XDG_CONFIG_HOME="$work/home" "$build/tests/bench/bench_member_table" "$rows" --db "$db"
