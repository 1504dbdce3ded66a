#!/usr/bin/env bash
# Builds the local test images; no registry is involved. Each image carries a label with the hash of its inputs
# and is rebuilt only when that hash changes.
#   localhost/actr-test/busybox:latest  a rootfs of Debian's busybox-static, imported
#   localhost/actr-test/service:latest  eng/images/service/Dockerfile on top of it
#   localhost/actr-test/redis:7.0       Debian's redis-server (binary + its shared libraries) on top of it
#   localhost/actr-test/socat:1.7       Debian's socat (binary + its shared libraries) on top of it
# The CLI is podman unless ASPIRE_APPLECONTAINER_RUNTIME names docker.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cli=${ASPIRE_APPLECONTAINER_RUNTIME:-podman}
case "$cli" in podman|docker) ;; *) cli=podman ;; esac
base=localhost/actr-test/busybox:latest
service=localhost/actr-test/service:latest
redis=localhost/actr-test/redis:7.0
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

# Redis: Debian's packages are downloaded (not installed), unpacked, and the binary's shared libraries resolved with
# ldd are copied next to it, so the image runs the very bytes Debian ships.
redis_packages=(redis-tools libatomic1 libjemalloc2 liblzf1)
redis_versions=$(apt-cache policy "${redis_packages[@]}" 2>/dev/null | grep -E '^[a-z0-9]|Candidate' | tr -d ' \n' || true)
redis_hash=$( { echo "$redis_versions"; cat "$here/images/redis/Dockerfile"; echo "$base_id"; echo "redis-v1"; } | sha256sum | cut -c1-32)
if [ "$(current_hash "$redis")" != "$redis_hash" ]; then
  log "building $redis"
  work=$(mktemp -d)
  (cd "$work" && apt-get download "${redis_packages[@]}" >/dev/null 2>&1) \
    || { apt-get update -qq && (cd "$work" && apt-get download "${redis_packages[@]}" >/dev/null 2>&1); } \
    || { log "could not download ${redis_packages[*]} (apt-get download)"; rm -rf "$work"; exit 1; }
  mkdir -p "$work/stage" "$work/context/rootfs/usr/bin"
  for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/stage"; done
  binary="$work/stage/usr/bin/redis-check-rdb"
  cp "$binary" "$work/context/rootfs/usr/bin/redis-check-rdb"
  ln -s redis-check-rdb "$work/context/rootfs/usr/bin/redis-server"
  cp "$work/stage/usr/bin/redis-cli" "$work/context/rootfs/usr/bin/redis-cli"
  libs=$(LD_LIBRARY_PATH="$work/stage/usr/lib/x86_64-linux-gnu:$work/stage/usr/lib/aarch64-linux-gnu" ldd "$binary" "$work/stage/usr/bin/redis-cli" \
    | awk '/not found/ { print "MISSING " $1; next } /=>/ { print $3; next } /^\t\// { print $1 }' | sort -u)
  if echo "$libs" | grep -q MISSING; then log "unresolved libraries: $(echo "$libs" | grep MISSING)"; rm -rf "$work"; exit 1; fi
  for lib in $libs; do
    case "$lib" in "$work/stage"/*) target=${lib#"$work/stage"} ;; *) target=$lib ;; esac
    mkdir -p "$work/context/rootfs$(dirname "$target")"
    cp -L "$lib" "$work/context/rootfs$target"
  done
  cp "$here/images/redis/Dockerfile" "$work/context/Dockerfile"
  "$cli" build --quiet --label "$label=$redis_hash" --build-arg "BASE_IMAGE=$base" -t "$redis" "$work/context" >/dev/null
  rm -rf "$work"
else
  log "$redis is up to date"
fi

# socat, for UDP between containers: staged like Redis (Debian's package and the libraries ldd resolves).
socat=localhost/actr-test/socat:1.7
socat_packages=(socat libwrap0)
socat_versions=$(apt-cache policy "${socat_packages[@]}" 2>/dev/null | grep -E '^[a-z0-9]|Candidate' | tr -d ' \n' || true)
socat_hash=$( { echo "$socat_versions"; cat "$here/images/socat/Dockerfile"; echo "$base_id"; echo "socat-v1"; } | sha256sum | cut -c1-32)
if [ "$(current_hash "$socat")" != "$socat_hash" ]; then
  log "building $socat"
  work=$(mktemp -d)
  (cd "$work" && apt-get download "${socat_packages[@]}" >/dev/null 2>&1) \
    || { apt-get update -qq && (cd "$work" && apt-get download "${socat_packages[@]}" >/dev/null 2>&1); } \
    || { log "could not download ${socat_packages[*]} (apt-get download)"; rm -rf "$work"; exit 1; }
  mkdir -p "$work/stage" "$work/context/rootfs/usr/bin"
  for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/stage"; done
  binary="$work/stage/usr/bin/socat"
  cp "$binary" "$work/context/rootfs/usr/bin/socat"
  libs=$(LD_LIBRARY_PATH="$work/stage/lib/x86_64-linux-gnu:$work/stage/lib/aarch64-linux-gnu:$work/stage/usr/lib/x86_64-linux-gnu:$work/stage/usr/lib/aarch64-linux-gnu" ldd "$binary" \
    | awk '/not found/ { print "MISSING " $1; next } /=>/ { print $3; next } /^\t\// { print $1 }' | sort -u)
  if echo "$libs" | grep -q MISSING; then log "unresolved libraries: $(echo "$libs" | grep MISSING)"; rm -rf "$work"; exit 1; fi
  for lib in $libs; do
    case "$lib" in "$work/stage"/*) target=${lib#"$work/stage"} ;; *) target=$lib ;; esac
    mkdir -p "$work/context/rootfs$(dirname "$target")"
    cp -L "$lib" "$work/context/rootfs$target"
  done
  cp "$here/images/socat/Dockerfile" "$work/context/Dockerfile"
  "$cli" build --quiet --label "$label=$socat_hash" --build-arg "BASE_IMAGE=$base" -t "$socat" "$work/context" >/dev/null
  rm -rf "$work"
else
  log "$socat is up to date"
fi
