#!/usr/bin/env bash
# Install Debian's Chromium for the dashboard's browser tests, if it is not there yet.
# Idempotent and quiet; fails loudly. Never downloads Playwright's own browser builds.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser.sh: apt-get not found; install Chromium at /usr/bin/chromium by hand" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "install_browser.sh: installing chromium with apt-get failed (log above)" >&2
    exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
    echo "install_browser.sh: apt-get finished but /usr/bin/chromium is missing" >&2
    exit 1
fi
