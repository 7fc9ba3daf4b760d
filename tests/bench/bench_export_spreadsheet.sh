#!/usr/bin/env bash
# Spreadsheet export benchmark at a million members: `carnet-cli report run --format xlsx|ods` of eleven
# columns (text, dates, the id as a number) against the peer, Python's xlsxwriter in constant_memory mode
# writing the same rows read from the same file, and Carnet's own CSV export of them, in the same run.
# Prints time and peak memory of each.
#   tests/bench/bench_export_spreadsheet.sh [FILE]   (default: the member-table bench's file; run tests/bench/run.sh first)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build="$root/build-bench"
source_db=${1:-/tmp/carnet-bench-1000000.sqlite}
[ -f "$source_db" ] || { echo "No $source_db: run tests/bench/run.sh first." >&2; exit 2; }
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCARNET_BUILD_TESTS=ON
fi
cmake --build "$build" --target carnet-cli -j2 >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/export.sqlite"
cp "$source_db" "$db"
cli=("$build/app/carnet-cli" --database "$db")
columns='"id", "member_number", "first_name", "last_name", "email", "phone", "postal_code", "city", "section",
 "membership_start", "membership_end"'
cat >"$work/all.json" <<JSON
{"name": "Tous les membres", "columns": [$columns], "filter": {}, "sort": []}
JSON
"${cli[@]}" report save --definition "$work/all.json" >/dev/null
cat >"$work/peer.py" <<'PY'
import datetime, sqlite3, sys
import xlsxwriter
db, out = sys.argv[1], sys.argv[2]
book = xlsxwriter.Workbook(out, {"constant_memory": True})
sheet = book.add_worksheet("Tous les membres")
bold = book.add_format({"bold": True})
text = book.add_format({"num_format": "@"})
date = book.add_format({"num_format": "yyyy-mm-dd"})
sheet.freeze_panes(1, 0)
names = ["ID", "Member number", "First name", "Last name", "Email", "Phone", "Postal code", "City", "Section",
         "Member since", "Member until"]
sheet.write_row(0, 0, names, bold)
rows = sqlite3.connect(db).execute(
    "SELECT id, member_number, first_name, last_name, email, phone, postal_code, city, section, membership_start, "
    "membership_end FROM members ORDER BY id")
r = 1
for row in rows:
    sheet.write_number(r, 0, row[0])
    for c in range(1, 9):
        if row[c]:
            sheet.write_string(r, c, row[c], text)  # text stays text, as Carnet writes it
    for c in (9, 10):
        if row[c]:
            sheet.write_datetime(r, c, datetime.datetime.strptime(row[c][:10], "%Y-%m-%d"), date)
    r += 1
book.close()
print(r - 1, "rows")
PY
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(sqlite3 "$db" 'SELECT count(*) FROM members') members, 11 columns"
for run in 1 2; do
    /usr/bin/time -f "carnet-cli report run --format xlsx: %e s, %M KiB" \
        "${cli[@]}" report run "Tous les membres" --format xlsx --output "$work/carnet.xlsx" 2>&1 >/dev/null | grep -v Reminder
    /usr/bin/time -f "carnet-cli report run --format ods: %e s, %M KiB" \
        "${cli[@]}" report run "Tous les membres" --format ods --output "$work/carnet.ods" 2>&1 >/dev/null | grep -v Reminder
    /usr/bin/time -f "carnet-cli report run --format csv (same columns): %e s, %M KiB" \
        "${cli[@]}" report run "Tous les membres" --format csv --output "$work/carnet.csv" 2>&1 >/dev/null | grep -v Reminder
    /usr/bin/time -f "peer: xlsxwriter constant_memory, same rows: %e s, %M KiB" \
        /usr/bin/python3 "$work/peer.py" "$db" "$work/peer.xlsx" 2>&1 >/dev/null
done
ls -l "$work"/carnet.xlsx "$work"/carnet.ods "$work"/carnet.csv "$work"/peer.xlsx | awk '{print $5, $9}'
echo "rows in carnet.xlsx: $(unzip -p "$work/carnet.xlsx" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l) (header included)"
