/* Local backend of lmd_case_study in a SCORM package: the block's rules (block.py) in JavaScript.
 * In SCORM 1.2 the answers must fit cmi.suspend_data: the page's answer limits are set at export
 * so that the worst case fits (see scorm_export/budget.py), for text as learner_text.js keeps it.
 * Each handler stores its new state first and adopts it only once stored (SCORM.saveState
 * refuses what would not fit), so a refused request changes nothing. */
(function () {
  'use strict';
  var SCORM = window.LMD_SCORM = window.LMD_SCORM || {backends: {}};
  SCORM.backends = SCORM.backends || {};

  SCORM.backends.lmd_case_study = function (usage, cs) {
    var st = SCORM.stateOf(usage) || {a: {}, s: false, p: [], r: null};
    var limits = {};
    cs.questions.forEach(function (q) { limits[q.id] = q.max_length; });

    function learnerState() {
      return {answers: st.a, submitted: st.s, assessment: st.p, score: st.r,
              analysis_html: st.s ? cs.analysis : null};
    }

    function check(answers, complete) {
      var cleaned = {};
      Object.keys(answers || {}).forEach(function (id) {
        if (!(id in limits)) { throw SCORM.error(400, 'unknown question id ' + id); }
        var text = SCORM.storableText(answers[id]);
        if (text.length > limits[id]) {
          throw SCORM.error(400, SCORM.format('tooLong', {id: id, n: text.length, max: limits[id]}));
        }
        cleaned[id] = text;
      });
      if (complete && Object.keys(limits).some(function (id) { return !cleaned[id]; })) {
        throw SCORM.error(400, SCORM.t('answerAll'));
      }
      return cleaned;
    }

    function adopt(changes) {
      SCORM.saveState(usage, Object.assign({}, st, changes), function (stored) { st = stored; });
      return learnerState();
    }

    return {
      handlers: {
        save_draft: function (payload) {
          if (st.s) { throw SCORM.error(400, SCORM.t('alreadySubmitted')); }
          return adopt({a: check(payload.answers, false)});
        },
        submit: function (payload) {
          if (st.s) { throw SCORM.error(400, SCORM.t('alreadySubmitted')); }
          return adopt({a: check(payload.answers, true), s: true});
        },
        assess: function (payload) {
          if (!st.s) { throw SCORM.error(400, SCORM.t('submitFirst')); }
          var weights = {}, total = 0, got = 0;
          cs.rubric.forEach(function (p) { weights[p.id] = p.weight; total += p.weight; });
          var points = (payload.points || []).filter(function (id, i, all) { return all.indexOf(id) === i; });
          points.forEach(function (id) {
            if (!(id in weights)) { throw SCORM.error(400, 'unknown rubric point id ' + id); }
            got += weights[id];
          });
          var score = Math.round(10000 * got / total) / 10000;
          return adopt({p: points.sort(), r: st.r === null || score > st.r ? score : st.r});
        }
      },
      restore: function (args) { args.state = learnerState(); return args; },
      progress: function () {
        return {complete: st.r !== null, score: st.r, passed: null, graded: true, started: Object.keys(st.a).length > 0};
      }
    };
  };
})();
