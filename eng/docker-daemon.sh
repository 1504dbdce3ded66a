#!/usr/bin/env bash
# The docker engine the tests run on, without disturbing one the user already runs.
#   eng/docker-daemon.sh start   prints the environment the tests need, as shell assignments for eval: DOCKER_HOST
#                                for a daemon started here (none when one already answers), and ACTR_DOCKER_CLI
#   eng/docker-daemon.sh stop    stops the daemon 'start' started, if any; a user's daemon is never touched
# A daemon started here has its own socket, data root and exec root, so it shares nothing with a system daemon (it is
# never the default socket, which tools of the user would pick up): the tests reach it through DOCKER_HOST, which docker's
# CLI reads in every process that calls it. It runs with --iptables=false (ports published on 127.0.0.1 work through
# docker-proxy), as these machines require.
set -euo pipefail

state=${ACTR_DOCKER_STATE:-/run/aspire-applecontainer-docker}
data_root=${ACTR_DOCKER_DATA_ROOT:-/var/lib/aspire-applecontainer-docker}
socket="unix://$state/docker.sock"
pidfile="$state/dockerd.pid"

log() { printf 'docker-daemon: %s\n' "$*" >&2; }

# The docker CLI for the tests: the one on PATH when it can build with BuildKit (it has the buildx component, or it is
# older than 23 and carries BuildKit itself), else the CLI that came with the engine (Debian's docker.io, 20.10) when that
# one can. A build with secrets needs BuildKit; a CLI that cannot is still covered by the captured fixtures.
choose_cli() {
  local cli
  for cli in "$(command -v docker)" /usr/bin/docker; do
    [ -x "$cli" ] || continue
    if "$cli" buildx version >/dev/null 2>&1; then echo "export ACTR_DOCKER_CLI=$cli"; return; fi
    local major
    major=$("$cli" --version 2>/dev/null | sed -n 's/^Docker version \([0-9]*\)\..*/\1/p')
    if [ -n "$major" ] && [ "$major" -lt 23 ]; then echo "export ACTR_DOCKER_CLI=$cli"; return; fi
  done
}

answers() { timeout 20 docker "$@" info --format '{{.ServerVersion}}' >/dev/null 2>&1; }

start() {
  if ! command -v docker >/dev/null; then
    log "docker is not installed (eng/install-prereqs.sh installs it)"
    return 0
  fi
  if answers; then
    log "using the docker daemon that already answers ($(docker info --format '{{.ServerVersion}}' 2>/dev/null))"
    choose_cli
    return 0
  fi
  if DOCKER_HOST=$socket answers; then
    log "using the daemon an earlier run started at $socket"
    echo "export DOCKER_HOST=$socket"
    choose_cli
    return 0
  fi
  if ! command -v dockerd >/dev/null; then
    log "no docker daemon answers and docker's engine is not installed (eng/install-prereqs.sh installs it)"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    log "no docker daemon answers and starting one needs root; start docker, then run the tests again"
    return 1
  fi
  mkdir -p "$state" "$data_root"
  rm -f "$state/docker.sock" "$pidfile"
  log "starting dockerd (socket $socket, data root $data_root)"
  # setsid: a Ctrl+C aimed at the test command's terminal does not reach the daemon; 'stop' ends it.
  setsid dockerd --iptables=false --data-root "$data_root" --exec-root "$state/exec" --pidfile "$pidfile" \
    --host "$socket" > "$state/dockerd.log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do
    if DOCKER_HOST=$socket answers; then
      echo "export DOCKER_HOST=$socket"
      choose_cli
      return 0
    fi
    sleep 0.5
  done
  log "dockerd did not answer within 30 s; its log:"
  tail -20 "$state/dockerd.log" >&2 || true
  stop
  return 1
}

stop() {
  [ -f "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping dockerd ($pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
