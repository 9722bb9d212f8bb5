/* Local backend of lmd_module in a SCORM package: its progress, from its children's backends. */
(function () {
  'use strict';
  var SCORM = window.LMD_SCORM = window.LMD_SCORM || {backends: {}};
  SCORM.backends = SCORM.backends || {};

  SCORM.backends.lmd_module = function (usage, module, element) {
    function summary() {
      var activities = SCORM.backendsInside(element).map(function (b) { return b.progress && b.progress(); })
        .filter(function (p) { return p && p.graded; });
      var done = activities.filter(function (p) { return p.complete; }).length;
      /* the module's own results: a course pre-test or post-test is an activity, not a result (progress.py) */
      var results = activities.filter(function (p) { return !p.purpose; });
      var scores = results.map(function (p) { return p.score || 0; });
      var quizzes = results.filter(function (p) { return p.passed !== null && p.passed !== undefined; });
      var ids = Array.prototype.map.call(element.querySelectorAll('.lmd-activity-list a'), function (a) {
        return a.getAttribute('href').replace(/^#/, '').replace(/-anchor$/, '');
      });
      var next = null;
      activities.forEach(function (p, i) { if (next === null && !p.complete) { next = ids[i] || null; } });
      return {
        total: activities.length, done: done,
        percent: activities.length ? Math.round(100 * done / activities.length) : 100,
        score: scores.length ? Math.round(10000 * scores.reduce(function (a, b) { return a + b; }, 0) / scores.length) / 10000 : null,
        quiz_passed: quizzes.length ? quizzes.every(function (p) { return p.passed; }) : null,
        complete: activities.length > 0 && done === activities.length,
        next: next,
        activities: activities.map(function (p, i) {
          var entry = {id: ids[i], complete: !!p.complete, score: p.score};
          if (p.purpose) { entry.purpose = p.purpose; }
          return entry;
        })
      };
    }
    return {
      handlers: {progress_summary: summary},
      restore: function (args) { args.progress = summary(); return args; }
    };
  };
})();
