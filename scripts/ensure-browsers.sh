#!/usr/bin/env bash
# The browser tests drive three engines from Debian's packages, never a downloaded browser:
# Chromium, Firefox ESR, and WebKitGTK's MiniBrowser through WebKitWebDriver (Safari's engine).
# MiniBrowser has no headless mode, so it runs on Xvfb's virtual display. The validators that run
# on Java (the Nu Html Checker, whose jar comes from npm, and epubcheck, from Debian) use Debian's
# Java. Installs whatever is missing with apt-get, together with a CJK font so pages render as a
# reader sees them; when everything is there it does nothing.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
WEBKIT_DRIVER="${WEBKIT_DRIVER_PATH:-/usr/bin/WebKitWebDriver}"
JAVA="${JAVA_PATH:-/usr/bin/java}"
# Java and the validators Debian packages for it, one "package file" pair a line: the package is
# installed when the file is missing. A validator Debian ships as a jar adds its own line.
JAVA_TOOLS=(
  "default-jre-headless $JAVA"
  "epubcheck ${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}"
)
# A glob, not `dpkg-architecture`: that tool comes with dpkg-dev, which a plain system lacks.
MINIBROWSER="${MINIBROWSER_PATH:-$(compgen -G '/usr/lib/*/webkit2gtk-4.1/MiniBrowser' | head -n 1 || true)}"

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
# A command substitution, not `fc-list | grep -q`: with pipefail, grep leaving early makes
# fc-list die of SIGPIPE and the check fail even when the font is there.
[ -n "$(fc-list :lang=zh family 2>/dev/null)" ] || missing+=(fonts-noto-cjk)
[ -x "$FIREFOX" ] || missing+=(firefox-esr)
# The driver's package depends on WebKitGTK, which ships MiniBrowser.
{ [ -x "$WEBKIT_DRIVER" ] && [ -n "$MINIBROWSER" ] && [ -x "$MINIBROWSER" ]; } || missing+=(webkit2gtk-driver)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
for tool in "${JAVA_TOOLS[@]}"; do
  read -r package file <<<"$tool"
  [ -e "$file" ] || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing for the browser and validator tests: ${missing[*]}. Install them (Chromium, Firefox ESR, WebKitWebDriver with MiniBrowser, Xvfb, a CJK font and Java), or set CHROMIUM_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH, MINIBROWSER_PATH and JAVA_PATH." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing Debian packages for the browser and validator tests: ${missing[*]}…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
