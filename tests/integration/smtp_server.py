#!/usr/bin/python3
"""A real SMTP server on 127.0.0.1 for the integration tests: Debian's aiosmtpd, in plain, STARTTLS or
implicit-TLS mode, with AUTH (PLAIN and LOGIN), saving every accepted message to a folder.

Usage: smtp_server.py --mode plain|starttls|tls --out DIR [--cert C --key K] [--user U --password P]
                      [--no-starttls] [--delay SECONDS]
Prints "PORT n" once listening; stops when its standard input closes."""
import argparse
import asyncio
import json
import os
import socket
import ssl
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Saver:
    def __init__(self, out, delay):
        self.out = out
        self.delay = delay
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        with self.lock:
            self.count += 1
            n = self.count
        base = os.path.join(self.out, f'{n:05d}')
        with open(base + '.eml.tmp', 'wb') as f:
            f.write(envelope.original_content)
        with open(base + '.json', 'w') as f:
            json.dump({'from': envelope.mail_from, 'to': envelope.rcpt_tos}, f)
        os.rename(base + '.eml.tmp', base + '.eml')
        return '250 2.0.0 Message accepted'


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--mode', choices=['plain', 'starttls', 'tls'], default='plain')
    p.add_argument('--out', required=True)
    p.add_argument('--cert')
    p.add_argument('--key')
    p.add_argument('--user')
    p.add_argument('--password')
    p.add_argument('--delay', type=float, default=0)
    args = p.parse_args()

    auth_log = os.path.join(args.out, 'auth.log')

    def authenticator(server, session, envelope, mechanism, auth_data):
        with open(auth_log, 'a') as f:
            f.write(f'{mechanism} tls={session.ssl is not None}\n')
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user
              and auth_data.password.decode() == args.password)
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself

    context = None
    if args.mode in ('starttls', 'tls'):
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
    kwargs = dict(hostname='127.0.0.1', port=free_port(), decode_data=False)
    if args.user:
        # aiosmtpd only knows TLS it started itself (STARTTLS): with implicit TLS the whole connection
        # is already encrypted, so it must not hide AUTH waiting for a STARTTLS that never comes.
        kwargs.update(authenticator=authenticator, auth_required=True,
                      auth_require_tls=args.mode == 'starttls')
    if args.mode == 'starttls':
        kwargs.update(tls_context=context, require_starttls=True)
    elif args.mode == 'tls':
        kwargs.update(ssl_context=context)
    controller = Controller(Saver(args.out, args.delay), **kwargs)
    if args.mode == 'tls':
        # The controller's own readiness probe speaks plain TCP; start it without waiting on that probe.
        controller.ready_timeout = 5
    try:
        controller.start()
    except Exception:
        if args.mode != 'tls':
            raise
    print(f'PORT {controller.port}', flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == '__main__':
    main()
