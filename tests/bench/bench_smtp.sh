#!/usr/bin/env bash
# Sending benchmark: N personalised messages (default 10,000) through carnet-cli's outbox to a local
# SMTP sink, limits off, against a Python smtplib loop sending the same kind of messages over one
# connection to the same sink, in the same run.
#   tests/bench/bench_smtp.sh [N]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build="$root/build-bench"
n=${1:-10000}
source "$root/tests/bench/sink.sh"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); sink on port $port; $n messages"

db="$work/carnet.sqlite"
cli=("$build/app/carnet-cli" --database "$db")
"${cli[@]}" smtp set --host 127.0.0.1 --port "$port" --security none --from "Les Amis <bureau@amis.example.org>" \
    --per-connection 1000 >/dev/null 2>&1
printf 'Bonjour,\n\nVoici les nouvelles de l'"'"'été : l'"'"'assemblée générale a lieu samedi.\n\nÀ bientôt !\n' >"$work/body.txt"
args=()
for i in $(seq 1 "$n"); do args+=(--to "membre$i@example.org"); done
/usr/bin/time -f "carnet-cli mail send (build and queue $n messages): %e s, %M KiB" \
    "${cli[@]}" mail send --subject "Nouvelles de l'été" --text "$work/body.txt" "${args[@]}" >/dev/null
/usr/bin/time -f "carnet-cli outbox run (send $n messages): %e s, %M KiB" "${cli[@]}" outbox run --json >"$work/run.json"
python3 -c "import json; d=json.load(open('$work/run.json')); print('  sent', d['sent'], 'failed', d['failed'], 'unknown', d['unknown'])"

cat >"$work/peer.py" <<PY
import smtplib, sys, time
from email.message import EmailMessage
n = int(sys.argv[1]); port = int(sys.argv[2])
body = open(sys.argv[3], encoding='utf-8').read()
start = time.monotonic()
with smtplib.SMTP('127.0.0.1', port) as s:
    for i in range(1, n + 1):
        m = EmailMessage()
        m['From'] = 'Les Amis <bureau@amis.example.org>'
        m['To'] = f'membre{i}@example.org'
        m['Subject'] = "Nouvelles de l'été"
        m.set_content(body)
        s.send_message(m)
print(f'peer: Python smtplib loop, one connection (build and send {n} messages): {time.monotonic() - start:.2f} s')
PY
/usr/bin/time -f "  (peer process: %e s, %M KiB)" python3 "$work/peer.py" "$n" "$port" "$work/body.txt"
exec 8>&-
sleep 0.3
grep MESSAGES "$work/sink.out" | sed 's/^/sink received: /'
