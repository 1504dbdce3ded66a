#!/usr/bin/env bash
# Benchmark of the run-mode orchestration (issue 8): the same AppHost shapes run by this integration on podman, by
# Aspire's own orchestrator (DCP, AddContainer, ASPIRE_CONTAINER_RUNTIME=podman) and, as the floor, by raw podman,
# on the same machine and images in one invocation. Prints a table with ours/DCP ratios and the goals; asserts
# nothing. About 4 minutes with the defaults (BENCH_IDLE_SECONDS=60, BENCH_REPEATS=3, BENCH_EXITS=5,
# BENCH_LOG_LINES=100000).
#
#   eng/bench/orchestration-bench.sh           (needs podman and the local test images, which it builds if missing)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/actr-orchestration-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

command -v podman >/dev/null || { echo "orchestration-bench.sh: podman is required (eng/install-prereqs.sh installs it)." >&2; exit 1; }
"$root/eng/build-test-images.sh" >/dev/null

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
