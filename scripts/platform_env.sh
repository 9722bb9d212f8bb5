#!/usr/bin/env bash
# The Open edX platform for the platform test tier: a writable copy of its source and a venv with
# its test requirements, both kept OUTSIDE the clone (a cold build takes ~12 minutes and 1.1 GB)
# and reused while the source and requirements are unchanged. Prints the cache folder.
#
#   LMD_PLATFORM_SRC    the platform's source (default: ../shared/platform/edx-platform here;
#                       elsewhere a `git clone` of openedx/edx-platform at a release tag)
#   LMD_PLATFORM_CACHE  where the copy and the venv live (default: ~/.cache/lmd-xblocks/platform)
#
# The project itself is installed into that venv with --no-deps (plus the few of its own
# dependencies the platform lacks, constrained to the platform's versions), so the tier also checks
# that installing the blocks never upgrades or shadows a platform package.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# The platform's source: LMD_PLATFORM_SRC, else the copy this workplace keeps beside the clone.
if [ -z "${LMD_PLATFORM_SRC:-}" ]; then
  for candidate in "$ROOT/../shared/platform/edx-platform" /work/shared/platform/edx-platform; do
    [ -d "$candidate" ] && LMD_PLATFORM_SRC="$candidate" && break
  done
fi
if [ ! -d "${LMD_PLATFORM_SRC:-}" ]; then
  echo "platform-env: no Open edX platform source found; set LMD_PLATFORM_SRC to a clone of" \
       "openedx/edx-platform at a release tag (see README, Installing into Open edX)" >&2
  exit 1
fi
SRC="$(cd "$LMD_PLATFORM_SRC" && pwd)"
CACHE="${LMD_PLATFORM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lmd-xblocks/platform}"
PYTHON="${PYTHON:-python3}"
log() { echo "platform-env: $*" >&2; }
# pip and the packages' build steps are chatty (hundreds of deprecation notices): their output goes
# to a log in the cache, shown only when a step fails.
pip_quiet() {
  if ! "$@" >>"$CACHE/install.log" 2>&1; then
    tail -n 40 "$CACHE/install.log" >&2
    log "'$*' failed; the whole log is $CACHE/install.log"
    exit 1
  fi
}
mkdir -p "$CACHE"

# Debian packages the platform's requirements build against (as root only).
DEBS="build-essential pkg-config default-libmysqlclient-dev libxmlsec1-dev libxml2-dev libxslt1-dev
      libjpeg-dev zlib1g-dev libffi-dev libssl-dev gettext libgeos-dev"
bash "$ROOT/scripts/debs.sh" platform-env $DEBS

# 1. A writable copy of the source (pip -e and the platform's tests write into it).
src_sig=$(cd "$SRC" && find . -path ./node_modules -prune -o -type f -printf '%P %s %T@\n' | sort | sha256sum | cut -c1-16)
if [ "$(cat "$CACHE/src.sig" 2>/dev/null)" != "$src_sig" ]; then
  log "copying the platform source from $SRC"
  rm -rf "$CACHE/edx-platform" "$CACHE/venv.sig"
  cp -a "$SRC" "$CACHE/edx-platform"
  chmod -R u+w "$CACHE/edx-platform"
  echo "$src_sig" > "$CACHE/src.sig"
fi
PLATFORM="$CACHE/edx-platform"
mkdir -p "$PLATFORM/test_root/log"

# 2. The venv: the platform's pinned test requirements.
req="$PLATFORM/requirements/edx/testing.txt"
extra_sig=$(cat "$ROOT/requirements/platform.txt" | sha256sum | cut -c1-16)
venv_sig="$(sha256sum "$req" | cut -c1-16)-$("$PYTHON" -c 'import sys; print(sys.version.split()[0])')-$extra_sig"
VENV="$CACHE/venv"
if [ "$(cat "$CACHE/venv.sig" 2>/dev/null)" != "$venv_sig" ] || [ ! -x "$VENV/bin/python" ]; then
  log "building the platform venv (about 12 minutes cold)"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  pip_quiet "$VENV/bin/pip" install -q -U pip wheel
  # proctortrack is the one requirement pinned to a git commit: take it from beside the source
  # when there (this workplace has no access to GitHub), else let pip clone it.
  proctortrack="$(dirname "$SRC")/edx-proctoring-proctortrack"
  sed_expr='s#^-e git+https://github.com/anupdhabarde/edx-proctoring-proctortrack.git.*$#'"$proctortrack"'#'
  [ -d "$proctortrack" ] || sed_expr='s#^XX##'
  sed "$sed_expr" "$req" > "$CACHE/testing.txt"
  # loremipsum does not build with setuptools 81+: pin the build-time setuptools, keeping the
  # machine's own constraints.
  {
    echo "setuptools==80.9.0"
    [ -n "${PIP_CONSTRAINT:-}" ] && cat "$PIP_CONSTRAINT"
    [ -f /etc/xdg/pip/constraints.txt ] && cat /etc/xdg/pip/constraints.txt
  } > "$CACHE/build-constraints.txt"
  # (pip 26.2+ applies PIP_CONSTRAINT no longer to build environments, hence both variables.)
  PIP_CONSTRAINT="$CACHE/build-constraints.txt" PIP_BUILD_CONSTRAINT="$CACHE/build-constraints.txt" \
    pip_quiet "$VENV/bin/pip" install -q -r "$CACHE/testing.txt"
  pip_quiet "$VENV/bin/pip" install -q --no-deps -e "$PLATFORM"
  # What the tier adds: the in-process MongoDB stand-in, Playwright. Constrained to what the
  # platform already pins, so nothing of the platform moves.
  "$VENV/bin/pip" freeze --exclude-editable | grep -v '^-e' > "$CACHE/platform-freeze.txt"
  pip_quiet "$VENV/bin/pip" install -q -c "$CACHE/platform-freeze.txt" -r "$ROOT/requirements/platform.txt"
  echo "$venv_sig" > "$CACHE/venv.sig"
fi

# 3. The project, as an LMS would get it: its own dependencies must already be satisfied by the
# platform's pins (checked in the tests), so install it without letting pip change anything.
proj_sig=$(cat "$ROOT/setup.py" | sha256sum | cut -c1-16)
if [ "$(cat "$CACHE/project.sig" 2>/dev/null)" != "$proj_sig:$ROOT" ]; then
  pip_quiet "$VENV/bin/pip" install -q --no-deps --no-build-isolation -e "$ROOT"
  echo "$proj_sig:$ROOT" > "$CACHE/project.sig"
fi
echo "$CACHE"
