#!/usr/bin/env bash
# Captures the docker outputs the OCI dialect's unit tests read into
# tests/Aspire.Hosting.AppleContainer.Bridge.Tests/Fixtures/Oci/docker-<engine version>/ (see the README there), with
# the argv the bridge runs (bridge/…/Runtimes/Oci/OciArguments.cs). Everything it creates is named engd-* and labelled
# engd=1, and is removed when it ends. Needs the local test images (eng/build-test-images.sh).
#   DOCKER_HOST=unix:///run/aspire-applecontainer-docker/docker.sock eng/capture-docker-fixtures.sh
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
service=localhost/actr-test/service:latest
busybox=localhost/actr-test/busybox:latest
managed=io.aspire.applecontainer.managed=true
engine=$(docker version --format '{{.Server.Version}}') || { echo "no docker daemon answers" >&2; exit 1; }
out="$root/tests/Aspire.Hosting.AppleContainer.Bridge.Tests/Fixtures/Oci/docker-${engine%%+*}"
mkdir -p "$out"
context=/tmp/engd-context
listener=
registry=

remove_created() {
  docker ps -aq --filter label=engd=1 | xargs -r docker rm --force --volumes >/dev/null 2>&1
  docker ps -aq --filter name=engd- | xargs -r docker rm --force --volumes >/dev/null 2>&1
  docker network ls -q --filter name=engd- | xargs -r docker network rm >/dev/null 2>&1
  docker volume ls -q --filter name=engd- | xargs -r docker volume rm >/dev/null 2>&1
}
cleanup() {
  [ -n "$listener" ] && kill "$listener" 2>/dev/null
  [ -n "$registry" ] && kill "$registry" 2>/dev/null
  docker images --format '{{.Repository}}:{{.Tag}}' | grep '/engd/' | xargs -r docker image rm >/dev/null 2>&1
  remove_created
  rm -rf "$context"
}
remove_created
trap cleanup EXIT
mkdir -p "$context"

# One failing call: "== docker <args>[ (note)]", its stderr, "exit=N".
fail() {
  local note=$1
  shift
  {
    echo "== docker $*${note:+ ($note)}"
    docker "$@" 2>&1 >/dev/null
    echo "exit=$?"
  } >> "$out/errors.txt"
}

docker version --format '{{json .}}' > "$out/version.json"
docker --host unix:///tmp/engd-nonexistent.sock version --format '{{json .}}' > "$out/version-no-daemon.json" 2>/dev/null

# A created container with a runtime-chosen port on 127.0.0.1, a volume, a tmpfs and labels; then started.
docker create --name engd-cr --label actr.k=b64.YT1i --label engd=1 --publish 127.0.0.1::8080/tcp \
  --mount type=volume,source=engd-vol1,target=/data --mount type=tmpfs,target=/tmpfs "$service" > /dev/null
docker container inspect engd-cr > "$out/inspect-created.json"
docker start engd-cr > /dev/null
docker container inspect engd-cr > "$out/inspect-running.json"

# A container that exits with code 3.
docker run --detach --name engd-ex --label engd=1 --env EXIT_CODE=3 "$service" > /dev/null
docker wait engd-ex > /dev/null
docker container inspect engd-ex > "$out/inspect-exited.json"

# The bridge's exit stream (OciArguments.ExitEvents) just after a container exited with code 5: its die line.
docker run --detach --name engd-ev --label engd=1 --env EXIT_CODE=5 "$service" > /dev/null
docker wait engd-ev > /dev/null
timeout 3 docker events --format '{{json .}}' --since 10s --filter type=container --filter event=die \
  | grep '"name":"engd-ev"' > "$out/events-died.json"

# The bridge's container listing (OciArguments.ListIds).
docker ps --all --no-trunc --filter label=engd=1 --format '{{.ID}}' > "$out/ps.txt"

# Volumes (OciArguments.ListVolumeNames, InspectVolumes).
docker volume create --label engd=1 engd-vi > /dev/null
docker volume ls --filter label=engd=1 --format '{{.Name}}' > "$out/volume-list.txt"
docker volume inspect engd-vi > "$out/volume-inspect.json"

# Images (OciArguments.ImageInspect of two images).
docker image inspect --format '{{.Id}}' "$busybox" "$service" > "$out/image-inspect.txt"

# Networks (OciArguments.CreateNetwork, ListNetworkNames, InspectNetworks).
docker network create --label "$managed" --label engd=1 engd-net > /dev/null
docker network ls --filter label=engd=1 --format '{{.Name}}' > "$out/network-list.txt"
docker network inspect engd-net > "$out/network-inspect.json"

