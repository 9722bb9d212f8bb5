#!/usr/bin/env bash
# `make mutation`: mutation testing of the security- and grading-critical modules with mutmut 3.
# Works in var/mutation/ (a copy of the working tree's tracked files), never in the tree itself.
# Usage: scripts/mutation.sh [group...]   groups: sanitizer grading licensing access csv scorm scorm-js (default: all)
# scorm-js is the SCO page's JavaScript (grading twin, pass rule, learner text) with StrykerJS.
# Prints the score per module (killed / all mutants, and the mutants that survived).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=${VENV:-.venv}
"$VENV/bin/pip" install -q --disable-pip-version-check -r requirements/mutation.txt >>"$VENV/install.log" 2>&1
SELECTED=${*:-"sanitizer grading licensing access csv scorm scorm-js"}
declare -A MODULES=(
  [sanitizer]="xblocks/common/sanitize.py"
  [grading]="xblocks/lmd_quiz/grading.py"
  [licensing]="courses/licensing/verify.py courses/licensing/unpack.py courses/licensing/stamp.py courses/licensing/keys.py"
  [access]="lmd_access/services.py"
  [csv]="xblocks/common/csv_cells.py xblocks/lmd_case_study/facilitator.py"
  [scorm]="scorm_export/budget.py"
)
declare -A TESTS=(
  [sanitizer]="tests/unit/test_sanitizer_allow_list.py tests/unit/test_hostile_html.py tests/unit/test_learner_input.py tests/unit/test_init_data_escaping.py"
  [grading]="tests/unit/test_grading_checks.py tests/unit/test_grading_vectors.py tests/unit/test_quiz.py tests/scorm/test_pass_rule.py"
  [licensing]="tests/licensing/test_licence_checks.py tests/licensing/test_licensed_import.py tests/licensing/test_hostile_archives.py tests/licensing/test_licensing_mutants_verify.py tests/licensing/test_licensing_mutants_unpack.py tests/licensing/test_licensing_mutants_stamp_keys.py"
  [access]="tests/access/test_access_rules.py tests/access/test_registration_dates_and_csv.py tests/access/test_authorization.py tests/access/test_hardening.py"
  [csv]="tests/access/test_registration_dates_and_csv.py tests/unit/test_case_study.py tests/unit/test_learner_input.py tests/unit/test_facilitator_records.py"
  [scorm]="tests/unit/test_suspend_budget.py tests/unit/test_scorm_build.py tests/scorm/test_scorm_course.py"
)
scorm_js() {  # StrykerJS, pinned in scripts/mutation-js (kept out of make test's npm packages)
  local tools="$ROOT/var/mutation/js-tools"
  mkdir -p "$tools" && cp scripts/mutation-js/package.json scripts/mutation-js/package-lock.json "$tools/"
  (cd "$tools" && npm ci --no-audit --no-fund >"$tools/install.log" 2>&1)
  echo "== scorm-js: mutating the SCO page's grading.js, pass_rule.js, learner_text.js (StrykerJS)"
  local start; start=$(date +%s)
  LMD_PYTHON="$ROOT/$VENV/bin/python" "$tools/node_modules/.bin/stryker" run scripts/mutation-js/stryker.config.mjs \
    >"$ROOT/var/mutation/scorm-js.log" 2>&1 || true
  grep -E "^(All files| *[a-z_]+\.js) *\|" "$ROOT/var/mutation/scorm-js.log" | sed 's/^/   /'
  echo "   ($(( $(date +%s) - start )) s; details, survivors among them, in var/mutation/scorm-js.log)"
}
for group in $SELECTED; do
  if [ "$group" = scorm-js ]; then scorm_js; continue; fi
  WORK="$ROOT/var/mutation/$group"
  rm -rf "$WORK" && mkdir -p "$WORK"
  # the tracked files as they are in the working tree, plus the compiled catalogs
  git ls-files -z | (cd "$ROOT" && xargs -0 cp --parents -t "$WORK" 2>/dev/null || true)
  cp -r translations/ui "$WORK/translations/" 2>/dev/null || true
  {
    echo "[mutmut]"
    echo "source_paths ="; for m in ${MODULES[$group]}; do echo "    $(dirname "$m")/"; done | sort -u
    echo "only_mutate ="; for m in ${MODULES[$group]}; do echo "    $m"; done
    echo "pytest_add_cli_args_test_selection ="; for t in ${TESTS[$group]}; do echo "    $t"; done
    echo "pytest_add_cli_args ="; echo "    -p no:cacheprovider"; echo "    -q"
    echo "also_copy ="; for d in xblocks courses lmd_access scorm_export translations demo tools pytest.ini node_modules package.json; do echo "    $d"; done
  } > "$WORK/setup.cfg"
  ln -sfn "$ROOT/node_modules" "$WORK/node_modules"
  echo "== $group: mutating ${MODULES[$group]}"
  start=$(date +%s)
  (cd "$WORK" && DJANGO_SETTINGS_MODULE=lmd_demo.settings LMD_VAR_DIR="$WORK/var" \
     "$ROOT/$VENV/bin/mutmut" run --max-children "${MUTATION_JOBS:-2}" >"$WORK/run.log" 2>&1) || true
  (cd "$WORK" && "$ROOT/$VENV/bin/mutmut" results --all true >"$WORK/results.txt" 2>&1) || true
  "$ROOT/$VENV/bin/python" "$ROOT/scripts/mutation_score.py" "$WORK/results.txt" ${MODULES[$group]}
  echo "   ($(( $(date +%s) - start )) s; details in $WORK/run.log and results.txt)"
done
