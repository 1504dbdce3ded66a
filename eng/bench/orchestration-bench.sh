#!/usr/bin/env bash
# Benchmark of the run-mode orchestration (issue 8): the same AppHost shapes run by this integration on one runtime, by
# Aspire's own orchestrator (DCP, AddContainer, ASPIRE_CONTAINER_RUNTIME set to the same runtime) and, as the floor,
# by that runtime's raw CLI, on the same machine and images in one invocation. Prints a table with ours/DCP ratios and
# the goals; asserts nothing. About 4 minutes with the defaults (BENCH_IDLE_SECONDS=60, BENCH_REPEATS=3, BENCH_EXITS=5,
# BENCH_LOG_LINES=100000).
#
#   eng/bench/orchestration-bench.sh                      podman (needs podman and the local test images, which it
#                                                         builds if missing)
#   BENCH_RUNTIME=docker eng/bench/orchestration-bench.sh  docker: the daemon DOCKER_HOST names; when none answers,
#                                                         eng/docker-daemon.sh starts one for the run and stops it after
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
runtime=${BENCH_RUNTIME:-podman}
case "$runtime" in
  podman|docker) ;;
  *) echo "orchestration-bench.sh: BENCH_RUNTIME must be podman or docker (got '$runtime')." >&2; exit 2 ;;
esac
export BENCH_RUNTIME=$runtime
work=$(mktemp -d /tmp/actr-orchestration-bench.XXXXXX)
docker_started=0
cleanup() {
  rm -rf "$work"
  if [ "$docker_started" = 1 ]; then
    "$root/eng/docker-daemon.sh" stop || true
  fi
}
trap cleanup EXIT

command -v "$runtime" >/dev/null || { echo "orchestration-bench.sh: $runtime is required (eng/install-prereqs.sh installs it)." >&2; exit 1; }
if [ "$runtime" = podman ]; then
  "$root/eng/build-test-images.sh" >/dev/null
else
  if ! timeout 20 docker info >/dev/null 2>&1; then
    # eng/docker-daemon.sh starts a daemon of its own unless an earlier run's still answers; stop only one started here.
    pidfile=${ACTR_DOCKER_STATE:-/run/aspire-applecontainer-docker}/dockerd.pid
    pid_before=$(cat "$pidfile" 2>/dev/null || true)
    daemon_env=$("$root/eng/docker-daemon.sh" start) || { echo "orchestration-bench.sh: no docker daemon answers and none could be started." >&2; exit 1; }
    pid_after=$(cat "$pidfile" 2>/dev/null || true)
    if [ -n "$pid_after" ] && [ "$pid_after" != "$pid_before" ]; then docker_started=1; fi
    eval "$daemon_env"
    timeout 20 docker info >/dev/null 2>&1 || { echo "orchestration-bench.sh: no docker daemon answers (DOCKER_HOST=${DOCKER_HOST:-unset})." >&2; exit 1; }
  fi
  # The images are built with podman, which copies them to the daemon that answers; without podman, docker builds them.
  if command -v podman >/dev/null; then
    ASPIRE_APPLECONTAINER_RUNTIME=podman "$root/eng/build-test-images.sh" >/dev/null
  else
    ASPIRE_APPLECONTAINER_RUNTIME=docker "$root/eng/build-test-images.sh" >/dev/null
  fi
  echo "Runtime: docker (engine $(docker version --format '{{.Server.Version}}'), DOCKER_HOST=${DOCKER_HOST:-default})" >&2
fi

echo "Building the bench AppHosts and the driver (Release) ..." >&2
for project in tests/BenchAppHosts/Aspire.Hosting.AppleContainer.BenchAppHost tests/BenchAppHosts/Aspire.Hosting.Dcp.BenchAppHost \
               eng/bench/OrchestrationBench; do
  dotnet build "$root/$project" -c Release --artifacts-path "$work/artifacts" -nodeReuse:false >"$work/build.log" 2>&1 \
    || { cat "$work/build.log"; exit 1; }
done

bin="$work/artifacts/bin"
driver=(dotnet "$bin/OrchestrationBench/release/OrchestrationBench.dll"
        "$bin/Aspire.Hosting.AppleContainer.BenchAppHost/release/Aspire.Hosting.AppleContainer.BenchAppHost.dll"
        "$bin/Aspire.Hosting.Dcp.BenchAppHost/release/Aspire.Hosting.Dcp.BenchAppHost.dll")
# The Ctrl+C figure sends SIGINT to each AppHost. A signal ignored here (as in a background job without job control)
# would be inherited and ignored there too, so restore SIGINT's default disposition first (perl-base is on every Debian).
sig_ignored=$(awk '/^SigIgn:/ { print $2 }' /proc/self/status 2>/dev/null || echo 0)
if (( (16#${sig_ignored:-0} >> 1) & 1 )); then
  driver=(perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die "exec: $!"' -- "${driver[@]}")
fi
"${driver[@]}"
