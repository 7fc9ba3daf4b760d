#!/usr/bin/env bash
# Fails when translations/*.ts are stale against the sources (run the carnet_lupdate target to refresh
# them) or when a French string is unfinished.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
lupdate=$(command -v lupdate6 || true)
[ -n "$lupdate" ] || lupdate=/usr/lib/qt6/bin/lupdate
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp translations/carnet_fr.ts translations/carnet_en.ts "$tmp/"
"$lupdate" -silent -locations none -no-obsolete app ui -ts "$tmp/carnet_fr.ts"
"$lupdate" -silent -locations none -no-obsolete -pluralonly app ui -ts "$tmp/carnet_en.ts"
stale=0
for ts in carnet_fr.ts carnet_en.ts; do
    if ! diff -u "translations/$ts" "$tmp/$ts"; then
        echo "translations/$ts is stale: run 'cmake --build <build> --target carnet_lupdate' and translate." >&2
        stale=1
    fi
done
unfinished=$( (grep -c 'type="unfinished"' translations/carnet_fr.ts translations/carnet_fr_CA.ts || true) | awk -F: '{s+=$2} END {print s+0}')
if [ "$unfinished" -gt 0 ]; then
    echo "$unfinished French strings are unfinished:" >&2
    grep -B3 'type="unfinished"' translations/carnet_fr.ts | grep '<source>' | head -20 >&2
    stale=1
fi
[ "$stale" -eq 0 ] && echo "translations ok ($(grep -c '<message' translations/carnet_fr.ts) French messages)"
exit "$stale"
