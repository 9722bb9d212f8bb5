/* The pass rule of LMD packages is the blocks' own (xblocks/lmd_quiz/public/grading.js, loaded
 * first on every SCO page): the score as the page shows it (a whole percent) against the pass mark
 * as the page shows it. The SCO writes that percent to the LMS, and the manifest's mastery score
 * is the pass mark's percent (pass_rule.py), so the page, a SCORM 1.2 LMS that applies the mastery
 * score and a SCORM 2004 LMS that compares the scaled score reach the same verdict. */
(function (root) {
  'use strict';
  root.LMD_SCORM = root.LMD_SCORM || {backends: {}};
  root.LMD_SCORM.passRule = {percent: root.LmdQuizGrading.percent, passes: root.LmdQuizGrading.passes};
})(this);
