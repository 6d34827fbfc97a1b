#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a downloaded browser). Installs it with
# apt-get when it is missing, together with a CJK font so pages render as a reader sees them.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
# A command substitution, not `fc-list | grep -q`: with pipefail, grep leaving early makes
# fc-list die of SIGPIPE and the check fail even when the font is there.
if [ -x "$CHROMIUM" ] && [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $CHROMIUM. Install Chromium and a CJK font, or set CHROMIUM_PATH to your browser." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing Debian chromium and fonts-noto-cjk for the browser tests…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
