#!/bin/sh
# The test service image's entrypoint (runs inside the container, under busybox sh).
#   Always: prints ACTR-SERVICE-STARTED and its environment (ENV NAME=VALUE lines) on stdout,
#           and ACTR-SERVICE-STDERR on stderr.
#   PRINT_LINES=N   print "line 1" .. "line N" on stdout.
#   EXIT_CODE=n     exit with n right away (after the lines above).
#   IGNORE_SIGTERM=1  ignore SIGTERM (so a stop must end in a kill).
#   On SIGTERM it prints ACTR-SERVICE-SIGTERM and exits 0; on SIGINT, ACTR-SERVICE-SIGINT and exits 130.
#   arguments       exec them after the start lines (e.g. `sleep 300`).
#   otherwise       serve HTTP on $PORT (default 8080): / answers "actr-test-service", /cgi-bin/env the environment.
echo "ACTR-SERVICE-STARTED"
env | sort | sed 's/^/ENV /'
echo "ACTR-SERVICE-STDERR" >&2
if [ -n "$PRINT_LINES" ]; then
  seq 1 "$PRINT_LINES" | sed 's/^/line /'
fi
if [ -n "$EXIT_CODE" ]; then
  exit "$EXIT_CODE"
fi
if [ "$IGNORE_SIGTERM" = "1" ]; then
  trap 'echo "ACTR-SERVICE-IGNORING-SIGTERM"' TERM
else
  trap 'echo "ACTR-SERVICE-SIGTERM"; kill $child 2>/dev/null; exit 0' TERM
  trap 'echo "ACTR-SERVICE-SIGINT"; kill $child 2>/dev/null; exit 130' INT
fi
if [ $# -gt 0 ]; then
  "$@" &
else
  httpd -f -p "${PORT:-8080}" -h /www &
fi
child=$!
# `wait` returns early when a trapped signal arrives; keep waiting while the child lives.
while kill -0 "$child" 2>/dev/null; do
  wait "$child"
  status=$?
done
exit "${status:-0}"
