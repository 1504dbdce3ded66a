#!/usr/bin/env bash
# Builds the local test images; no registry is involved. Each image carries a label with the hash of its inputs
# and is rebuilt only when that hash changes.
#   localhost/actr-test/busybox:latest  a rootfs of Debian's busybox-static, imported
#   localhost/actr-test/service:latest  eng/images/service/Dockerfile on top of it
# The CLI is podman unless ASPIRE_APPLECONTAINER_RUNTIME names docker.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cli=${ASPIRE_APPLECONTAINER_RUNTIME:-podman}
case "$cli" in podman|docker) ;; *) cli=podman ;; esac
base=localhost/actr-test/busybox:latest
service=localhost/actr-test/service:latest
label=io.github.aspire-applecontainer.test-inputs

log() { printf 'build-test-images: %s\n' "$*"; }

current_hash() { "$cli" image inspect --format "{{ index .Config.Labels \"$label\" }}" "$1" 2>/dev/null || true; }

hash_of() { cat "$@" | sha256sum | cut -c1-32; }

busybox_bin=/bin/busybox
[ -x "$busybox_bin" ] || { log "$busybox_bin is missing: run eng/install-prereqs.sh"; exit 1; }
base_hash=$( { sha256sum "$busybox_bin"; echo "rootfs-v1"; } | sha256sum | cut -c1-32)
if [ "$(current_hash "$base")" != "$base_hash" ]; then
  log "building $base"
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' EXIT
  mkdir -p "$rootfs"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,proc,sys,dev,var/www}
  chmod 1777 "$rootfs/tmp"
  cp "$busybox_bin" "$rootfs/bin/busybox"
  for applet in $("$busybox_bin" --list); do
    [ "$applet" = busybox ] || ln -sf /bin/busybox "$rootfs/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$rootfs/etc/group"
  tar -C "$rootfs" -cf "$rootfs.tar" .
  "$cli" import --change "LABEL $label=$base_hash" --change 'CMD ["/bin/sh"]' "$rootfs.tar" "$base" >/dev/null
  rm -f "$rootfs.tar"
else
  log "$base is up to date"
fi

base_id=$("$cli" image inspect --format '{{.Id}}' "$base")
service_hash=$( { (cd "$here/images/service" && find . -type f | LC_ALL=C sort | xargs sha256sum); echo "$base_id"; } | sha256sum | cut -c1-32)
if [ "$(current_hash "$service")" != "$service_hash" ]; then
  log "building $service"
  "$cli" build --quiet --label "$label=$service_hash" --build-arg "BASE_IMAGE=$base" -t "$service" "$here/images/service" >/dev/null
else
  log "$service is up to date"
fi
