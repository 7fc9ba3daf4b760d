# shellcheck shell=bash
# Debian packages Carnet needs, and a helper that installs only the missing ones (sudo when not root).
# Sourced by packaging/run.sh and packaging/test.sh.

CARNET_BUILD_PACKAGES=(
    build-essential cmake pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libgl-dev libsqlite3-dev libpq-dev libzip-dev zlib1g-dev libuchardet-dev libmd4c-dev libmd4c-html0-dev qtkeychain-qt6-dev libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins
    libqt6svg6 qt6-translations-l10n qt6-charts-dev libqt6opengl6-dev
)
CARNET_TEST_PACKAGES=(
    clang-format clang libclang-rt-14-dev xvfb xauth appstream desktop-file-utils dpkg-dev file sqlite3 python3
    python3-aiosmtpd python3-openpyxl python3-odf python3-xlsxwriter python3-uno libreoffice-calc-nogui openssl util-linux time strace postgresql-15 dovecot-imapd
)

carnet_install_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "carnet: all required Debian packages are installed."
        return 0
    fi
    echo "carnet: installing ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}
