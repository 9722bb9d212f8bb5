#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are missing (as root; otherwise says which
# are missing). Shared by bootstrap.sh (make demo / make test) and platform_env.sh.
#   scripts/debs.sh LABEL pkg...
set -euo pipefail
label=$1; shift
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "$label: installing Debian packages: ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "$label: please install Debian packages: ${missing[*]} (not root, so not installing)" >&2
fi
