#!/usr/bin/env python3
"""Decodes what Carnet encoded (quoted-printable, RFC 2047 encoded words) with Python's own decoders.
Input: a JSON list of {"kind": "qp"|"words", "input_b64": …, "encoded": …}. Prints problems, exits 1
if any."""
import base64
import email.header
import json
import quopri
import sys

problems = []
cases = json.load(open(sys.argv[1], encoding='utf-8'))
for i, c in enumerate(cases):
    original = base64.b64decode(c['input_b64'])
    encoded = c['encoded'].encode('ascii')
    if c['kind'] == 'qp':
        for line in encoded.split(b'\r\n'):
            if len(line) > 76:
                problems.append(f'qp {i}: line of {len(line)} characters')
        want = original.replace(b'\r\n', b'\n').replace(b'\r', b'\n').replace(b'\n', b'\r\n')
        got = quopri.decodestring(encoded)
        if got != want:
            problems.append(f'qp {i}: {got!r} != {want!r}')
    else:
        text = original.decode('utf-8')
        for word in encoded.split(b'\r\n '):
            if len(word) > 75:
                problems.append(f'words {i}: a word of {len(word)} characters')
        got = str(email.header.make_header(email.header.decode_header(c['encoded'].replace('\r\n', ''))))
        if got != text:
            problems.append(f'words {i}: {got!r} != {text!r}')
for p in problems:
    print(p)
print(f'{len(cases)} encodings checked, {len(problems)} problems')
sys.exit(1 if problems else 0)
