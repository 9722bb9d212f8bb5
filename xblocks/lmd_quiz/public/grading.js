/* The grading specification, in JavaScript: the twin of grading.py for SCORM packages, where no
 * server grades. Both run against grading_vectors.json in the test suite. */
(function (root) {
  'use strict';

  function gradeQuestion(question, answer) {
    if (answer === undefined || answer === null) { return {score: 0, correct: false}; }
    if (question.type === 'ordering') {
      var expected = question.items.map(function (item) { return item.id; });
      var placed = 0;
      expected.forEach(function (id, index) { if (answer[index] === id) { placed += 1; } });
      return {score: placed / expected.length, correct: placed === expected.length};
    }
    var correctIds = question.options.filter(function (o) { return o.correct; }).map(function (o) { return o.id; });
    if (question.type === 'multiple') {
      var chosen = answer.filter(function (id, index) { return answer.indexOf(id) === index; });
      var hits = chosen.filter(function (id) { return correctIds.indexOf(id) !== -1; }).length;
      var falsePicks = chosen.length - hits;
      return {score: Math.max(0, (hits - falsePicks) / correctIds.length),
              correct: hits === correctIds.length && falsePicks === 0};
    }
    var right = correctIds.indexOf(answer) !== -1;
    return {score: right ? 1 : 0, correct: right};
  }

  function round4(x) { return Math.round(x * 10000) / 10000; }

  function gradeQuiz(questions, responses, passThreshold) {
    var results = {}, total = 0;
    questions.forEach(function (question) {
      var graded = gradeQuestion(question, responses[question.id]);
      results[question.id] = {score: round4(graded.score), correct: graded.correct};
      total += results[question.id].score;
    });
    var score = questions.length ? round4(total / questions.length) : 0;
    return {score: score, passed: passes(score, passThreshold), results: results};
  }

  /* The one pass rule (grading.py's twin): the score as the learner sees it, a whole percent,
   * reaches the pass mark as the learner sees it. */
  function percent(share) { return Math.round((share || 0) * 100); }

  function passes(score, passThreshold) { return percent(score) >= percent(passThreshold); }

  var api = {gradeQuestion: gradeQuestion, gradeQuiz: gradeQuiz, percent: percent, passes: passes};
  if (typeof module !== 'undefined' && module.exports) { module.exports = api; } else { root.LmdQuizGrading = api; }
})(this);
