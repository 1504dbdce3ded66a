#!/usr/bin/env bash
# Runs the sample AppHost (samples/AppleContainerSample.AppHost) with its dashboard. Does all set-up first:
#   eng/install-prereqs.sh   podman + runc + busybox-static on Debian/Ubuntu; on macOS a check of Apple's `container`
#   eng/build-test-images.sh local base images, on Linux, so that no registry is needed
# Then `dotnet run`s the AppHost with the dashboard on loopback (http; ASPIRE_ALLOW_UNSECURED_TRANSPORT=true).
# Ctrl+C stops it and removes its containers; the Redis volume (the visit count) stays.
#
# Environment (all optional):
#   SAMPLE_IMAGES=local|public  local: localhost/actr-test/* images built here (default on Linux);
#                               public: docker.io/library/redis:7.4 and busybox:1.37 (default on macOS)
#   SampleImages__Redis, SampleBusyboxImage   override one image (AppHost configuration / MSBuild property)
#   SAMPLE_DASHBOARD_PORT       first port to try for the dashboard (default 15230; the next free one is used)
#   SAMPLE_RUNTIME=apple-emulator  run on Apple's `container` dialect through the Apple CLI emulator (tests/AppleCliEmulator,
#                               built and located by eng/apple-emulator.sh; its containers run on podman): exports
#                               ASPIRE_APPLECONTAINER_RUNTIME=apple and ASPIRE_APPLECONTAINER_CLI=<emulator>. Unset: the
#                               runtime the integration finds (Apple's `container` on a Mac, podman/docker elsewhere)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
log() { printf 'run-sample: %s\n' "$*"; }

command -v dotnet >/dev/null || {
  log "the .NET SDK is missing: install .NET SDK 10.0.401 or later (https://dotnet.microsoft.com/download), then rerun"
  exit 1
}
"$root/eng/install-prereqs.sh"

case "${SAMPLE_IMAGES:-$([ "$(uname -s)" = Darwin ] && echo public || echo local)}" in
  local)
    "$root/eng/build-test-images.sh"
    export SampleImages__Redis="${SampleImages__Redis:-localhost/actr-test/redis:7.0}"
    export SampleBusyboxImage="${SampleBusyboxImage:-localhost/actr-test/busybox:latest}" ;;
  public) ;;
  *) log "SAMPLE_IMAGES must be 'local' or 'public'"; exit 1 ;;
esac

case "${SAMPLE_RUNTIME:-}" in
  "") ;;
  apple-emulator)
    emulator=$("$root/eng/apple-emulator.sh")
    export ASPIRE_APPLECONTAINER_RUNTIME=apple ASPIRE_APPLECONTAINER_CLI="$emulator"
    log "runtime: Apple's container dialect on the emulator $emulator (containers on podman; '$emulator list --all' shows them)" ;;
  *) log "SAMPLE_RUNTIME must be unset or 'apple-emulator'"; exit 1 ;;
esac

# free_port FIRST: the first port from FIRST on that nothing on 127.0.0.1 listens on.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}
dashboard_port=$(free_port "${SAMPLE_DASHBOARD_PORT:-15230}")
otlp_port=$(free_port $((dashboard_port + 4000)))
resource_port=$(free_port $((dashboard_port + 5000)))

export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://127.0.0.1:$dashboard_port"
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$otlp_port"
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://127.0.0.1:$resource_port"
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true

log "images: redis=${SampleImages__Redis:-docker.io/library/redis:7.4} web base=${SampleBusyboxImage:-docker.io/library/busybox:1.37}"
log "dashboard: http://127.0.0.1:$dashboard_port (open the 'Login to the dashboard at' link printed below; Ctrl+C stops)"
cd "$root"
exec dotnet run --project "$root/samples/AppleContainerSample.AppHost/AppleContainerSample.AppHost.csproj" --no-launch-profile
