#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for one test run (ctest fixture "postgres").
#   postgres_cluster.sh start STATE_DIR   initdb + pg_ctl start on 127.0.0.1 and a free port; writes STATE_DIR/env
#   postgres_cluster.sh stop STATE_DIR    stops the server and removes its data, whatever the tests did
#   postgres_cluster.sh halt|resume|restart STATE_DIR   the server goes away and comes back (fault tests)
# TLS is on, with a certificate for "localhost" signed by a test authority (CARNET_PG_CA), so that the tests can
# check verify-full, a wrong authority and a wrong name; connections without TLS are accepted too.
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
    # A test authority and the server's certificate for the name "localhost" only.
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Carnet test authority" \
        -keyout "$data/ca.key" -out "$data/ca.crt" >/dev/null 2>&1
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$data/db/server.key" \
        -out "$data/server.csr" >/dev/null 2>&1
    printf 'subjectAltName=DNS:localhost\n' >"$data/san.ext"
    openssl x509 -req -in "$data/server.csr" -CA "$data/ca.crt" -CAkey "$data/ca.key" -CAcreateserial -days 2 \
        -extfile "$data/san.ext" -out "$data/db/server.crt" >/dev/null 2>&1
    chmod 600 "$data/db/server.key"
    [ ${#as_owner[@]} -gt 0 ] && chown nobody "$data/db/server.key" "$data/db/server.crt"
    # Another authority, which signed nothing of this server's.
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Some other authority" \
        -keyout "$data/other.key" -out "$data/other-ca.crt" >/dev/null 2>&1
    cat >"$state/env" <<ENV
CARNET_PG_HOST=127.0.0.1
CARNET_PG_PORT=$port
CARNET_PG_USER=carnet_admin
CARNET_PG_PASSWORD=$password
CARNET_PG_DATA=$data
CARNET_PG_BIN=$bin
CARNET_PG_CA=$data/ca.crt
CARNET_PG_OTHER_CA=$data/other-ca.crt
ENV
    # In the configuration file, so that the server comes back the same after halt and resume.
    cat >>"$data/db/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
ssl = on
CONF
    if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 start >/dev/null; then
        cat "$data/server.log" >&2
        stop
        exit 1
    fi
    echo "PostgreSQL $("$bin/postgres" --version | grep -o '[0-9][0-9.]*' | head -1) on 127.0.0.1:$port ($data)"
    ;;
stop) stop ;;
halt | resume | restart)
    data=$(sed -n 's/^CARNET_PG_DATA=//p' "$state/env")
    case "$action" in
    halt) "${as_owner[@]}" "$bin/pg_ctl" -D "$data/db" -m fast -w stop >/dev/null ;;
    resume) "${as_owner[@]}" "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w start >/dev/null ;;
    restart) "${as_owner[@]}" "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -m fast -w restart >/dev/null ;;
    esac
    ;;
*) echo "start or stop" >&2; exit 2 ;;
esac
