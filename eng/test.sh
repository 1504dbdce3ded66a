#!/usr/bin/env bash
# The test command: installs prerequisites, builds the local test images and the Apple CLI emulator, runs every test
# project (real-runtime suites on podman and, through the emulator, on Apple's dialect), and checks that the run left no
# container, volume or process behind. Prints one closing line: "Tests: N passed, N failed, N skipped".
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/eng/install-prereqs.sh"
# docker's tier: a daemon of its own when none answers (eng/docker-daemon.sh), stopped again when the run ends.
docker_env=$("$root/eng/docker-daemon.sh" start)
eval "$docker_env"
trap '"$root/eng/docker-daemon.sh" stop' EXIT
"$root/eng/build-test-images.sh"
"$root/eng/install-browser.sh"
# No registry is reachable here: the sample's web image is built on the local busybox base instead of the public one.
export SampleBusyboxImage="${SampleBusyboxImage:-localhost/actr-test/busybox:latest}"
# Built once here for every project that runs Apple's dialect on it (tests/TestSupport/Runtimes/AppleEmulatorLocator.cs).
ACTR_APPLE_EMULATOR=$("$root/eng/apple-emulator.sh")
export ACTR_APPLE_EMULATOR

runtime_clis=()
command -v podman >/dev/null && runtime_clis+=(podman)
command -v docker >/dev/null && timeout 20 docker info >/dev/null 2>&1 && runtime_clis+=(docker)
# Containers, volumes, networks, and the derived images that carry container files (they may hold a server key), on
# each runtime.
snapshot() {
  local cli
  {
  for cli in "${runtime_clis[@]}"; do
    {
      "$cli" ps -aq --no-trunc
      "$cli" volume ls -q | sed 's/^/volume /'
      "$cli" network ls --format '{{.Name}}' | sed 's/^/network /'
      # ...and images named for a registry on this machine (what the registry and publish tests push and pull), and the
      # local images a publish test (PublishTests) builds, tags and loads: named after its prefix (engd-XXXXXXXX).
      "$cli" images --format '{{.Repository}}:{{.Tag}}' | { grep -E '/aspire-container-files:|^(127\.0\.0\.1|localhost):[0-9]+/|engd-[0-9a-f]{8}-(web|api|local|login)[:/]' || true; } | sed 's/^/image /'
    } 2>/dev/null | sed "s/^/$cli /"
  done
  # The storage of the test registries (tests/TestSupport/TestRegistry.cs), deleted when each one is disposed.
  find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'actr-test-registry-*' -printf 'registry-storage %p\n' 2>/dev/null
  } | sort
}
# Processes the tests start and must end: the emulator's CLIs and runtime helpers, the cleanup watchdog, test AppHosts,
# the publish tests' AppHost, the runtimes' long-lived CLIs and the test registry (pid and command line, one a line).
processes() {
  local pid cmdline
  for pid in /proc/[0-9]*; do
    cmdline=$(tr '\0' ' ' 2>/dev/null < "$pid/cmdline") || continue
    case "$cmdline" in
      *apple-emulator*|*AppleContainer.Watchdog*|*AppleContainer.TestAppHost*|*AppleContainer.PublishAppHost*|*AppleContainer.BenchAppHost*|*AppleContainerSample.AppHost*|"podman events"*|"podman logs"*|"podman wait"*|*docker-registry\ serve*|"docker events"*|"docker logs"*|"docker wait"*|"/usr/local/bin/docker "*|"/usr/bin/docker "*)
        echo "${pid#/proc/} $cmdline" ;;
    esac
  done | sort
}
before=$(snapshot)
processes_before=$(processes)

results=$(mktemp -d)
trap 'rm -rf "$results"; "$root/eng/docker-daemon.sh" stop' EXIT
status=0
# One test project at a time (-m:1): the real-runtime projects each start AppHosts, DCP and many containers, and
# running them side by side on a 2-core machine only adds contention and host-port races between processes.
dotnet_test=(dotnet test "$root/Aspire.Hosting.AppleContainer.slnx" -m:1 --logger "trx;LogFilePrefix=tests" --results-directory "$results/trx")
# A signal ignored when this script starts (as for a background job without job control) would be inherited by every
# CLI the tests start, and the process tests send SIGINT on purpose: restore its default disposition for the run
# (perl-base is part of every Debian system).
sig_ignored=$(awk '/^SigIgn:/ { print $2 }' /proc/self/status 2>/dev/null || echo 0)
if (( (16#${sig_ignored:-0} >> 1) & 1 )); then
  dotnet_test=(perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die "exec: $!"' -- "${dotnet_test[@]}")
fi
"${dotnet_test[@]}" 2>&1 | tee "$results/log" || status=$?

after=$(snapshot)
leftovers=$(comm -13 <(echo "$before") <(echo "$after") | sed '/^$/d')
if [ -n "$leftovers" ]; then
  echo "test.sh: the tests left these containers/volumes/networks/images behind:" >&2
  echo "$leftovers" >&2
  status=1
fi
# A watchdog may still be finishing its cleanup after the last AppHost: give the processes a moment to end.
for _ in $(seq 1 30); do
  stray=$(comm -13 <(echo "$processes_before") <(processes) | sed '/^$/d')
  [ -z "$stray" ] && break
  sleep 1
done
if [ -n "$stray" ]; then
  echo "test.sh: the tests left these processes running:" >&2
  echo "$stray" >&2
  status=1
fi

# Per runtime: tests whose class is sealed for one runtime (PodmanX, DockerX, AppleEmulatorX, AppleLiveX) ran on it.
if compgen -G "$results/trx/*.trx" >/dev/null; then
  grep -ho '<UnitTestResult [^>]*' "$results/trx"/*.trx | sed -E 's/.* testName="([^"(]*)[^"]*".* outcome="([A-Za-z]*)".*/\1 \2/' | awk '
    { n = split($1, parts, "."); class = parts[n - 1]; tier = "other" }
    class ~ /^Podman/ { tier = "podman" } class ~ /^Docker/ { tier = "docker" }
    class ~ /^AppleEmulator|^Emulator/ { tier = "apple-emulator" } class ~ /^AppleLive/ { tier = "apple-live" }
    { count[tier " " $2]++ }
    END { for (k in count) printf "Tier %s: %d\n", k, count[k] }' | sort
fi

# Sum the per-project summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13 ...").
grep -E '^(Passed|Failed)! +- Failed: ' "$results/log" | awk -F'[:,]' '
  { failed += $2; passed += $4; skipped += $6 }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }'
exit "$status"
