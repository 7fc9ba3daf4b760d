#!/usr/bin/env bash
# Builds an optimised (Release) configuration with the benchmarks and runs them at full size.
#   tests/bench/run.sh            1,000,000 members
#   tests/bench/run.sh 200000     another size
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build="$root/build-bench"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCARNET_BUILD_TESTS=ON
fi
cmake --build "$build" --target bench_member_table -j2
echo "machine: $(nproc) cores, $(free -h | awk '/Mem:/ {print $2}') memory, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
XDG_CONFIG_HOME="$build/bench-home" "$build/tests/bench/bench_member_table" "${1:-1000000}"
