#!/usr/bin/env bash
# Runs before `npm test`: the HTML report's browser test needs Chromium, and the JUnit test
# validates with xmllint (libxml2-utils). Installs missing Debian packages only in CI
# (CI=true) or when asked (CLAIMCHECK_INSTALL_SYSTEM_DEPS=1), and only as root with apt-get;
# on a developer's machine it only says what is missing. Never downloads a browser build.
set -u
missing=()
if [ -z "${CHROMIUM_PATH:-}" ]; then
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || missing+=(chromium)
fi
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[ "${#missing[@]}" -eq 0 ] && exit 0
asked=0
{ [ "${CI:-}" = "true" ] || [ "${CLAIMCHECK_INSTALL_SYSTEM_DEPS:-}" = "1" ]; } && asked=1
if [ "$asked" = 1 ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "claimcheck tests: installing ${missing[*]} (Debian packages)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null && exit 0
  echo "claimcheck tests: could not install ${missing[*]}" >&2
else
  echo "claimcheck tests: the browser and XML tests need ${missing[*]}, which is missing." >&2
  echo "  Install it (sudo apt-get install ${missing[*]}), set CHROMIUM_PATH to a Chromium, or run" >&2
  echo "  CLAIMCHECK_INSTALL_SYSTEM_DEPS=1 npm test as root to let this script install it." >&2
fi
exit 0
