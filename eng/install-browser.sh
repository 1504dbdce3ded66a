#!/usr/bin/env bash
# Installs the browser the dashboard test drives: Debian's `chromium` (never a browser download of Playwright's own).
# Idempotent. Prints the browser's path; the test reads it from ACTR_CHROMIUM_PATH, else /usr/bin/chromium.
set -euo pipefail

log() { printf 'install-browser: %s\n' "$*"; }

if command -v chromium >/dev/null; then
  log "$(chromium --version 2>/dev/null || echo chromium) at $(command -v chromium)"
  exit 0
fi

case "$(uname -s)" in
  Linux)
    if [ ! -f /etc/debian_version ]; then
      log "install chromium with your distribution's package manager (the dashboard test skips without it)"
      exit 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
      log "chromium is missing; run as root or: sudo apt-get install -y chromium"
      exit 1
    fi
    log "installing chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
    log "$(chromium --version) at $(command -v chromium)" ;;
  *)
    log "no chromium on PATH: point ACTR_CHROMIUM_PATH at a Chromium or Chrome binary (the dashboard test skips without one)" ;;
esac
