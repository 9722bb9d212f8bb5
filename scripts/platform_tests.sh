#!/usr/bin/env bash
# The platform tier of `make test`: our blocks inside Open edX's own code. Builds (or reuses) the
# platform's venv outside the clone (scripts/platform_env.sh), then runs tests/platform/ with the
# LMS's settings and with Studio's, from the platform's folder as its own tests run.
#   scripts/platform_tests.sh [lms|cms] [pytest args...]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="$(bash "$ROOT/scripts/platform_env.sh")"
tiers=(lms cms)
if [ $# -gt 0 ] && { [ "$1" = lms ] || [ "$1" = cms ]; }; then tiers=("$1"); shift; fi
cd "$CACHE/edx-platform"
status=0
for tier in "${tiers[@]}"; do
  echo "== platform tier: $tier"
  "$CACHE/venv/bin/python" -m pytest -c "$ROOT/tests/platform/pytest.ini" --rootdir "$ROOT/tests/platform" \
    --ds="tests.platform.${tier}_settings" -q "$ROOT/tests/platform/$tier" "$@" || status=$?
done
exit $status
