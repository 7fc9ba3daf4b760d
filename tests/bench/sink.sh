# shellcheck shell=bash
# Shared by the sending benchmarks: builds carnet-cli and the SMTP sink in the Release bench tree, makes
# $work (removed on exit) and starts the sink on a free port of 127.0.0.1, in $port. The sink stops when
# file descriptor 8 is closed (`exec 8>&-`), then prints how many messages it received.
#   source "$root/tests/bench/sink.sh"   (with $root and $build set)
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCARNET_BUILD_TESTS=ON
fi
cmake --build "$build" --target carnet-cli smtp_sink -j2 >/dev/null
work=$(mktemp -d)
cleanup() { exec 8>&- 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
mkfifo "$work/in"
"$build/tests/bench/smtp_sink" <"$work/in" >"$work/sink.out" &
exec 8>"$work/in"
for _ in $(seq 50); do grep -q PORT "$work/sink.out" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/PORT/ {print $2}' "$work/sink.out")
