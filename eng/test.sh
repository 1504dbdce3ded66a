#!/usr/bin/env bash
# The test command: installs prerequisites, builds the local test images, runs every test project, and checks that
# the run left no container or volume behind. Prints one closing line: "Tests: N passed, N failed, N skipped".
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/eng/install-prereqs.sh"
"$root/eng/build-test-images.sh"

runtime_cli=podman
command -v podman >/dev/null || runtime_cli=docker
snapshot() { { "$runtime_cli" ps -aq --no-trunc; "$runtime_cli" volume ls -q; } 2>/dev/null | sort; }
before=$(snapshot)

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test "$root/Aspire.Hosting.AppleContainer.slnx" --logger "console;verbosity=normal" 2>&1 | tee "$results/log" || status=$?

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
