#!/usr/bin/env bash
# Captures how podman or docker fail against a registry, with the argv the bridge runs (bridge/…/Runtimes/Oci/
# OciArguments.cs: push, login --password-stdin, image tag), into
# tests/Aspire.Hosting.AppleContainer.Bridge.Tests/Fixtures/Oci/<runtime>-<version>/registry-errors.txt, in the format of
# errors.txt there (== <runtime> <args> (note), stderr lines, exit=N; the notes name the cases, since ports vary).
# Two registries of its own (Debian's docker-registry on free 127.0.0.1 ports, one without auth, one with htpasswd),
# nothing else is contacted. Credentials go to a throw-away auth file (podman) or config directory (docker); every image it
# tags is named */engr/* and removed at the end, the registries are stopped and their storage deleted.
#   eng/capture-registry-fixtures.sh podman
#   DOCKER_HOST=unix:///run/aspire-applecontainer-docker/docker.sock eng/capture-registry-fixtures.sh docker
set -uo pipefail

runtime=${1:?usage: capture-registry-fixtures.sh podman|docker}
root=$(cd "$(dirname "$0")/.." && pwd)
busybox=localhost/actr-test/busybox:latest
work=$(mktemp -d /tmp/engr-XXXXXX)
case "$runtime" in
  podman) version=$(podman version --format '{{.Client.Version}}') ;;
  docker) version=$(docker version --format '{{.Server.Version}}') || { echo "no docker daemon answers" >&2; exit 1; }; version=${version%%+*} ;;
  *) echo "podman or docker, not $runtime" >&2; exit 2 ;;
esac
out="$root/tests/Aspire.Hosting.AppleContainer.Bridge.Tests/Fixtures/Oci/$runtime-$version/registry-errors.txt"
export REGISTRY_AUTH_FILE="$work/auth.json" DOCKER_CONFIG="$work/docker-config"
echo '{}' > "$REGISTRY_AUTH_FILE"
mkdir -p "$DOCKER_CONFIG"

cleanup() {
  [ -f "$work/pids" ] && xargs -r kill < "$work/pids" 2>/dev/null
  "$runtime" images --format '{{.Repository}}:{{.Tag}}' | grep '/engr/' | xargs -r "$runtime" image rm >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# serve NAME [htpasswd]: a registry on a free port; prints the port.
serve() {
  local name=$1 auth=${2:-} port
  port=$(free_port)
  {
    printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s/%s\nhttp:\n  addr: 127.0.0.1:%s\n' "$work" "$name" "$port"
    [ -n "$auth" ] && printf 'auth:\n  htpasswd:\n    realm: engr\n    path: %s\n' "$auth"
  } > "$work/$name.yml"
  # docker-registry reads REGISTRY_* variables as configuration (REGISTRY_AUTH_FILE would be auth.file): none reach it.
  env -u REGISTRY_AUTH_FILE /usr/bin/docker-registry serve "$work/$name.yml" > /dev/null 2>&1 &
  echo $! >> "$work/pids"
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/v2/" && break; sleep 0.1; done
  echo "$port"
}

# fail NOTE [stdin] -- ARGS: one call, "== <runtime> ARGS (NOTE)", its stderr, "exit=N".
fail() {
  local note=$1 input=$2
  shift 3
  {
    echo "== $runtime $* ($note)"
    printf '%s' "$input" | "$runtime" "$@" 2>&1 >/dev/null
    echo "exit=${PIPESTATUS[1]}"
  } >> "$out"
}

htpasswd -Bbn engr right-password > "$work/htpasswd"
open=$(serve open)
auth=$(serve auth "$work/htpasswd")
closed=$(free_port)
insecure=()
[ "$runtime" = podman ] && insecure=(--tls-verify=false)
for port in "$open" "$auth" "$closed"; do "$runtime" image tag "$busybox" "127.0.0.1:$port/engr/bb:1"; done

: > "$out"
if [ "$runtime" = podman ]; then
  # Without --tls-verify=false podman asks the plain-HTTP registry for HTTPS (docker's daemon takes 127.0.0.0/8 as
  # insecure by itself, so only podman can show this here).
  fail "push over HTTPS to a plain-HTTP registry" "" -- push "127.0.0.1:$open/engr/bb:1"
fi
fail "push to a closed port" "" -- push "${insecure[@]}" "127.0.0.1:$closed/engr/bb:1"
fail "push without login to an htpasswd registry" "" -- push "${insecure[@]}" "127.0.0.1:$auth/engr/bb:1"
fail "login with a wrong password" "wrong-password" -- login --username engr --password-stdin "${insecure[@]}" "127.0.0.1:$auth"
fail "login to a closed port" "right-password" -- login --username engr --password-stdin "${insecure[@]}" "127.0.0.1:$closed"
fail "push of an image that is not local" "" -- push "${insecure[@]}" "127.0.0.1:$open/engr/missing:1"
fail "tag of a missing source" "" -- image tag "127.0.0.1:$open/engr/missing:1" "127.0.0.1:$open/engr/other:1"
echo "captured into $out" >&2
