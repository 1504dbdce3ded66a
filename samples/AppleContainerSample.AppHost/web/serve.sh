#!/bin/sh
# Runs httpd in the foreground and stops it on SIGTERM/SIGINT (PID 1 has no default signal handlers).
httpd -f -p "${PORT:-8080}" -h /www &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid"; exit 0' TERM INT
wait "$pid"
