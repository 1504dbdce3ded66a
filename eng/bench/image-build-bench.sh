#!/usr/bin/env bash
# Benchmark of the incremental image builds (issue 5): a no-op `dotnet build` of an AppHost with three unchanged images
# (tests/TaskFixtures/ImagesAppHost) against invoking the builder with a warm cache for the same three images.
# Prints the figures; asserts nothing. Goal: image targets <= 300 ms in all, >= 10x faster than the warm builder.
#
#   eng/bench/image-build-bench.sh [runs]      (default 5 runs; needs podman and the local test images)
set -euo pipefail

runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
runtime_cli=${ASPIRE_APPLECONTAINER_CLI:-podman}
work=$(mktemp -d /tmp/actr-bench.XXXXXX)
session="actr-bench-$(basename "$work" | tr -dc 'a-z0-9' | tr 'A-Z' 'a-z')"
label="actr.bench.session=$session"
prefix="localhost/$session"
version="0.0.0-bench.$(date +%s)"

cleanup() {
  ids=$("$runtime_cli" images -a -q --filter "label=$label" 2>/dev/null | sort -u)
  [ -n "$ids" ] && "$runtime_cli" rmi -f $ids >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"$root/eng/build-test-images.sh" >/dev/null

echo "Packing Aspire.Hosting.AppleContainer $version ..."
dotnet pack "$root/src/Aspire.Hosting.AppleContainer/Aspire.Hosting.AppleContainer.csproj" -c Release -o "$work/feed" \
  "-p:Version=$version" --artifacts-path "$work/artifacts" -nodeReuse:false >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; exit 1; }

cp -r "$root/tests/TaskFixtures/ImagesAppHost" "$work/apphost"
machine_packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <fallbackPackageFolders><add key="machine" value="$machine_packages" /></fallbackPackageFolders>
  <packageSources>
    <clear />
    <add key="bench-feed" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="bench-feed"><package pattern="Aspire.Hosting.AppleContainer" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML

export NUGET_PACKAGES="$work/packages" MSBUILDTERMINALLOGGER=off
build() {
  dotnet build "$work/apphost/ImagesAppHost.csproj" -v:n -clp:PerformanceSummary -nodeReuse:false \
    "-p:ActrPackageVersion=$version" "-p:ActrTagPrefix=$prefix" "-p:AppleContainerImageLabels=$label" "$@"
}

echo "First build (builds the three images) ..."
build >"$work/first.log" 2>&1 || { cat "$work/first.log"; exit 1; }

# Sum of the image targets in MSBuild's target performance summary ("  12 ms  _AppleContainerCheckImages  1 calls").
image_targets_ms() {
  awk '/Target Performance Summary/ { on = 1 } /Task Performance Summary/ { on = 0 }
       on && $3 ~ /^_?AppleContainer/ { sum += $1 } END { print sum + 0 }' "$1"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

targets=()
totals=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  build >"$work/noop-$i.log" 2>&1 || { cat "$work/noop-$i.log"; exit 1; }
  totals+=($(( ($(date +%s%N) - start) / 1000000 )))
  if grep -q "Building image" "$work/noop-$i.log"; then
    echo "run $i invoked the builder; the no-op build is not incremental:" >&2
    grep "Building image" "$work/noop-$i.log" >&2
    exit 1
  fi
  targets+=($(image_targets_ms "$work/noop-$i.log"))
done

builder=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  "$runtime_cli" build -q --label "$label" --build-arg GREETING=hello -t "$prefix-alpha:1" "$work/apphost/images/alpha" >/dev/null
  "$runtime_cli" build -q --label "$label" -t "$prefix-beta:1" "$work/apphost/images/beta" >/dev/null
  "$runtime_cli" build -q --label "$label" -t "$prefix-gamma:1" -f "$work/apphost/images/gamma/Dockerfile" "$work/apphost/images/gamma" >/dev/null
  builder+=($(( ($(date +%s%N) - start) / 1000000 )))
done

t=$(printf '%s\n' "${targets[@]}" | median)
b=$(printf '%s\n' "${builder[@]}" | median)
w=$(printf '%s\n' "${totals[@]}" | median)
echo
echo "No-op dotnet build, 3 unchanged images, $runs runs (medians):"
echo "  image targets (resolve, constants, check, build):  ${t} ms   [runs: ${targets[*]}]"
echo "  whole dotnet build (for context):                   ${w} ms   [runs: ${totals[*]}]"
echo "  $runtime_cli build of the 3 images, warm cache:      ${b} ms   [runs: ${builder[*]}]"
awk -v t="$t" -v b="$b" 'BEGIN { printf "  ratio (warm builder / image targets):              %.1fx\n", (t > 0 ? b / t : 0) }'
echo "  goal: image targets <= 300 ms and ratio >= 10x"
