/* The one pass rule of LMD packages: the learner passes when the score, as the page shows it (a
 * whole percent, xblocks/lmd_quiz quiz.js: Math.round(score * 100)), reaches the pass mark as the
 * page shows it. The same whole percent is what the SCO writes to the LMS (cmi.core.score.raw,
 * cmi.score.raw and cmi.score.scaled = percent / 100), and the manifest's mastery score
 * (adlcp:masteryscore, imsss:minNormalizedMeasure) is the pass mark's percent (pass_rule.py), so
 * the page, a SCORM 1.2 LMS that applies the mastery score and a SCORM 2004 LMS that compares
 * the scaled score all reach the same verdict. Checked against grading_vectors.json. */
(function (root) {
  'use strict';

  function percent(share) { return Math.round((share || 0) * 100); }

  function passes(score, threshold) { return percent(score) >= percent(threshold); }

  var api = {percent: percent, passes: passes};
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else {
    root.LMD_SCORM = root.LMD_SCORM || {backends: {}};
    root.LMD_SCORM.passRule = api;
  }
})(this);
