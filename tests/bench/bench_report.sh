#!/usr/bin/env bash
# Report benchmark at a million members: a report's count and its CSV export (email, first and last
# name, section) through carnet-cli, against the sqlite3 shell's own `.mode csv` export of the same
# columns from the same file, in the same run.
#   tests/bench/bench_report.sh [FILE]   (default: the member-table bench's file; run tests/bench/run.sh first)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build="$root/build-bench"
source_db=${1:-/tmp/carnet-bench-1000000.sqlite}
[ -f "$source_db" ] || { echo "No $source_db: run tests/bench/run.sh first." >&2; exit 2; }
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCARNET_BUILD_TESTS=ON
fi
cmake --build "$build" --target carnet-cli bench_report_count -j2 >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/report.sqlite"
cp "$source_db" "$db"
cli=("$build/app/carnet-cli" --database "$db")
"${cli[@]}" purposes list >/dev/null # the current schema
cat >"$work/all.json" <<'JSON'
{"name": "all", "columns": ["email", "first_name", "last_name", "section"], "filter": {}, "sort": []}
JSON
cat >"$work/section.json" <<'JSON'
{"name": "section", "columns": ["email", "first_name", "last_name", "section"],
 "filter": {"field": "section", "op": "eq", "value": {"param": "s", "label": "Section"}}, "sort": []}
JSON
cat >"$work/city.json" <<'JSON'
{"name": "city", "columns": ["email"], "filter": {"field": "city", "op": "contains", "value": "ville"}, "sort": []}
JSON
for r in all section city; do "${cli[@]}" report save --definition "$work/$r.json" >/dev/null; done
section=$(sqlite3 "$db" "SELECT section FROM members WHERE section IS NOT NULL LIMIT 1")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(sqlite3 "$db" 'SELECT count(*) FROM members') members"
for run in 1 2 3; do
    /usr/bin/time -f "carnet-cli report run all --output (4 columns, every member): %e s, %M KiB" \
        "${cli[@]}" report run all --output "$work/all.csv" 2>&1 >/dev/null | grep -v Reminder
    /usr/bin/time -f "peer: sqlite3 shell .mode csv export of the same columns: %e s" \
        sqlite3 -csv -header "$db" "SELECT email, first_name, last_name, section FROM members ORDER BY id" >"$work/peer.csv"
done
wc -l "$work/all.csv" "$work/peer.csv" | head -2
for run in 1 2 3; do
    /usr/bin/time -f "count of a filter on section ($section): %e s (process, including start-up)" \
        "${cli[@]}" report run section --param "s=$section" --json --output "$work/s.csv" 2>&1 >/dev/null | grep -v Reminder
    /usr/bin/time -f "count of a filter 'city contains ville' (no index can help): %e s (process)" \
        "${cli[@]}" report run city --json --output "$work/c.csv" 2>&1 >/dev/null | grep -v Reminder
done
# The wizard's live count, in-process (what the Filters step runs on its worker after each edit).
cmake --build "$build" --target bench_report_count -j2 >/dev/null
"$build/tests/bench/bench_report_count" "$db"
