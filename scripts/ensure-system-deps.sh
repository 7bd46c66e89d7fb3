#!/usr/bin/env bash
# Runs before `npm test`: the HTML report's browser test needs Debian's chromium, and the
# JUnit test validates with xmllint (libxml2-utils). Installs what is missing when it can
# (root with apt-get); otherwise says what to install. Never downloads a browser build.
set -u
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "claimcheck tests: installing ${missing[*]} (Debian packages)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null && exit 0
  echo "claimcheck tests: could not install ${missing[*]}" >&2
else
  echo "claimcheck tests: please install ${missing[*]} (e.g. sudo apt-get install ${missing[*]}); the browser and XML tests need them" >&2
fi
exit 0
