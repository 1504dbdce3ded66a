#!/usr/bin/env bash
# Builds the local test images; no registry is involved. Each image carries a label with the hash of its inputs
# and is rebuilt only when that hash changes.
#   localhost/actr-test/busybox:latest  a rootfs of Debian's busybox-static, imported
#   localhost/actr-test/service:latest  eng/images/service/Dockerfile on top of it
#   localhost/actr-test/postgres:15     Debian's postgresql-15 with an entrypoint that honours the official image's
#                                       contract
#   localhost/actr-test/nats:2.9        Debian's nats-server laid out as the official image
#   (the integrations suite lends these and the Redis image the names Aspire's integrations ask for, such as
#   docker.io/library/postgres:18.3, only while it runs and only where the machine has no such image: no image a
#   developer pulled is ever retagged)
#   localhost/actr-test/redis:7.0       Debian's redis-server (binary + its shared libraries) on top of it
#   localhost/actr-test/socat:1.7       Debian's socat (binary + its shared libraries) on top of it
#   localhost/actr-test/dotnet-runtime:10.0  this machine's .NET host and shared frameworks (+ the libraries they load)
#                                       on top of it: the base image the publish tests push for the SDK's container build
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

# An earlier version of this script tagged the suite's images with Aspire's names (docker.io/library/postgres:18.3 …);
# those names are removed again, but only where they still point at an image this script built (it carries the label).
for name in docker.io/library/postgres:18.3 docker.io/library/redis:8.6 docker.io/library/nats:2.14; do
  if [ -n "$(current_hash "$name")" ]; then
    "$cli" image rm --no-prune "$name" >/dev/null 2>&1 || true
  fi
done

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

