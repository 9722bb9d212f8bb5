// StrykerJS for `make mutation` (group scorm-js), run by scripts/mutation.sh from the project's
// root: the SCO page's grading twin, its pass rule and its learner-text rule, mutated one at a
// time in a copy under var/, each mutant judged by the Python tests that run these scripts in
// node (pytest, through Stryker's command runner).
const python = process.env.LMD_PYTHON;
if (!python) { throw new Error('LMD_PYTHON: the project venv\'s python (scripts/mutation.sh sets it)'); }

export default {
  mutate: [
    'xblocks/lmd_quiz/public/grading.js',
    'scorm_export/static/pass_rule.js',
    'scorm_export/static/learner_text.js',
  ],
  testRunner: 'command',
  commandRunner: {
    command: `${python} -m pytest -x -q -p no:cacheprovider tests/unit/test_grading_vectors.py ` +
             'tests/scorm/test_pass_rule.py tests/scorm/test_page_scripts_in_node.py',
  },
  // the copy needs the sources and tests only
  ignorePatterns: ['.venv', 'var', '.cache', 'build', 'tools/build', 'node_modules', '*.egg-info', 'scripts/mutation-js'],
  tempDirName: 'var/mutation/stryker-tmp',
  reporters: ['clear-text'],
  concurrency: Number(process.env.MUTATION_JOBS || 2),
  coverageAnalysis: 'off',
  disableTypeChecks: false,  // plain JavaScript: nothing to disable (it tried the HTML templates)
  timeoutMS: 60000,
};
