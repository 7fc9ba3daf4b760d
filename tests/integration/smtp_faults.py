#!/usr/bin/env python3
"""A scripted, misbehaving SMTP server on 127.0.0.1 for the fault tests (plain SMTP, no AUTH).

Usage: smtp_faults.py --out DIR --rules JSON
rules: {"greeting": "421 ...",            the greeting (then the server closes if it is not 220)
        "rcpt": {"addr": "450 ..."},       the reply to RCPT TO for an address
        "final": {"addr": "451 ..."},      the reply to the final dot for an address
        "drop_after_dot": ["addr"],        close the connection after the dot, without a reply
        "split": true,                     send every reply one byte at a time
        "bare": true,                      replies without text ("250" alone)
        "starttls": "454 ...",             offer STARTTLS and answer it with this refusal
        "silent_on": "MAIL" | "DOT"}       stop answering at MAIL FROM, or after the final dot
Accepted messages are written to DIR as NNNNN.json {"to": [...]}. Prints "PORT n"; stops when its
standard input closes."""
import argparse
import asyncio
import json
import os
import sys
import threading


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--out', required=True)
    p.add_argument('--rules', default='{}')
    args = p.parse_args()
    rules = json.loads(args.rules)
    counter = {'n': 0}

    async def reply(writer, text):
        data = (text + '\r\n').encode()
        if rules.get('bare') and text[:3].isdigit() and text[:3] not in ('220', '221', '354') and len(text) > 3 \
                and text[3] == ' ':
            data = (text[:3] + '\r\n').encode()
        if rules.get('split'):
            for i in range(len(data)):
                writer.write(data[i:i + 1])
                await writer.drain()
                await asyncio.sleep(0.001)
        else:
            writer.write(data)
            await writer.drain()

    async def handle(reader, writer):
        greeting = rules.get('greeting', '220 faults.example.org ESMTP')
        await reply(writer, greeting)
        if not greeting.startswith('220'):
            writer.close()
            return
        rcpt = None
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                cmd = line.decode(errors='replace').rstrip('\r\n')
                verb = cmd[:4].upper()
                if verb in ('EHLO', 'HELO'):
                    if 'starttls' in rules and verb == 'EHLO':
                        await reply(writer, '250-faults.example.org')
                        await reply(writer, '250 STARTTLS')
                    else:
                        await reply(writer, '250 faults.example.org')
                elif cmd.upper() == 'STARTTLS' and 'starttls' in rules:
                    await reply(writer, rules['starttls'])
                elif verb == 'MAIL' and rules.get('silent_on') == 'MAIL':
                    await asyncio.sleep(3600)
                elif verb == 'MAIL' or verb == 'RSET' or verb == 'NOOP':
                    await reply(writer, '250 2.1.0 Ok')
                elif verb == 'RCPT':
                    rcpt = cmd[cmd.find('<') + 1:cmd.find('>')]
                    await reply(writer, rules.get('rcpt', {}).get(rcpt, '250 2.1.5 Ok'))
                elif verb == 'DATA':
                    await reply(writer, '354 End data with <CR><LF>.<CR><LF>')
                    while True:
                        data_line = await reader.readline()
                        if not data_line or data_line in (b'.\r\n', b'.\n'):
                            break
                    if rcpt in rules.get('drop_after_dot', []):
                        writer.close()
                        return
                    if rules.get('silent_on') == 'DOT':
                        await asyncio.sleep(3600)
                    final = rules.get('final', {}).get(rcpt, '250 2.0.0 Ok: queued')
                    if final.startswith('250'):
                        counter['n'] += 1
                        with open(os.path.join(args.out, f"{os.getpid()}-{counter['n']:05d}.json"), 'w') as f:
                            json.dump({'to': [rcpt]}, f)
                    await reply(writer, final)
                elif verb == 'QUIT':
                    await reply(writer, '221 Bye')
                    break
                else:
                    await reply(writer, '502 5.5.2 Not implemented')
        finally:
            writer.close()

    async def serve():
        server = await asyncio.start_server(handle, '127.0.0.1', 0)
        port = server.sockets[0].getsockname()[1]
        print(f'PORT {port}', flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        threading.Thread(target=lambda: (sys.stdin.read(), loop.call_soon_threadsafe(stop.set)), daemon=True).start()
        async with server:
            await stop.wait()

    asyncio.run(serve())


if __name__ == '__main__':
    main()
