#!/usr/bin/env bash
# Installs the missing Debian packages, builds a Release configuration and starts Carnet.
#   packaging/run.sh           the user's member list (application-data folder; CARNET_DATABASE overrides)
#   packaging/run.sh --demo    the demo association, in a separate file: the user's data is never touched
# A second run reuses the build and installs nothing new.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=packaging/deps.sh
source "$root/packaging/deps.sh"
carnet_install_packages "${CARNET_BUILD_PACKAGES[@]}"

build="$root/build-release"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCARNET_BUILD_TESTS=OFF
fi
cmake --build "$build" --target carnet carnet-cli -j2
exec "$build/carnet" "$@"
