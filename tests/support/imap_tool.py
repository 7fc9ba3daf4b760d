#!/usr/bin/python3
"""An independent IMAP client (Python's imaplib) for the tests: puts messages in the test server and
says what is where, so that what Carnet did to the mailbox is checked by another program.

  imap_tool.py --port P --cafile PEM --user U --password W append FOLDER FILE...   (prints the UIDs)
  imap_tool.py ... state            (JSON: {folder: [{"uid", "flags", "message_id", "subject"}]})
  imap_tool.py ... move-all FROM TO (puts back what Carnet moved, as a person would)
"""
import argparse
import email
import email.policy
import imaplib
import json
import re
import ssl
import sys


def connect(args):
    c = imaplib.IMAP4("127.0.0.2", args.port)
    c.starttls(ssl.create_default_context(cafile=args.cafile))
    auth = b"\0" + args.user.encode() + b"\0" + args.password.encode()
    c.authenticate("PLAIN", lambda _: auth)
    return c


def decode_name(name):
    """RFC 3501 modified UTF-7, decoded here independently of Carnet's codec."""
    import base64
    out, i = "", 0
    while i < len(name):
        if name[i] != "&":
            out += name[i]
            i += 1
            continue
        end = name.index("-", i)
        chunk = name[i + 1:end]
        if not chunk:
            out += "&"
        else:
            b64 = chunk.replace(",", "/")
            out += base64.b64decode(b64 + "=" * (-len(b64) % 4)).decode("utf-16-be")
        i = end + 1
    return out


def folders(c):
    typ, data = c.list()
    out = []
    for line in data:
        m = re.match(rb'\((?P<flags>[^)]*)\) "(?P<delim>[^"]*)" (?P<name>.+)$', line)
        name = m.group("name").decode()
        if name.startswith('"'):
            name = name[1:-1]
        out.append(name)  # as the server writes it (modified UTF-7)
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--cafile", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("command")
    p.add_argument("rest", nargs="*")
    args = p.parse_args()
    c = connect(args)
    if args.command == "append":
        folder, files = args.rest[0], args.rest[1:]
        uids = []
        for f in files:
            with open(f, "rb") as fh:
                typ, data = c.append(folder, None, None, fh.read())
            if typ != "OK":
                sys.exit("append failed: %r" % data)
            m = re.search(rb"APPENDUID \d+ (\d+)", data[0])
            uids.append(int(m.group(1)) if m else 0)
        print(json.dumps(uids))
    elif args.command == "state":
        state = {}
        for name in folders(c):
            typ, _ = c.select('"%s"' % name, readonly=True)
            if typ != "OK":
                continue
            typ, data = c.uid("FETCH", "1:*", "(UID FLAGS BODY.PEEK[HEADER])")
            messages = []
            for item in data:
                if not isinstance(item, tuple):
                    continue
                meta = item[0]
                uid = int(re.search(rb"UID (\d+)", meta).group(1))
                flags = re.search(rb"FLAGS \(([^)]*)\)", meta).group(1).decode().split()
                headers = email.message_from_bytes(item[1], policy=email.policy.default)
                messages.append({"uid": uid, "flags": sorted(flags),
                                 "message_id": str(headers.get("Message-ID", "")).strip("<>"),
                                 "subject": str(headers.get("Subject", ""))})
            state[decode_name(name)] = sorted(messages, key=lambda m: m["uid"])
        print(json.dumps(state, ensure_ascii=False))
    elif args.command == "move-all":
        source, target = args.rest
        c.select('"%s"' % source)
        typ, data = c.uid("SEARCH", None, "ALL")
        uids = data[0].split()
        if uids:
            c.uid("MOVE", b",".join(uids).decode(), '"%s"' % target)
        print(json.dumps([int(u) for u in uids]))
    else:
        sys.exit("unknown command " + args.command)
    c.logout()


if __name__ == "__main__":
    main()
