#!/usr/bin/env bash
# Prints the absolute path of the Apple `container` CLI emulator (tests/AppleCliEmulator), building it first when its
# inputs changed. One line on stdout; progress on stderr.
#   Each build goes to artifacts/apple-emulator/<inputs hash>/bin, so a rebuild never overwrites an executable that
#   running runtime helpers still use; the hash of the inputs is the stamp, so an unchanged tree costs one sha256sum.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
project=tests/AppleCliEmulator
base="$root/artifacts/apple-emulator"

log() { printf 'apple-emulator: %s\n' "$*" >&2; }

inputs_hash() {
  (cd "$root" && {
    find "$project" -type f \( -name '*.cs' -o -name '*.csproj' \) -not -path '*/bin/*' -not -path '*/obj/*'
    printf '%s\n' Directory.Build.props Directory.Build.targets Directory.Packages.props global.json
  } | LC_ALL=C sort | xargs sha256sum) | sha256sum | cut -c1-16
}

hash=$(inputs_hash)
out="$base/$hash/bin"
if [ ! -x "$out/container" ]; then
  mkdir -p "$base"
  exec 9>"$base/.lock"
  flock 9
  if [ ! -x "$out/container" ]; then
    log "building $project ($hash)"
    staging="$base/.staging-$$"
    rm -rf "$staging"
    dotnet build "$root/$project/AppleCliEmulator.csproj" -c Release -o "$staging" -nologo -v quiet -clp:ErrorsOnly >&2
    mkdir -p "$base/$hash"
    mv "$staging" "$out"
  fi
  flock -u 9
fi

printf '%s\n' "$out/container"
