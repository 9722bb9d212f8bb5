#!/usr/bin/env bash
# One idempotent set-up for `make demo` and `make test` on a fresh machine:
# Debian packages (when root), the virtualenv with the project installed, and the npm
# packages the browser and SCORM tests use. Each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}
WANT_DEBS=${WANT_DEBS:-"chromium gettext zip unzip mariadb-server libmariadb-dev pkg-config"}

bash scripts/debs.sh bootstrap $WANT_DEBS

stamp="$VENV/.lmd-installed"
# pip and the packages' build steps are chatty (deprecation notices by the hundred): their output
# goes to a log, shown only if something fails, so that the demo's address is what one sees last.
quiet() {
  local log="$VENV/install.log"
  if ! "$@" >>"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "bootstrap: '$*' failed; the whole log is $log" >&2
    exit 1
  fi
}
if [ ! -f "$stamp" ] || [ setup.py -nt "$stamp" ] || [ tools/setup.py -nt "$stamp" ] || [ demo/setup.py -nt "$stamp" ] \
   || [ requirements/test.txt -nt "$stamp" ]; then
  echo "bootstrap: installing the project and its tools into $VENV (a few minutes the first time)"
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  : > "$VENV/install.log"
  quiet "$VENV/bin/pip" install -q --disable-pip-version-check -U pip
  # The two distributions (the LMS's lmd-xblocks, the authors' lmd-course-tools) and the demo.
  quiet "$VENV/bin/pip" install -q --disable-pip-version-check -e '.[test]' -e ./tools -e demo -r requirements/test.txt
  # Open edX's SCORM player, for one test only. Kept out of the venv's site-packages: its own
  # workbench scenario uses a tag it does not register, which would break the workbench index.
  rm -rf .cache/openedx-scorm-xblock
  quiet "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps --target .cache/openedx-scorm-xblock openedx-scorm-xblock
  touch "$stamp"
fi

if [ ! -d node_modules ] || [ package.json -nt node_modules/.lmd-installed ]; then
  npm install --no-audit --no-fund --silent >/dev/null
  touch node_modules/.lmd-installed
fi
