#!/usr/bin/env bash
# The mailbox benchmark: 5,000 messages that came back (delivery reports of several shapes, complaints,
# auto-replies, a few unrelated messages) in a local Dovecot; `carnet-cli mailbox run` reads, classifies,
# matches each to a member, acts and moves them. Peer in the same run: Python's imaplib fetching the same
# messages with BODY.PEEK[] and parsing each with the email package (no classification, nothing moved).
# Prints time and peak memory of each.
#   tests/bench/bench_mailbox.sh [COUNT]   (default 5000)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build="$root/build-bench"
count=${1:-5000}
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCARNET_BUILD_TESTS=ON
fi
cmake --build "$build" --target carnet-cli -j2 >/dev/null
work=$(mktemp -d)
chmod 755 "$work"
dovecot_pid=
cleanup() {
    [ -n "$dovecot_pid" ] && kill "$dovecot_pid" 2>/dev/null && wait "$dovecot_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# Dovecot as the tests start it (tests/support/LocalImapServer.h), on 127.0.0.2 and a free port.
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.2", 0)); print(s.getsockname()[1])')
user=bureau@amis-du-jardin.fr
password=bench-pass
mkdir -p "$work/run" "$work/state" "$work/home"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -subj /CN=localhost \
    -addext "subjectAltName=IP:127.0.0.2,DNS:localhost" -days 2 2>/dev/null
echo "$user:{PLAIN}$password::::" >"$work/users"
if [ "$(id -u)" -eq 0 ]; then
    chown -R nobody:nogroup "$work/home"
    internal="default_internal_user = nobody
default_internal_group = nogroup
default_login_user = nobody
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$work/home/%u
}"
else
    me=$(id -un)
    internal="default_internal_user = $me
default_internal_group = $(id -gn)
default_login_user = $me
userdb {
  driver = static
  args = uid=$(id -u) gid=$(id -g) home=$work/home/%u
}
service imap-login {
  chroot =
}
service anvil {
  chroot =
}"
fi
cat >"$work/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.2
base_dir = $work/run
state_dir = $work/state
log_path = $work/dovecot.log
ssl = required
ssl_cert = <$work/cert.pem
ssl_key = <$work/key.pem
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $work/users
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    address = 127.0.0.2
    port = $port
  }
}
$internal
CONF
/usr/sbin/dovecot -F -c "$work/dovecot.conf" &
dovecot_pid=$!
for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.2/$port") 2>/dev/null && break
    sleep 0.1
done

# The member file: COUNT members whose addresses the reports name.
db="$work/carnet.sqlite"
cli=("$build/app/carnet-cli" --database "$db")
/usr/bin/python3 - "$work/members.csv" "$count" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("Nom;Prénom;Courriel\n")
    for i in range(int(sys.argv[2])):
        f.write(f"Membre{i};Jardin;membre{i}@exemple.fr\n")
PY
"${cli[@]}" import "$work/members.csv" >/dev/null

# COUNT returned messages in the inbox, put there by imaplib.
/usr/bin/python3 - "$port" "$work/cert.pem" "$user" "$password" "$count" <<'PY'
import imaplib, ssl, sys
port, ca, user, password, count = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
c = imaplib.IMAP4("127.0.0.2", port)
c.starttls(ssl.create_default_context(cafile=ca))
c.login(user, password)
def original(i):
    return (f"From: Les Amis du Jardin <bureau@amis-du-jardin.fr>\r\nTo: membre{i}@exemple.fr\r\n"
            f"Subject: Nouvelles du jardin\r\nMessage-ID: <campagne.{i}@amis-du-jardin.fr>\r\n"
            "Date: Tue, 01 Dec 2026 09:00:00 +0100\r\n")
