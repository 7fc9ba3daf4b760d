#!/usr/bin/env bash
# Times the consent service's answer to "who may receive the newsletter, now" over a million members,
# against a plain SQL query on the same file in the same run (the peer: no dates, no rules, no
# suppression — a lower bound, not an equivalent).
#   tests/bench/bench_consent.sh            the member-table bench's file (1,000,000 members)
#   tests/bench/bench_consent.sh FILE       another Carnet file
# A third of the members get an express grant, a tenth of those a later withdrawal.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build="$root/build-bench"
source_db=${1:-/tmp/carnet-bench-1000000.sqlite}
if [ ! -f "$source_db" ]; then
    echo "No $source_db: run tests/bench/run.sh first (it generates the million members)." >&2
    exit 2
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCARNET_BUILD_TESTS=ON
fi
cmake --build "$build" --target carnet-cli -j2 >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/consent.sqlite"
cp "$source_db" "$db"
cli=("$build/app/carnet-cli" --database "$db")
"${cli[@]}" purposes list >/dev/null # brings the file to the current schema
sqlite3 "$db" "DELETE FROM consent_events WHERE source = 'bench';
INSERT INTO consent_events (member_id, purpose, action, basis, occurred_on, recorded_at, source)
  SELECT id, 'newsletter', 'grant', 'express', '2025-01-01', '2025-01-01T00:00:00Z', 'bench' FROM members WHERE id % 3 = 0;
INSERT INTO consent_events (member_id, purpose, action, basis, occurred_on, recorded_at, source)
  SELECT id, 'newsletter', 'withdraw', NULL, '2025-06-01', '2025-06-01T00:00:00Z', 'bench' FROM members WHERE id % 30 = 0;"
# The events written behind Carnet's back mark their members; the next opening works their statuses out
# (as a file migrated to schema 11 does once), then verify recomputes every one and compares.
/usr/bin/time -f "statuses of $(sqlite3 "$db" 'SELECT count(*) FROM consent_status_pending') marked members worked out at opening, then every status verified: %e s, %M KiB" \
    "${cli[@]}" consent verify --json >"$work/verify.json"
python3 -c "import json; d=json.load(open('$work/verify.json')); print('  verify', d); assert d['different'] == 0 and d['pending'] == 0"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "members: $(sqlite3 "$db" 'SELECT count(*) FROM members'), consent events: $(sqlite3 "$db" 'SELECT count(*) FROM consent_events')"
for purpose in newsletter association; do
    for run in 1 2 3; do
        /usr/bin/time -f "carnet-cli consent eligible --purpose $purpose: %e s, %M KiB" \
            "${cli[@]}" consent eligible --purpose "$purpose" --json >"$work/out.json"
    done
    python3 -c "import json; d=json.load(open('$work/out.json')); print('  eligible', len(d['eligible']), 'excluded', d['excluded'])"
done
for run in 1 2 3; do
    /usr/bin/time -f "peer: sqlite3 shell, members with a grant and no withdrawal: %e s" sqlite3 "$db" \
        "SELECT count(*) FROM members m WHERE email IS NOT NULL
           AND EXISTS (SELECT 1 FROM consent_events e WHERE e.member_id = m.id AND e.purpose = 'newsletter' AND e.action = 'grant')
           AND NOT EXISTS (SELECT 1 FROM consent_events e WHERE e.member_id = m.id AND e.purpose = 'newsletter' AND e.action = 'withdraw')" >/dev/null
done
