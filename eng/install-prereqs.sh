#!/usr/bin/env bash
# Installs and configures what the tests and the sample need. Idempotent: changes only what is missing.
#   Debian/Ubuntu: podman + runc + busybox-static + docker-registry + apache2-utils (htpasswd) + docker.io (the engine, when no dockerd is
#   installed), and the containers.conf settings podman needs on these machines.
#   macOS: checks Apple's `container` CLI (>= 1.0) and its service, printing the exact remedy.
set -euo pipefail

log() { printf 'install-prereqs: %s\n' "$*"; }

configure_containers_conf() {
  local conf=/etc/containers/containers.conf
  mkdir -p /etc/containers
  [ -f "$conf" ] || : > "$conf"
  # Each setting is written only where the file does not set it already.
  ensure_setting "$conf" engine cgroup_manager '"cgroupfs"'
  ensure_setting "$conf" engine runtime '"runc"'
  ensure_setting "$conf" containers default_ulimits '["nofile=20000:20000", "nproc=20000:20000"]'
}

# ensure_setting FILE SECTION KEY VALUE: adds KEY = VALUE under [SECTION] unless KEY is set there already.
ensure_setting() {
  local file=$1 section=$2 key=$3 value=$4
  if awk -v s="[$section]" -v k="$key" '
      $0 == s { in_s = 1; next }
      /^\[/ { in_s = 0 }
      in_s && $1 == k { found = 1 }
      END { exit found ? 0 : 1 }' "$file"; then
    return 0
  fi
  if grep -qx "\[$section\]" "$file"; then
    awk -v s="[$section]" -v line="$key = $value" '{ print } $0 == s { print line }' "$file" > "$file.tmp" && mv "$file.tmp" "$file"
  else
    printf '\n[%s]\n%s = %s\n' "$section" "$key" "$value" >> "$file"
  fi
  log "set [$section] $key in $file"
}

install_debian() {
  local missing=()
  command -v podman >/dev/null || missing+=(podman)
  command -v runc >/dev/null || missing+=(runc)
  [ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -qx httpd || missing+=(busybox-static)
  # podman recommends these; install them by name so that machines configured without recommends work too:
  # catatonit is the init process behind --init, iptables carries published ports for netavark, docker-registry is the
  # local registry the pull, push and registry contract tests run (tests/TestSupport/TestRegistry.cs), and apache2-utils
  # brings htpasswd, which writes the bcrypt password file of the registry with auth.
  for package in catatonit iptables docker-registry apache2-utils; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      log "missing: ${missing[*]}; run as root or: sudo apt-get install -y ${missing[*]}"
      exit 1
    fi
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    # The tests start their own registry on demand; the package's system-wide one (on :5000) is not wanted.
    if [[ " ${missing[*]} " == *" docker-registry "* ]] && command -v systemctl >/dev/null; then
      systemctl disable --now docker-registry >/dev/null 2>&1 || true
    fi
  fi
  # Docker's engine (Debian's docker.io: dockerd, containerd), for the docker tier; eng/docker-daemon.sh starts it for the
  # test run when no daemon answers. A machine with any dockerd (docker-ce, Docker Desktop's) keeps its own.
  if ! command -v dockerd >/dev/null; then
    if [ "$(id -u)" -ne 0 ]; then
      log "missing: docker.io; run as root or: sudo apt-get install -y --no-install-recommends docker.io"
      exit 1
    fi
    log "installing docker.io"
    [ ${#missing[@]} -gt 0 ] || apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io >/dev/null
  fi
  if [ "$(id -u)" -eq 0 ]; then
    configure_containers_conf
  fi
  podman info --format '{{.Host.OCIRuntime.Name}}' >/dev/null || { log "podman is installed but 'podman info' fails"; exit 1; }
  log "podman $(podman version --format '{{.Client.Version}}') ready (runtime $(podman info --format '{{.Host.OCIRuntime.Name}}'))"
}

check_macos() {
  if ! command -v container >/dev/null; then
    log "Apple's container CLI is not installed. Install the signed package from https://github.com/apple/container/releases (macOS 26, Apple silicon), then run: container system start"
    exit 1
  fi
  local version
  version=$(container --version | sed -n 's/.*version \([0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*\).*/\1/p')
  case "$version" in
    ''|0.*) log "container ${version:-unknown} is too old: version 1.0 or later is required (install the newest release)"; exit 1 ;;
  esac
  if ! container system status >/dev/null 2>&1; then
    log "the container service is not running; run: container system start"
    exit 1
  fi
  log "container $version ready"
}

case "$(uname -s)" in
  Linux)
    if [ -f /etc/debian_version ]; then install_debian
    elif command -v podman >/dev/null || command -v docker >/dev/null; then log "not Debian/Ubuntu: using the podman/docker already installed"
    else log "install podman (or docker) with your distribution's package manager, then rerun"; exit 1
    fi ;;
  Darwin) check_macos ;;
  *) log "unsupported OS $(uname -s): install podman or docker and select it with ASPIRE_APPLECONTAINER_RUNTIME"; exit 1 ;;
esac