for i in range(count):
    to = f"membre{i}@exemple.fr"
    shape = i % 10
    if shape < 5:
        status, text = [("5.1.1", "550 5.1.1 User unknown"), ("4.2.2", "452 4.2.2 Mailbox full"),
                        ("5.7.1", "554 5.7.1 blocked using zen.spamhaus.org"),
                        ("5.1.2", "550 5.1.2 Host or domain name not found"),
                        ("5.3.4", "552 5.3.4 Message size exceeds fixed limit")][shape]
        msg = ("From: MAILER-DAEMON@mx.exemple.fr\r\nTo: bureau@amis-du-jardin.fr\r\n"
               "Subject: Undelivered Mail Returned to Sender\r\n"
               f"Message-ID: <report.{i}@mx.exemple.fr>\r\nMIME-Version: 1.0\r\n"
               "Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"\r\n\r\n"
               f"--R\r\nContent-Type: text/plain\r\n\r\n<{to}>: {text}\r\n"
               "--R\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.exemple.fr\r\n\r\n"
               f"Final-Recipient: rfc822; {to}\r\nAction: failed\r\nStatus: {status}\r\n"
               f"Diagnostic-Code: smtp; {text}\r\n\r\n"
               f"--R\r\nContent-Type: text/rfc822-headers\r\n\r\n{original(i)}\r\n--R--\r\n")
    elif shape < 7:
        msg = ("From: Mail Delivery System <Mailer-Daemon@relais.exemple.fr>\r\nTo: bureau@amis-du-jardin.fr\r\n"
               f"Subject: Mail delivery failed: returning message to sender\r\nX-Failed-Recipients: {to}\r\n"
               f"Message-ID: <exim.{i}@relais>\r\n\r\n"
               "This message was created automatically by mail delivery software.\r\n\r\n"
               "A message that you sent could not be delivered to one or more of its\r\n"
               "recipients. This is a permanent error. The following address(es) failed:\r\n\r\n"
               f"  {to}\r\n    550 5.1.1 No such user here\r\n\r\n"
               "------ This is a copy of the message, including all the headers. ------\r\n\r\n"
               + original(i) + "\r\nBonjour,\r\n" + "Les semis commencent.\r\n" * 20)
    elif shape == 7:
        msg = (f"From: <{to}>\r\nTo: bureau@amis-du-jardin.fr\r\n"
               "Subject: =?utf-8?q?R=C3=A9ponse_automatique_=3A_absent?=\r\n"
               f"Message-ID: <away.{i}@exemple.fr>\r\nIn-Reply-To: <campagne.{i}@amis-du-jardin.fr>\r\n"
               "Auto-Submitted: auto-replied\r\n\r\nJe suis absent.\r\n")
    elif shape == 8:
        msg = ("From: feedback@fbl.exemple.fr\r\nTo: abuse@amis-du-jardin.fr\r\nSubject: Abuse report\r\n"
               f"Message-ID: <arf.{i}@fbl>\r\nMIME-Version: 1.0\r\n"
               "Content-Type: multipart/report; report-type=feedback-report; boundary=\"F\"\r\n\r\n"
               "--F\r\nContent-Type: text/plain\r\n\r\nThis is an email abuse report.\r\n"
               "--F\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nVersion: 1\r\n"
               f"Original-Rcpt-To: {to}\r\n\r\n--F\r\nContent-Type: text/rfc822-headers\r\n\r\n"
               f"{original(i)}\r\n--F--\r\n")
    else:
        msg = (f"From: Jeanne <jeanne{i}@exemple.fr>\r\nTo: bureau@amis-du-jardin.fr\r\n"
               f"Subject: Question {i}\r\nMessage-ID: <q.{i}@exemple.fr>\r\n\r\nBonjour, une question.\r\n")
    c.append("INBOX", None, None, msg.encode())
c.logout()
PY

echo "== $count returned messages in a local Dovecot (Release build, $(nproc) cores)"
# The peer first (it changes nothing): imaplib BODY.PEEK[] of every message, each parsed by email.
cat >"$work/peer.py" <<'PY'
import email, email.policy, imaplib, ssl, sys
port, ca, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
c = imaplib.IMAP4("127.0.0.2", port)
c.starttls(ssl.create_default_context(cafile=ca))
c.login(user, password)
c.select("INBOX")
typ, data = c.uid("SEARCH", None, "ALL")
uids = data[0].split()
parsed = 0
for start in range(0, len(uids), 100):
    chunk = b",".join(uids[start:start + 100]).decode()
    typ, items = c.uid("FETCH", chunk, "(UID BODY.PEEK[])")
    for item in items:
        if isinstance(item, tuple):
            msg = email.message_from_bytes(item[1], policy=email.policy.default)
            for part in msg.walk():
                part.get_content_type()
            parsed += 1
c.logout()
print(f"parsed {parsed}")
PY
/usr/bin/time -f "imaplib + email (peer): %e s, %M KiB peak" /usr/bin/python3 "$work/peer.py" "$port" "$work/cert.pem" "$user" "$password"
"${cli[@]}" mailbox set --host 127.0.0.2 --port "$port" --security starttls --user "$user" \
    --ca-file "$work/cert.pem" >/dev/null
# CARNET_BENCH_PERF=1: the run under perf, and where its time went.
profile=()
[ -n "${CARNET_BENCH_PERF:-}" ] && profile=(perf record -F 999 -g -o "$work/perf.data" --)
CARNET_IMAP_PASSWORD=$password /usr/bin/time -f "carnet-cli mailbox run: %e s, %M KiB peak" \
    "${profile[@]}" "${cli[@]}" mailbox run --json >"$work/run.json"
if [ -n "${CARNET_BENCH_PERF:-}" ]; then
    perf report -i "$work/perf.data" --stdio --no-children --sort dso -g none 2>/dev/null | grep "%" | head -12
    perf report -i "$work/perf.data" --stdio --no-children --sort dso,symbol --percent-limit 1 -g none 2>/dev/null | grep "%" | grep -v "\[k\]" | head -40
fi
/usr/bin/python3 -c 'import json, sys; s = json.load(open(sys.argv[1])); print("read", s["read"], "moved", s["moved"], "left", s["left"], "actions", s["actions"])' "$work/run.json"
