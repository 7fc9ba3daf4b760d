#!/usr/bin/env python3
"""A server that answers PostgreSQL's SSLRequest with 'N' ("no TLS here"), as a PostgreSQL server without TLS
does, then records every byte the client sends after that answer (a client that requires TLS must send none:
no user name, no password). Prints its port, then serves until killed.

Usage: pg_no_tls.py LOGFILE
"""
import socket
import sys
import threading


def serve(conn, log):
    with conn:
        conn.settimeout(3)
        try:
            request = conn.recv(8)
            with open(log, "ab") as f:
                f.write(b"request:" + request.hex().encode() + b"\n")
            conn.sendall(b"N")
            rest = b""
            while True:
                chunk = conn.recv(4096)
                if not chunk:
                    break
                rest += chunk
        except OSError:
            rest = b""
        with open(log, "ab") as f:
            f.write(b"after:" + rest.hex().encode() + b"\n")


def main():
    log = sys.argv[1]
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    print(listener.getsockname()[1], flush=True)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve, args=(conn, log), daemon=True).start()


if __name__ == "__main__":
    main()
