#!/usr/bin/env python3
"""Parses the messages Carnet built with Python's own email package (policy default) and checks them
against what was asked: decoded headers, both alternatives, attachment bytes, line lengths, CRLF.
Usage: check_mime.py MANIFEST.json — prints one line per problem, exits 1 if there is any."""
import email
import email.policy
import hashlib
import json
import os
import sys


def norm(text):
    return text.replace('\r\n', '\n').replace('\r', '\n')


def main():
    manifest_path = sys.argv[1]
    base = os.path.dirname(manifest_path)
    problems = []
    cases = json.load(open(manifest_path, encoding='utf-8'))
    for case in cases:
        name = case['file']
        raw = open(os.path.join(base, name), 'rb').read()
        def bad(what):
            problems.append(f'{name}: {what}')
        # RFC 5322: CRLF only, lines of at most 998 octets.
        for number, line in enumerate(raw.split(b'\r\n'), 1):
            if b'\n' in line or b'\r' in line:
                bad(f'bare CR or LF on line {number}')
            if len(line) > 998:
                bad(f'line {number} has {len(line)} octets')
        if not raw.endswith(b'\r\n'):
            bad('does not end with CRLF')
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        defects = [d for part in msg.walk() for d in part.defects]
        if defects:
            bad(f'defects: {defects}')
        exp = case['expect']
        if str(msg['Subject'] or '') != exp['subject']:
            bad(f"subject {str(msg['Subject'])!r} != {exp['subject']!r}")
        frm = msg['From'].addresses[0]
        if frm.display_name != exp['from_name'] or frm.addr_spec != exp['from_addr']:
            bad(f'from {frm.display_name!r} <{frm.addr_spec}>')
        to = [(a.display_name, a.addr_spec) for a in msg['To'].addresses]
        if to != [tuple(t) for t in exp['to']]:
            bad(f'to {to!r} != {exp["to"]!r}')
        for header in exp.get('absent_headers', []):
            if msg[header] is not None:
                bad(f'unexpected header {header}: {msg[header]!r}')
        for header, value in exp.get('headers', {}).items():
            if str(msg[header]) != value:
                bad(f'{header} {str(msg[header])!r} != {value!r}')
        if msg['Message-ID'] is None or '@' not in msg['Message-ID']:
            bad('no Message-ID')
        if msg['Date'] is None or msg['Date'].datetime is None:
            bad('no usable Date')
        if msg['MIME-Version'] != '1.0':
            bad('no MIME-Version')
        text = msg.get_body(('plain',))
        if text is None or norm(text.get_content()) != norm(exp['text']):
            got = norm(text.get_content()) if text is not None else ''
            want = norm(exp['text'])
            at = next((i for i in range(min(len(got), len(want))) if got[i] != want[i]), min(len(got), len(want)))
            bad('text part differs at %d: got %r, want %r' % (at, got[at - 20:at + 40], want[at - 20:at + 40]))
        html = msg.get_body(('html',))
        if exp.get('html'):
            if html is None or norm(html.get_content()) != norm(exp['html']):
                bad('html part differs')
        elif html is not None:
            bad('unexpected html part')
        found = []
        for part in msg.iter_attachments():
            found.append([part.get_filename(), hashlib.sha256(part.get_content()).hexdigest()])
        if found != exp.get('attachments', []):
            bad(f'attachments {found!r} != {exp.get("attachments", [])!r}')
    for p in problems:
        print(p)
    print(f'{len(cases)} messages checked, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