# Debian packages, downloaded once into a cache under artifacts/ (keyed by package version), unpacked into a stage.
deb_cache="$here/../artifacts/test-images/debs"
arch=$(dpkg --print-architecture)
candidate_versions() { apt-cache policy "$@" 2>/dev/null | grep -E '^[a-z0-9]|Candidate' | tr -d ' \n' || true; }
stage_packages() { # stage_packages STAGE PACKAGE...
  local stage=$1 package version file missing=()
  shift
  mkdir -p "$deb_cache" "$stage"
  for package in "$@"; do
    version=$(apt-cache policy "$package" 2>/dev/null | awk '/Candidate:/ { print $2 }')
    file="$deb_cache/${package}_${version//:/%3a}_${arch}.deb"
    [ -f "$file" ] || [ -f "${file%_"$arch".deb}_all.deb" ] || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    (cd "$deb_cache" && apt-get download "${missing[@]}" >/dev/null 2>&1) \
      || { apt-get update -qq && (cd "$deb_cache" && apt-get download "${missing[@]}" >/dev/null 2>&1); } \
      || { log "could not download ${missing[*]} (apt-get download)"; return 1; }
  fi
  for package in "$@"; do
    version=$(apt-cache policy "$package" 2>/dev/null | awk '/Candidate:/ { print $2 }')
    file="$deb_cache/${package}_${version//:/%3a}_${arch}.deb"
    [ -f "$file" ] || file="${file%_"$arch".deb}_all.deb"
    dpkg-deb -x "$file" "$stage"
  done
}
# copy_libraries STAGE ROOTFS FILE...: the shared libraries FILEs need (ldd), from the stage first, else the host.
copy_libraries() {
  local stage=$1 rootfs=$2 libs lib target
  shift 2
  libs=$(LD_LIBRARY_PATH="$stage/usr/lib/$(uname -m)-linux-gnu:$stage/lib/$(uname -m)-linux-gnu" ldd "$@" 2>/dev/null \
    | awk '/not found/ { print "MISSING " $1; next } /=>/ { print $3; next } /^\t\// { print $1 }' | sort -u)
  if echo "$libs" | grep -q MISSING; then log "unresolved libraries: $(echo "$libs" | grep MISSING | tr '\n' ' ')"; return 1; fi
  for lib in $libs; do
    case "$lib" in "$stage"/*) target=${lib#"$stage"} ;; *) target=$lib ;; esac
    mkdir -p "$rootfs$(dirname "$target")"
    cp -L "$lib" "$rootfs$target"
  done
}

# PostgreSQL: Debian's server and client binaries, modules and share files (without the LLVM JIT, which PostgreSQL
# leaves off when its module is absent), the libraries they link, the timezone database and the C.UTF-8 locale.
postgres=localhost/actr-test/postgres:15
postgres_packages=(postgresql-15 postgresql-client-15 libpq5 libicu72 libxml2 libldap-2.5-0 libsasl2-2 libgssapi-krb5-2
  libkrb5-3 libk5crypto3 libkrb5support0 libkeyutils1 libssl3 liblz4-1 libzstd1 libreadline8 tzdata)
postgres_hash=$( { candidate_versions "${postgres_packages[@]}"; cat "$here/images/postgres/Dockerfile" "$here/images/postgres/docker-entrypoint.sh"; echo "$base_id"; echo "postgres-v1"; } | sha256sum | cut -c1-32)
if [ "$(current_hash "$postgres")" != "$postgres_hash" ]; then
  log "building $postgres"
  work=$(mktemp -d)
  stage_packages "$work/stage" "${postgres_packages[@]}" || { rm -rf "$work"; exit 1; }
  rootfs="$work/context/rootfs"
  mkdir -p "$rootfs/usr/lib/postgresql" "$rootfs/usr/share/postgresql" "$rootfs/usr/share/zoneinfo" "$rootfs/usr/lib/locale"
  cp -a "$work/stage/usr/lib/postgresql/15" "$rootfs/usr/lib/postgresql/"
  rm -rf "$rootfs/usr/lib/postgresql/15/lib/bitcode" "$rootfs/usr/lib/postgresql/15/lib/pgxs" "$rootfs"/usr/lib/postgresql/15/lib/llvmjit*
  cp -a "$work/stage/usr/share/postgresql/15" "$rootfs/usr/share/postgresql/"
  (cd "$work/stage/usr/share/zoneinfo" && tar --exclude=./right -cf - .) | (cd "$rootfs/usr/share/zoneinfo" && tar -xf -)
  cp -a /usr/lib/locale/C.utf8 "$rootfs/usr/lib/locale/"
  # A module whose libraries Debian ships in packages not staged here (sepgsql, uuid-ossp, xml2) is left out.
  for module in "$rootfs"/usr/lib/postgresql/15/lib/*.so; do
    copy_libraries "$work/stage" "$rootfs" "$module" >/dev/null 2>&1 || rm -f "$module"
  done
  copy_libraries "$work/stage" "$rootfs" "$rootfs"/usr/lib/postgresql/15/bin/* || { rm -rf "$work"; exit 1; }
  cp "$here/images/postgres/Dockerfile" "$here/images/postgres/docker-entrypoint.sh" "$work/context/"
  "$cli" build --quiet --label "$label=$postgres_hash" --build-arg "BASE_IMAGE=$base" -t "$postgres" "$work/context" >/dev/null
  rm -rf "$work"
else
  log "$postgres is up to date"
fi

# NATS: Debian's nats-server (a Go binary) and whatever it links.
nats=localhost/actr-test/nats:2.9
nats_packages=(nats-server)
nats_hash=$( { candidate_versions "${nats_packages[@]}"; cat "$here/images/nats/Dockerfile" "$here/images/nats/nats-server.conf"; echo "$base_id"; echo "nats-v1"; } | sha256sum | cut -c1-32)
if [ "$(current_hash "$nats")" != "$nats_hash" ]; then
  log "building $nats"
  work=$(mktemp -d)
  stage_packages "$work/stage" "${nats_packages[@]}" || { rm -rf "$work"; exit 1; }
  mkdir -p "$work/context/rootfs/usr/bin"
  cp "$work/stage/usr/sbin/nats-server" "$work/context/rootfs/usr/bin/nats-server"
  if ldd "$work/stage/usr/sbin/nats-server" >/dev/null 2>&1; then
    copy_libraries "$work/stage" "$work/context/rootfs" "$work/stage/usr/sbin/nats-server" || { rm -rf "$work"; exit 1; }
  fi
  cp "$here/images/nats/Dockerfile" "$here/images/nats/nats-server.conf" "$work/context/"
  "$cli" build --quiet --label "$label=$nats_hash" --build-arg "BASE_IMAGE=$base" -t "$nats" "$work/context" >/dev/null
  rm -rf "$work"
else
  log "$nats is up to date"
fi

# A verifying TLS client (localhost/actr-test/openssl:latest): Debian's openssl and libssl3, the binary's shared
# libraries resolved with ldd, for the certificate tests (busybox's wget does not verify a server's certificate).
openssl_image=localhost/actr-test/openssl:latest
openssl_packages=(openssl libssl3)
openssl_versions=$(apt-cache policy "${openssl_packages[@]}" 2>/dev/null | grep -E '^[a-z0-9]|Candidate' | tr -d ' \n' || true)
openssl_hash=$( { echo "$openssl_versions"; cat "$here/images/openssl/Dockerfile"; echo "$base_id"; echo "openssl-v1"; } | sha256sum | cut -c1-32)
if [ "$(current_hash "$openssl_image")" != "$openssl_hash" ]; then
  log "building $openssl_image"
  work=$(mktemp -d)
  (cd "$work" && apt-get download "${openssl_packages[@]}" >/dev/null 2>&1) \
    || { apt-get update -qq && (cd "$work" && apt-get download "${openssl_packages[@]}" >/dev/null 2>&1); } \
    || { log "could not download ${openssl_packages[*]} (apt-get download)"; rm -rf "$work"; exit 1; }
  mkdir -p "$work/stage" "$work/context/rootfs/usr/bin" "$work/context/rootfs/etc/ssl" "$work/context/rootfs/usr/lib"
  for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/stage"; done
  cp "$work/stage/usr/bin/openssl" "$work/context/rootfs/usr/bin/openssl"
  cp -a "$work/stage/etc/ssl/." "$work/context/rootfs/etc/ssl/"
  cp -a "$work/stage/usr/lib/ssl" "$work/context/rootfs/usr/lib/ssl"
  libs=$(LD_LIBRARY_PATH="$work/stage/usr/lib/x86_64-linux-gnu:$work/stage/usr/lib/aarch64-linux-gnu" ldd "$work/stage/usr/bin/openssl" \
    | awk '/not found/ { print "MISSING " $1; next } /=>/ { print $3; next } /^\t\// { print $1 }' | sort -u)
  if echo "$libs" | grep -q MISSING; then log "unresolved libraries: $(echo "$libs" | grep MISSING)"; rm -rf "$work"; exit 1; fi
  for lib in $libs; do
    case "$lib" in "$work/stage"/*) target=${lib#"$work/stage"} ;; *) target=$lib ;; esac
    mkdir -p "$work/context/rootfs$(dirname "$target")"
    cp -L "$lib" "$work/context/rootfs$target"
  done
  cp "$here/images/openssl/Dockerfile" "$work/context/Dockerfile"
  "$cli" build --quiet --label "$label=$openssl_hash" --build-arg "BASE_IMAGE=$base" -t "$openssl_image" "$work/context" >/dev/null
  rm -rf "$work"
else
  log "$openssl_image is up to date"
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

# The .NET runtime base for the publish tests: this machine's dotnet host and shared frameworks (Microsoft.NETCore.App,
# Microsoft.AspNetCore.App) with the glibc libraries ldd resolves for them, as Microsoft's aspnet image lays them out.
dotnet_runtime=localhost/actr-test/dotnet-runtime:10.0
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
dotnet_hash=$( { (cd "$dotnet_root" && ls -d shared/*/* host/fxr/*); cat "$here/images/dotnet-runtime/Dockerfile"; echo "$base_id"; echo "dotnet-runtime-v1"; } | sha256sum | cut -c1-32)
if [ "$(current_hash "$dotnet_runtime")" != "$dotnet_hash" ]; then
  log "building $dotnet_runtime"
  work=$(mktemp -d)
  mkdir -p "$work/context/rootfs/usr/share/dotnet" "$work/context/rootfs/usr/bin"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/shared" "$work/context/rootfs/usr/share/dotnet/"
  ln -s ../share/dotnet/dotnet "$work/context/rootfs/usr/bin/dotnet"
  libs=$(find "$work/context/rootfs/usr/share/dotnet" -name '*.so' -o -name dotnet -type f | xargs ldd 2>/dev/null \
    | awk '/not found/ { print "MISSING " $1; next } /=>/ { print $3; next } /^\t\// { print $1 }' | sort -u)
  if echo "$libs" | grep -q MISSING; then log "note: libraries dotnet loads only on demand are absent: $(echo "$libs" | grep MISSING | tr '\n' ' ')"; fi
  for lib in $(echo "$libs" | grep -v MISSING); do
    mkdir -p "$work/context/rootfs$(dirname "$lib")"
    cp -L "$lib" "$work/context/rootfs$lib"
  done
  cp "$here/images/dotnet-runtime/Dockerfile" "$work/context/Dockerfile"
  "$cli" build --quiet --label "$label=$dotnet_hash" --build-arg "BASE_IMAGE=$base" -t "$dotnet_runtime" "$work/context" >/dev/null
  rm -rf "$work"
else
  log "$dotnet_runtime is up to date"
fi

# The docker tier runs the very same images: when a docker daemon answers (eng/docker-daemon.sh), every image docker
# lacks, or holds with another id, is copied over from podman (save | load keeps the id).
if [ "$cli" = podman ] && command -v docker >/dev/null && timeout 20 docker info >/dev/null 2>&1; then
  stale=()
  for image in "$base" "$service" "$redis" "$postgres" "$nats" "$openssl_image" "$socat" "$dotnet_runtime"; do
    # docker prints the id as sha256:HEX, podman as HEX.
    [ "$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)" = "sha256:$(podman image inspect --format '{{.Id}}' "$image")" ] || stale+=("$image")
  done
  if [ ${#stale[@]} -gt 0 ]; then
    log "copying ${stale[*]} to docker"
    podman save --multi-image-archive "${stale[@]}" | docker load >/dev/null
  else
    log "docker has every image"
  fi
fi
