#!/usr/bin/env python3
"""Searches a Carnet member file for a person's data: every table, every column (text and bytes), and the raw
bytes of the file and its write-ahead log. Each value to find is searched as it is, lower-cased, without accents,
in RFC 2047 B and Q encoded-words, quoted-printable, base64 (at each of the three byte offsets, so a value inside
a longer base64 text is found too) and punycode. Prints {"hits": [...], "needles": N} and exits 1 on any hit.

Usage: check_erasure.py DATABASE VALUE...
"""
import base64
import binascii
import email.charset
import json
import quopri
import sqlite3
import sys
import unicodedata


def variants(value):
    forms = {value, value.lower(), value.upper()}
    plain = unicodedata.normalize("NFKD", value)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    forms |= {plain, plain.lower(), plain.upper()}
    return forms


def needles(value):
    out = set()
    for form in variants(value):
        raw = form.encode("utf-8")
        out.add(raw)
        out.add(form.encode("utf-16-le"))
        # Quoted-printable (bodies) and RFC 2047 Q (headers: spaces as _).
        out.add(quopri.encodestring(raw).rstrip(b"=\n"))
        out.add(quopri.encodestring(raw, header=True))
        out.add(email.charset.Charset("utf-8").header_encode(form).encode("ascii"))  # =?utf-8?b?…?=
        # Base64 at each offset: only the characters that depend on the value alone.
        for offset in range(3):
            encoded = base64.b64encode(b"\0" * offset + raw)
            start = 4 if offset else 0
            core = encoded[start: len(encoded) - 4]
            if len(core) >= 8:
                out.add(core)
        if any(ord(c) > 127 for c in form):
            try:
                out.add(form.encode("punycode"))
                out.add(b"xn--" + form.encode("punycode"))
            except UnicodeError:
                pass
    return {n for n in out if len(n) >= 4}


def main():
    path, values = sys.argv[1], sys.argv[2:]
    targets = {}
    for v in values:
        for n in needles(v):
            targets[n] = v
    hits = []
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        cols = [r[1] for r in db.execute('PRAGMA table_info("%s")' % table)]
        for row in db.execute('SELECT * FROM "%s"' % table):
            for col, cell in zip(cols, row):
                if cell is None:
                    continue
                data = cell if isinstance(cell, bytes) else str(cell).encode("utf-8")
                for n, v in targets.items():
                    if n in data:
                        hits.append({"where": "%s.%s" % (table, col), "value": v, "as": n.decode("latin-1")})
    db.close()
    for suffix in ("", "-wal"):
        try:
            with open(path + suffix, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            continue
        for n, v in targets.items():
            at = data.find(n)
            if at >= 0:
                hits.append({"where": "file%s@%d" % (suffix, at), "value": v, "as": n.decode("latin-1")})
    print(json.dumps({"hits": hits, "needles": len(targets), "tables": len(tables)}, ensure_ascii=False))
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
