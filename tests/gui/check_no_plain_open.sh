#!/bin/sh
# Runs the shared-file window test under strace and fails if anything opened the member file outside
# SQLite. On POSIX, closing any descriptor of a file drops every lock the process holds on it, so a plain
# open()/close() of the database (a header check with QFile, a copy) while SQLite has it open lets another
# program delete the write-ahead log under the window. SQLite opens its database files with O_NOFOLLOW;
# an open of the member file without it is somebody else's. The carnet-cli processes the test starts are
# followed too.
set -eu
test_binary=$1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# LeakSanitizer cannot run under ptrace.
ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=openat -o "$log" "$test_binary" windowKeepsItsLocksWhileOthersUseTheFile
sqlite_opens=$(grep -c 'carnet\.sqlite", [^)]*O_NOFOLLOW' "$log" || true)
plain=$(grep 'carnet\.sqlite"' "$log" | grep -v 'O_NOFOLLOW' || true)
echo "SQLite's own opens of the member file: $sqlite_opens"
if [ "$sqlite_opens" -lt 5 ]; then
    echo "strace saw too few opens of the member file: the check would prove nothing" >&2
    exit 1
fi
if [ -n "$plain" ]; then
    echo "the member file was opened outside SQLite:" >&2
    echo "$plain" >&2
    exit 1
fi
echo "no plain open of the member file"
