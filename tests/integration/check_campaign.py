#!/usr/bin/env python3
"""Reads a campaign message (RFC 5322 bytes) with Python's own email package and prints what a mail
program would see, as JSON: headers, the plain and HTML bodies, attachment names and sizes, defects.
Usage: check_campaign.py FILE.eml"""
import email
import email.policy
import json
import sys

raw = open(sys.argv[1], 'rb').read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
plain = msg.get_body(('plain',))
html = msg.get_body(('html',))
out = {
    'from': str(msg['From'] or ''),
    'to': str(msg['To'] or ''),
    'reply_to': str(msg['Reply-To'] or ''),
    'subject': str(msg['Subject'] or ''),
    'list_unsubscribe': str(msg['List-Unsubscribe'] or ''),
    'list_unsubscribe_post': str(msg['List-Unsubscribe-Post'] or ''),
    'list_id': str(msg['List-Id'] or ''),
    'plain': plain.get_content() if plain else None,
    'html': html.get_content() if html else None,
    'attachments': [{'name': p.get_filename(), 'size': len(p.get_content())} for p in msg.iter_attachments()],
    'defects': [repr(d) for part in msg.walk() for d in part.defects],
    'crlf_only': b'\n' not in raw.replace(b'\r\n', b''),
}
print(json.dumps(out, ensure_ascii=False))
