#!/usr/bin/env bash
# Import benchmark: a generated member file (default 1,000,000 rows, ../shared/tools/gen_members.py),
# imported by carnet-cli (validation, mapping and duplicate detection on), against the peers on the same
# file in the same run: the sqlite3 shell's own CSV import into a table with a unique email index, and
# a Python csv + sqlite3 script. Also: the first preview rows, and peak memory.
#   tests/bench/bench_import.sh [ROWS]     (uses build-bench/, made by tests/bench/run.sh)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rows=${1:-1000000}
tools="$root/../shared/tools"
cli="$root/build-bench/app/carnet-cli"
[ -x "$cli" ] || { cmake -S "$root" -B "$root/build-bench" -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build "$root/build-bench" --target carnet-cli -j2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv="/tmp/carnet-bench-members-$rows.csv"
[ -f "$csv" ] || python3 "$tools/gen_members.py" "$rows" --format plain > "$csv"
echo "file: $csv ($(du -h "$csv" | cut -f1), $rows rows); machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

seconds() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || { cat "$work/err" >&2; return 1; }; cat "$work/time"; }

read -r peer_sqlite peer_sqlite_kb < <(seconds bash "$tools/peer_sqlite3_import.sh" "$csv" "$work/peer.db")
read -r peer_python peer_python_kb < <(seconds python3 "$tools/peer_python_import.py" "$csv" "$work/peer-py.db")
read -r carnet carnet_kb < <(seconds "$cli" --database "$work/carnet.sqlite" import "$csv" --json)
python3 -c "import json,sys; d=json.load(open('$work/out')); print('carnet imported:', {k: d[k] for k in ('created','duplicates','rejected','no_email')})"
read -r preview preview_kb < <(seconds "$cli" preview "$csv" --limit 100 --json)

printf '%-52s %8.2f s  %6d MiB\n' "peer: sqlite3 shell .import (unique email index)" "$peer_sqlite" $((peer_sqlite_kb / 1024))
printf '%-52s %8.2f s  %6d MiB\n' "peer: Python csv + sqlite3 (upsert on email)" "$peer_python" $((peer_python_kb / 1024))
printf '%-52s %8.2f s  %6d MiB\n' "carnet-cli import (validated, mapped, deduplicated)" "$carnet" $((carnet_kb / 1024))
printf '%-52s %8.2f s  %6d MiB\n' "carnet-cli preview, first 100 rows" "$preview" $((preview_kb / 1024))
python3 -c "print('ratio carnet / sqlite3 shell: %.2f (target <= 1.0); carnet / Python: %.2f' % ($carnet / $peer_sqlite, $carnet / $peer_python))"
