#!/usr/bin/env bash
# The test command: installs prerequisites, builds the local test images, runs every test project, and checks that
# the run left no container or volume behind. Prints one closing line: "Tests: N passed, N failed, N skipped".
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/eng/install-prereqs.sh"
"$root/eng/build-test-images.sh"
"$root/eng/install-browser.sh"
# No registry is reachable here: the sample's web image is built on the local busybox base instead of the public one.
export SampleBusyboxImage="${SampleBusyboxImage:-localhost/actr-test/busybox:latest}"

runtime_cli=podman
command -v podman >/dev/null || runtime_cli=docker
snapshot() { { "$runtime_cli" ps -aq --no-trunc; "$runtime_cli" volume ls -q; } 2>/dev/null | sort; }
before=$(snapshot)

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
# One test project at a time (-m:1): the real-runtime projects each start AppHosts, DCP and many containers, and
# running them side by side on a 2-core machine only adds contention and host-port races between processes.
dotnet_test=(dotnet test "$root/Aspire.Hosting.AppleContainer.slnx" -m:1)
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
  echo "test.sh: the tests left these containers/volumes behind:" >&2
  echo "$leftovers" >&2
  status=1
fi

# Sum the per-project summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13 ...").
grep -E '^(Passed|Failed)! +- Failed: ' "$results/log" | awk -F'[:,]' '
  { failed += $2; passed += $4; skipped += $6 }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }'
exit "$status"
