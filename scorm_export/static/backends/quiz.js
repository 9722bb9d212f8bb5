/* Local backend of lmd_quiz in a SCORM package: the same rules and the same learner state as
 * the XBlock (presentation.py), graded by grading.js; passed or not by the package's pass rule
 * (pass_rule.js: the score as the page shows it against the pass mark as the page shows it). */
(function () {
  'use strict';
  var SCORM = window.LMD_SCORM = window.LMD_SCORM || {backends: {}};
  SCORM.backends = SCORM.backends || {};

  SCORM.backends.lmd_quiz = function (usage, quiz) {
    /* a: attempts, r: the last attempt's responses, l: its score, b: the best score, p: passed.
     * The last attempt's results are graded again from r when shown, not stored: SCORM 1.2 keeps
     * 4,096 characters of suspend data, and a module with two quizzes (the course pre-test or
     * post-test beside the module's own) would leave too little room for the learner's writing
     * (budget.py). A state saved by an earlier package may still hold them as s. */
    var st = SCORM.stateOf(usage) || {a: 0, r: {}, l: null, b: null, p: false};
    var byId = {};
    quiz.questions.forEach(function (q) { byId[q.id] = q; });

    function attemptsLeft() { return quiz.max_attempts ? Math.max(0, quiz.max_attempts - st.a) : null; }
    /* The same rules as the XBlock (block.py): complete once passed or out of attempts; the key
     * shown once out of attempts, or once the learner, having passed, asked for it (v: the number
     * of attempts then), which ends the attempts. Until then a learner who passed may try again;
     * the best score counts. */
    function finished() { return st.p || attemptsLeft() === 0; }
    function revealed() { return attemptsLeft() === 0 || (typeof st.v === 'number' && st.a >= st.v); }

    function answerKey(q) {
      return q.type === 'ordering' ? q.items.map(function (i) { return i.id; })
        : q.options.filter(function (o) { return o.correct; }).map(function (o) { return o.id; }).sort();
    }

    function feedback(q, answer, result, open) {
      var shown = {correct: result.correct, score: result.score};
      if (q.type === 'ordering') {
        var expected = answerKey(q);
        shown.placed = expected.filter(function (id, i) { return (answer || [])[i] === id; }).length;
        shown.total = expected.length;
        if (open) { shown.feedback = {}; q.items.forEach(function (i) { shown.feedback[i.id] = i.feedback; }); }
      } else {
        var chosen = [].concat(answer);
        shown.feedback = {};
        q.options.forEach(function (o) { if (chosen.indexOf(o.id) !== -1) { shown.feedback[o.id] = o.feedback; } });
      }
      if (open) { shown.key = answerKey(q); shown.explanation = q.explanation; }
      return shown;
    }

    function lastResults() {
      if (st.s) { return st.s; }
      if (!st.a) { return {}; }
      try {
        return window.LmdQuizGrading.gradeQuiz(quiz.questions, st.r, quiz.pass_threshold).results;
      } catch (e) {
        return {};  /* answers to questions this package no longer has */
      }
    }

    function learnerState() {
      var open = revealed(), results = {}, graded = lastResults();
      Object.keys(graded).forEach(function (qid) {
        if (byId[qid]) { results[qid] = feedback(byId[qid], st.r[qid], graded[qid], open); }
      });
      return {attempts: st.a, max_attempts: quiz.max_attempts, attempts_left: attemptsLeft(), score: st.l,
              best_score: st.b, passed: st.p, pass_threshold: quiz.pass_threshold, revealed: open,
              responses: st.r, results: results};
    }

    function submit(payload) {
      if (attemptsLeft() === 0) { throw SCORM.error(400, SCORM.t('noAttempts')); }
      if (revealed()) { throw SCORM.error(400, SCORM.t('answersShown')); }
      var responses = payload.responses || {};
      var missing = quiz.questions.filter(function (q) { return !(q.id in responses); });
      if (missing.length) { throw SCORM.error(400, SCORM.t('answerAll')); }
      var graded = window.LmdQuizGrading.gradeQuiz(quiz.questions, responses, quiz.pass_threshold);
      var passed = SCORM.passRule.passes(graded.score, quiz.pass_threshold);
      var next = {a: st.a + 1, r: responses, l: graded.score,
                  b: st.b === null || graded.score > st.b ? graded.score : st.b, p: st.p || passed};
      SCORM.saveState(usage, next, function (stored) { st = stored; });  /* or throws, changing nothing */
      quiz.questions.forEach(function (q) { SCORM.recordInteraction(q, responses[q.id], graded.results[q.id].correct); });
      return learnerState();
    }

    return {
      handlers: {
        submit: submit,
        show_answers: function () {
          if (!revealed()) {  /* already shown (no attempt left): nothing to change */
            if (!st.p) { throw SCORM.error(400, SCORM.t('passFirst')); }
            var next = JSON.parse(JSON.stringify(st));
            next.v = st.a;
            SCORM.saveState(usage, next, function (stored) { st = stored; });
          }
          return learnerState();
        },
        reset_attempts: function () { throw SCORM.error(403, SCORM.t('staffOnly')); }
      },
      restore: function (args) { args.state = learnerState(); return args; },
      progress: function () {
        /* purpose: a course pre-test or post-test, which is not the module's quiz (progress.py) */
        return {complete: finished(), score: st.b, passed: st.p, graded: true, attempted: st.a > 0,
                purpose: quiz.purpose || null};
      }
    };
  };
})();
