#!/usr/bin/env bash
# Spreadsheet import benchmark: the generated member file (../shared/tools/gen_members.py, default 200,000
# rows) written as .xlsx by xlsxwriter (constant_memory; openpyxl when xlsxwriter is missing) and as .ods by
# LibreOffice, then imported by carnet-cli — beside the same rows as CSV, and beside two peers reading the
# same .xlsx: openpyxl's streaming reader (read_only=True) walking every cell, and LibreOffice's
# --convert-to csv. Time and peak memory of each, in the same run.
#   tests/bench/bench_spreadsheet.sh [ROWS]     (uses build-bench/, made by tests/bench/run.sh)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rows=${1:-200000}
tools="$root/../shared/tools"
cli="$root/build-bench/app/carnet-cli"
[ -x "$cli" ] || { cmake -S "$root" -B "$root/build-bench" -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build "$root/build-bench" --target carnet-cli -j2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv="$work/members.csv"
python3 "$tools/gen_members.py" "$rows" --format plain >"$csv"
/usr/bin/python3 - "$csv" "$work/members.xlsx" <<'PY'
import csv, sys
try:
    import xlsxwriter
    book = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
    sheet = book.add_worksheet("Membres")
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        for r, row in enumerate(csv.reader(f)):
            for c, value in enumerate(row):
                if value:
                    sheet.write_string(r, c, value)
    book.close()
    print("xlsx written by xlsxwriter", file=sys.stderr)
except ImportError:
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Membres")
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            ws.append(row)
    wb.save(sys.argv[2])
    print("xlsx written by openpyxl", file=sys.stderr)
PY
soffice -env:UserInstallation="file://$work/lo" --headless --convert-to ods --outdir "$work" "$work/members.xlsx" >/dev/null 2>&1
echo "rows: $rows; files: csv $(du -h "$csv" | cut -f1), xlsx $(du -h "$work/members.xlsx" | cut -f1), ods $(du -h "$work/members.ods" | cut -f1); machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

seconds() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; return 1; }; cat "$work/time"; }
report() { printf '%-58s %8.2f s  %6d MiB\n' "$1" "$2" $(($3 / 1024)); }

read -r peer peer_kb < <(seconds /usr/bin/python3 -c "
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = 0
for row in wb.active.iter_rows(values_only=True):
    n += 1
print(n)" "$work/members.xlsx")
read -r lo lo_kb < <(seconds soffice -env:UserInstallation="file://$work/lo" --headless --convert-to csv --outdir "$work/lo-csv" "$work/members.xlsx")
read -r csv_s csv_kb < <(seconds "$cli" --database "$work/csv.sqlite" import "$csv" --json)
read -r xlsx_s xlsx_kb < <(seconds "$cli" --database "$work/xlsx.sqlite" import "$work/members.xlsx" --json)
created_xlsx=$(python3 -c "import json; print(json.load(open('$work/out'))['created'])")
read -r ods_s ods_kb < <(seconds "$cli" --database "$work/ods.sqlite" import "$work/members.ods" --json)
created_ods=$(python3 -c "import json; print(json.load(open('$work/out'))['created'])")
read -r preview preview_kb < <(seconds "$cli" preview "$work/members.xlsx" --limit 100 --json)
read -r preview_ods preview_ods_kb < <(seconds "$cli" preview "$work/members.ods" --limit 100 --json)
report "peer: openpyxl read_only, every cell of the .xlsx" "$peer" "$peer_kb"
report "peer: LibreOffice --convert-to csv of the .xlsx" "$lo" "$lo_kb"
report "carnet-cli import, CSV" "$csv_s" "$csv_kb"
report "carnet-cli import, .xlsx ($created_xlsx created)" "$xlsx_s" "$xlsx_kb"
report "carnet-cli import, .ods ($created_ods created)" "$ods_s" "$ods_kb"
report "carnet-cli preview of the .xlsx, first 100 rows" "$preview" "$preview_kb"
report "carnet-cli preview of the .ods, first 100 rows (the sheet is counted)" "$preview_ods" "$preview_ods_kb"