# Failures: what podman-4.3.1/errors.txt holds, with docker's argv, and the docker-only cases.
: > "$out/errors.txt"
fail "" container inspect engd-nope
fail "" start engd-nope
fail "" stop --time 10 engd-nope
fail "" rm engd-nope
fail "" rm --force engd-nope
fail "" kill --signal KILL engd-nope
fail "" wait engd-nope
fail "" logs engd-nope
fail "" exec engd-nope true
fail "" create --name engd-cr "$service"
fail "" volume rm engd-nope
fail "" volume rm engd-vol1
docker volume create engd-vol2 > /dev/null
fail "" volume create engd-vol2
fail "" image rm localhost/engd/nope:latest
fail "" image inspect --format '{{.Id}}' "$busybox" localhost/engd/nope:latest
fail "" pull localhost/engd/nope:latest
fail "" create --name engd-x2 localhost/engd/nope:latest
fail "" exec engd-ex true
# A registry of our own (docker takes 127.0.0.0/8 as insecure: plain HTTP) holding one image, engd/bb:1.
registry_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s/registry\nhttp:\n  addr: 127.0.0.1:%s\n' "$context" "$registry_port" > "$context/registry.yml"
/usr/bin/docker-registry serve "$context/registry.yml" > /dev/null 2>&1 &
registry=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$registry_port/v2/" > /dev/null && break; sleep 0.1; done
docker tag "$busybox" "127.0.0.1:$registry_port/engd/bb:1"
docker push --quiet "127.0.0.1:$registry_port/engd/bb:1" > /dev/null
docker image rm "127.0.0.1:$registry_port/engd/bb:1" > /dev/null
fail "a tag the registry lacks" pull "127.0.0.1:$registry_port/engd/bb:nope"
fail "a repository the registry lacks" pull "127.0.0.1:$registry_port/engd/nope:1"
fail "an image the registry lacks" create --name engd-x5 --label engd=1 "127.0.0.1:$registry_port/engd/nope:1"
docker run --detach --name engd-p1 --label engd=1 --publish 127.0.0.1::8080/tcp "$service" > /dev/null
port=$(docker port engd-p1 8080/tcp | head -n 1 | sed 's/.*://')
fail "port taken by engd-p1" run --detach --name engd-p2 --label engd=1 --publish "127.0.0.1:$port:8080/tcp" "$service"
python3 -c 'import socket,time; s=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(60)' > "$context/port" &
listener=$!
for _ in $(seq 50); do [ -s "$context/port" ] && break; sleep 0.1; done
port=$(cat "$context/port")
fail "port taken by a host process" run --detach --name engd-p3 --label engd=1 --publish "127.0.0.1:$port:8080/tcp" "$service"
fail "" --host unix:///tmp/engd-nonexistent.sock ps
fail "" --host unix:///tmp/engd-nonexistent.sock version --format json
fail "" create --pull never --name engd-x3 localhost/engd/nope:latest
fail "" build --file /tmp/engd-nonexistent/Dockerfile --tag localhost/engd/b:1 "$context"
# docker's CLI before 23 (the engine package's own, /usr/bin/docker on Debian) looks a network up before removing it.
if [ -x /usr/bin/docker ] && [ "$(command -v docker)" != /usr/bin/docker ]; then
  { echo "== docker network rm engd-nope (CLI $(/usr/bin/docker version --format '{{.Client.Version}}' | cut -d+ -f1))"; /usr/bin/docker network rm engd-nope 2>&1 >/dev/null; echo "exit=$?"; } >> "$out/errors.txt"
fi
# A build with a secret asks for BuildKit (DOCKER_BUILDKIT=1, as the bridge does); a CLI without buildx refuses.
echo s3 > "$context/secret"
if ! docker buildx version > /dev/null 2>&1; then
  DOCKER_BUILDKIT=1 fail "DOCKER_BUILDKIT=1, no buildx component" build --secret "id=tok,src=$context/secret" --tag localhost/engd/b:1 "$context"
fi
fail "" network create engd-net
# A container on a user network, with a UDP port on every address and a read-only bind mount.
docker run --detach --name engd-na --label engd=1 --network engd-net --publish 0.0.0.0::8053/udp \
  --mount "type=bind,source=$context,target=/c,ro" "$service" sleep 300 > /dev/null
docker container inspect engd-na > "$out/inspect-on-network.json"
fail "a container is attached" network rm engd-net
fail "" network rm engd-nope
fail "" run --name engd-x4 --label engd=1 --network engd-nope "$busybox" true

# Registry failures (push, login, tag): registry-errors.txt, by the script podman's capture uses as well.
"$root/eng/capture-registry-fixtures.sh" docker

echo "captured into $out" >&2
