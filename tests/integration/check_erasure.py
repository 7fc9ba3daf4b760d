#!/usr/bin/env python3
"""Searches a Carnet member file for a person's data: every table, every column (text and bytes), and the raw
bytes of the file and its write-ahead log; or, for a PostgreSQL database (a postgresql:// URL, read with psql as
the server's superuser), every table and the raw bytes of every file of the database in the server's data
folder (tables, their TOAST, indexes and the catalogs, statistics included). Each value to find is searched as it is, lower-cased, without accents,
in RFC 2047 B and Q encoded-words, quoted-printable, base64 (at each of the three byte offsets, so a value inside
a longer base64 text is found too) and punycode. Prints {"hits": [...], "needles": N} and exits 1 on any hit.

Usage: check_erasure.py DATABASE|URL VALUE...
"""
import base64
import binascii
import email.charset
import json
import os
import quopri
import sqlite3
import subprocess
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


def psql(url, sql):
    run = subprocess.run(["psql", url, "-X", "-At", "-c", sql], capture_output=True)
    if run.returncode != 0:
        sys.exit("psql failed on %s: %s" % (sql, run.stderr.decode(errors="replace")))
    return run.stdout


def copy_cell(cell):
    """A value of COPY's text format as bytes: bytea arrives as \\x and hex digits."""
    if cell == b"\\N":
        return None
    if cell.startswith(b"\\\\x"):
        try:
            return binascii.unhexlify(cell[3:])
        except binascii.Error:
            return cell
    return cell.replace(b"\\n", b"\n").replace(b"\\t", b"\t").replace(b"\\r", b"\r").replace(b"\\\\", b"\\")


def scan_server(url, targets):
    hits = []
    # What the server holds in its memory goes to the files first (and the files of rewritten tables go).
    psql(url, "CHECKPOINT")
    tables = psql(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                       "AND table_type = 'BASE TABLE'").decode().split()
    for table in tables:
        cols = psql(url, "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                         "AND table_name = '%s' ORDER BY ordinal_position" % table).decode().split()
        for line in psql(url, "COPY (SELECT * FROM %s) TO STDOUT" % table).split(b"\n"):
            if not line:
                continue
            for col, cell in zip(cols, line.split(b"\t")):
                data = copy_cell(cell)
                if data is None:
                    continue
                for n, v in targets.items():
                    if n in data:
                        hits.append({"where": "%s.%s" % (table, col), "value": v, "as": n.decode("latin-1")})
    datadir = psql(url, "SHOW data_directory").decode().strip()
    oid = psql(url, "SELECT oid FROM pg_database WHERE datname = current_database()").decode().strip()
    names = {}
    for row in psql(url, "SELECT pg_relation_filenode(oid), relname FROM pg_class WHERE "
                         "pg_relation_filenode(oid) IS NOT NULL").decode().splitlines():
        node, _, name = row.partition("|")
        names[node] = name
    folder = os.path.join(datadir, "base", oid)
    for f in sorted(os.listdir(folder)):
        # A file the checkpoint (or another session's) unlinks meanwhile — a table's or index's old file after a
        # rewrite — is no longer part of the database: what its blocks held is the disk's (README).
        try:
            with open(os.path.join(folder, f), "rb") as fh:
                data = fh.read()
        except FileNotFoundError:
            continue
        relation = names.get(f.split("_")[0].split(".")[0], f)
        for n, v in targets.items():
            at = data.find(n)
            if at >= 0:
                hits.append({"where": "file@%d:%s" % (at, relation), "value": v, "as": n.decode("latin-1")})
    return hits, len(tables)


def main():
    path, values = sys.argv[1], sys.argv[2:]
    targets = {}
    for v in values:
        for n in needles(v):
            targets[n] = v
    if path.startswith("postgresql://"):
        hits, tables = scan_server(path, targets)
        print(json.dumps({"hits": hits, "needles": len(targets), "tables": tables}, ensure_ascii=False))
        return 1 if hits else 0
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
