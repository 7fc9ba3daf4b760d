#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for one test run (ctest fixture "postgres").
#   postgres_cluster.sh start STATE_DIR   initdb + pg_ctl start on 127.0.0.1 and a free port; writes STATE_DIR/env
#   postgres_cluster.sh stop STATE_DIR    stops the server and removes its data, whatever the tests did
# initdb refuses to run as root: as root, the cluster belongs to the unprivileged user "nobody". Password
# authentication (scram-sha-256) on TCP, so that the tests see what a board's server does; fsync off, since
# the data lives only as long as the run.
set -euo pipefail
action=${1:?start or stop}
state=${2:?state folder}
bin=/usr/lib/postgresql/15/bin
[ -x "$bin/initdb" ] || { echo "postgresql-15 is not installed (packaging/deps.sh installs it)" >&2; exit 1; }
as_owner=()
[ "$(id -u)" -eq 0 ] && as_owner=(runuser -u nobody --)

stop() {
    [ -f "$state/env" ] || return 0
    # shellcheck disable=SC1091
    data=$(sed -n 's/^CARNET_PG_DATA=//p' "$state/env")
    if [ -n "$data" ] && [ -d "$data/db" ]; then
        "${as_owner[@]}" "$bin/pg_ctl" -D "$data/db" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    case "$data" in /tmp/carnet-pg.*) rm -rf "$data" ;; esac
    rm -f "$state/env"
}

case "$action" in
start)
    stop
    mkdir -p "$state"
    data=$(mktemp -d /tmp/carnet-pg.XXXXXX)
    chmod 755 "$data"
    password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    printf '%s\n' "$password" >"$data/pwfile"
    [ ${#as_owner[@]} -gt 0 ] && chown -R nobody "$data"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "${as_owner[@]}" "$bin/initdb" -D "$data/db" -U carnet_admin --pwfile="$data/pwfile" --auth-local=trust \
        --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 ||
        { cat "$state/initdb.log" >&2; exit 1; }
    rm -f "$data/pwfile"
    cat >"$state/env" <<ENV
CARNET_PG_HOST=127.0.0.1
CARNET_PG_PORT=$port
CARNET_PG_USER=carnet_admin
CARNET_PG_PASSWORD=$password
CARNET_PG_DATA=$data
CARNET_PG_BIN=$bin
ENV
    if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null; then
        cat "$data/server.log" >&2
        stop
        exit 1
    fi
    echo "PostgreSQL $("$bin/postgres" --version | grep -o '[0-9][0-9.]*' | head -1) on 127.0.0.1:$port ($data)"
    ;;
stop) stop ;;
*) echo "start or stop" >&2; exit 2 ;;
esac
