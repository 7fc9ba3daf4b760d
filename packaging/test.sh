#!/usr/bin/env bash
# Installs what the build and the tests need, checks formatting, translations and desktop files,
# builds the test configuration (-Werror, AddressSanitizer + UndefinedBehaviorSanitizer), runs every
# test with ctest, then builds the .deb and runs the carnet-cli it contains. Exits non-zero on any failure.
# A second run reuses the builds and installs nothing new.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=packaging/deps.sh
source "$root/packaging/deps.sh"
carnet_install_packages "${CARNET_BUILD_PACKAGES[@]}" "${CARNET_TEST_PACKAGES[@]}"

step() { printf '\n=== %s\n' "$*"; }

step "Formatting (clang-format $(clang-format --version | grep -o '[0-9][0-9.]*' | head -1))"
git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror
echo "formatting ok"

step "Desktop integration files"
desktop-file-validate resources/linux/org.carnet.Carnet.desktop
appstreamcli validate --no-net resources/linux/org.carnet.Carnet.metainfo.xml

step "Translations are current and French is complete"
bash packaging/check-translations.sh

step "Test build (Debug, -Werror, ASan + UBSan)"
build="$root/build-test"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCARNET_WERROR=ON -DCARNET_SANITIZE=ON
fi
cmake --build "$build" -j2

step "Tests"
ctest --test-dir "$build" --output-on-failure -j2 --timeout 600

step "Fuzzing the CSV reader (libFuzzer, bounded time, conformance inputs as seeds)"
fuzz="$root/build-fuzz"
if [ ! -f "$fuzz/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$fuzz" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCARNET_FUZZ=ON \
        -DCARNET_SANITIZE=ON -DCARNET_BUILD_TESTS=OFF
fi
cmake --build "$fuzz" --target fuzz_csvreader -j2
corpus=$(mktemp -d)
seeds=("$root/tests/data")
[ -d "$root/../shared/conformance/csv-spectrum/csvs" ] && seeds+=("$root/../shared/conformance/csv-spectrum/csvs")
"$fuzz/tests/fuzz/fuzz_csvreader" -max_total_time="${CARNET_FUZZ_SECONDS:-60}" -max_len=65536 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus" "${seeds[@]}" 2>&1 | tail -n 12
rm -rf "$corpus"

step "Fuzzing the spreadsheet reader (libFuzzer: zip, inflation limits, XML, cell formats)"
cmake --build "$fuzz" --target fuzz_spreadsheet -j2
corpus=$(mktemp -d)
seeds=$(mktemp -d)
/usr/bin/python3 "$root/tests/support/make_spreadsheets.py" "$seeds" >/dev/null
rm -f "$seeds/bomb.xlsx" # larger than -max_len; the unit test reads it whole
"$fuzz/tests/fuzz/fuzz_spreadsheet" -max_total_time="${CARNET_FUZZ_SECONDS:-60}" -max_len=65536 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus" "$seeds" 2>&1 | tail -n 12
rm -rf "$corpus" "$seeds"

step "Fuzzing the returned-mail reader (libFuzzer: MIME, delivery reports, complaints, auto-replies)"
cmake --build "$fuzz" --target fuzz_returnedmail -j2
corpus=$(mktemp -d)
seeds=("$root/tests/data")
[ -d "$root/../shared/conformance/bounces/emails" ] && seeds+=("$root/../shared/conformance/bounces/emails")
"$fuzz/tests/fuzz/fuzz_returnedmail" -max_total_time="${CARNET_FUZZ_SECONDS:-60}" -max_len=65536 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus" "${seeds[@]}" 2>&1 | tail -n 12
rm -rf "$corpus"

step "Fuzzing the IMAP response parser (libFuzzer: literals, lists, packets cut anywhere)"
cmake --build "$fuzz" --target fuzz_imapresponse -j2
corpus=$(mktemp -d)
"$fuzz/tests/fuzz/fuzz_imapresponse" -max_total_time="${CARNET_FUZZ_SECONDS:-60}" -max_len=65536 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus" "$root/tests/data/imap" 2>&1 | tail -n 12
rm -rf "$corpus"

step "Release build, .deb package, and the packaged carnet-cli"
release="$root/build-release"
if [ ! -f "$release/CMakeCache.txt" ] || ! grep -q 'CARNET_BUILD_TESTS:BOOL=OFF' "$release/CMakeCache.txt"; then
    cmake -S "$root" -B "$release" -DCMAKE_BUILD_TYPE=Release -DCARNET_BUILD_TESTS=OFF
fi
cmake --build "$release" -j2
(cd "$release" && rm -f carnet_*.deb && cpack -G DEB >/dev/null)
deb=$(ls "$release"/carnet_*.deb)
echo "package: $(basename "$deb")"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for needed in libqt6core6 libqt6widgets6 libqt6sql6 libqt6sql6-sqlite libqt6sql6-psql; do
    case "$depends" in
        *"$needed"*) ;;
        *) echo "the .deb does not depend on $needed" >&2; exit 1 ;;
    esac
done
extract=$(mktemp -d)
trap 'rm -rf "$extract"' EXIT
dpkg-deb -x "$deb" "$extract"
for f in usr/bin/carnet usr/bin/carnet-cli usr/share/applications/org.carnet.Carnet.desktop \
         usr/share/metainfo/org.carnet.Carnet.metainfo.xml usr/share/icons/hicolor/scalable/apps/org.carnet.Carnet.svg; do
    [ -e "$extract/$f" ] || { echo "missing from the .deb: $f" >&2; exit 1; }
done
version=$("$extract/usr/bin/carnet-cli" --version)
echo "extracted: $version"
[ "$version" = "carnet-cli $(sed -n 's/^ *VERSION \([0-9.]*\)$/\1/p' CMakeLists.txt | head -1)" ]
CARNET_DATABASE="$extract/smoke.sqlite" "$extract/usr/bin/carnet-cli" members add --first-name Léa --last-name David \
    --email lea@example.org >/dev/null
CARNET_DATABASE="$extract/smoke.sqlite" "$extract/usr/bin/carnet-cli" members list | grep -q 'David, Léa'
echo "packaged carnet-cli works"
