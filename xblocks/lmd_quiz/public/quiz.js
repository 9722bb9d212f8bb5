/* lmd_quiz front end: collects answers, posts them, shows what the server graded.
 * It never holds the answer key: the server sends it only once answers are revealed. */
function LmdQuizBlock(runtime, element) {
  'use strict';
  /* The order of an answer key, pointing the way the text reads (mirrored right to left). */
  function orderArrow(node) { return window.getComputedStyle(node).direction === 'rtl' ? ' ← ' : ' → '; }

  var LMD = window.LMD;
  var data = LMD.initData(element);
  var root = LMD.el(element).querySelector('#' + data.rootId) || LMD.el(element);
  var form = root.querySelector('.lmd-quiz-form');
  var statusBox = root.querySelector('.lmd-status');
  var submitButton = root.querySelector('.lmd-submit');
  var resetButton = root.querySelector('.lmd-reset');
  var showButton = root.querySelector('.lmd-show-answers');
  var current = data.state;
  var t = data.i18n;
  var backend = LMD.backend(runtime, element, 'lmd_quiz');
  var questions = Array.prototype.slice.call(root.querySelectorAll('.lmd-question'));

  function pct(x) { return Math.round((x || 0) * 100); }

  function answerOf(fieldset) {
    var type = fieldset.getAttribute('data-type');
    if (type === 'ordering') {
      return Array.prototype.map.call(fieldset.querySelectorAll('.lmd-order-item'), function (li) {
        return li.getAttribute('data-id');
      });
    }
    var checked = Array.prototype.filter.call(fieldset.querySelectorAll('input'), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
    if (type === 'multiple') { return checked.length ? checked : null; }
    return checked.length ? checked[0] : null;
  }

  function collect() {
    var responses = {}, missing = 0;
    questions.forEach(function (fs) {
      var answer = answerOf(fs);
      if (answer === null) { missing += 1; } else { responses[fs.getAttribute('data-qid')] = answer; }
    });
    return {responses: responses, missing: missing};
  }

  function restore(fieldset, answer) {
    if (answer === undefined || answer === null) { return; }
    if (fieldset.getAttribute('data-type') === 'ordering') {
      var list = fieldset.querySelector('.lmd-order');
      answer.forEach(function (id) {
        var li = list.querySelector('[data-id="' + id + '"]');
        if (li) { list.appendChild(li); }
      });
      return;
    }
    var wanted = [].concat(answer);
    Array.prototype.forEach.call(fieldset.querySelectorAll('input'), function (input) {
      input.checked = wanted.indexOf(input.value) !== -1;
    });
  }

  function showResult(fieldset, result) {
    var box = fieldset.querySelector('.lmd-qresult');
    box.textContent = '';
    fieldset.classList.remove('lmd-correct', 'lmd-incorrect');
    Array.prototype.forEach.call(fieldset.querySelectorAll('.lmd-option-feedback, .lmd-item-feedback'), function (p) {
      p.hidden = true; p.textContent = '';
    });
    if (!result) { return; }
    fieldset.classList.add(result.correct ? 'lmd-correct' : 'lmd-incorrect');
    var verdict = result.correct ? t.correct : (result.score > 0 ? t.partly : t.incorrect);
    box.appendChild(LMD.make('p', 'lmd-verdict', verdict));
    if (result.placed !== undefined && !result.correct) {
      box.appendChild(LMD.make('p', null, LMD.format(t.placed, {placed: result.placed, total: result.total})));
    }
    Object.keys(result.feedback || {}).forEach(function (id) {
      var holder = fieldset.querySelector('[data-id="' + id + '"] .lmd-option-feedback, [data-id="' + id + '"] .lmd-item-feedback');
      if (holder) { holder.textContent = result.feedback[id]; holder.hidden = false; }
    });
    if (result.key) {
      var names = result.key.map(function (id) {
        var node = fieldset.querySelector('[data-id="' + id + '"] label, [data-id="' + id + '"] .lmd-item-text');
        return node ? node.textContent : id;
      });
      box.appendChild(LMD.make('p', 'lmd-key', t.answerKey + ' ' + names.join(fieldset.getAttribute('data-type') === 'ordering' ? orderArrow(fieldset) : '; ')));
    }
    if (result.explanation) { box.appendChild(LMD.make('p', 'lmd-explanation', t.explanation + ' ' + result.explanation)); }
  }

  function render(state, announce) {
    current = state;
    questions.forEach(function (fs) {
      var qid = fs.getAttribute('data-qid');
      restore(fs, state.responses[qid]);
      showResult(fs, state.results[qid]);
    });
    /* Closed once the answers are shown (attempts used up, or the learner chose to see them).
     * A learner who passed may try again to improve while attempts remain: the best score counts. */
    var finished = !!state.revealed || state.attempts_left === 0;
    Array.prototype.forEach.call(form.querySelectorAll('input, .lmd-order button'), function (c) { c.disabled = finished; });
    submitButton.hidden = finished;
    showButton.hidden = finished || !state.passed;
    resetButton.hidden = !data.staff || state.attempts === 0;
    var lines = [];
    if (state.attempts > 0) {
      lines.push(LMD.format(t.score, {score: pct(state.score), pass: pct(state.pass_threshold)}));
      if (state.best_score !== null && state.best_score !== state.score) { lines.push(LMD.format(t.best, {score: pct(state.best_score)})); }
      lines.push(state.passed ? t.passed : t.failed);
      if (!finished) { lines.push(state.passed ? t.improve : t.tryAgain); }
    }
    if (state.attempts_left === 0 && !state.passed) { lines.push(t.noAttempts); }
    else if (!finished && state.attempts_left !== null) { lines.push(LMD.format(t.attemptsLeft, {n: state.attempts_left})); }
    else if (!finished) { lines.push(t.unlimited); }
    statusBox.textContent = lines.join(' ');
    statusBox.classList.toggle('lmd-quiz-result', state.attempts > 0);
    root.classList.toggle('lmd-passed', !!state.passed);
    if (announce) { LMD.announce(root, {type: 'lmd_quiz', state: state}); }
  }

  function move(li, delta) {
    var list = li.parentNode;
    var items = Array.prototype.slice.call(list.children);
    var index = items.indexOf(li), target = index + delta;
    if (target < 0 || target >= items.length) { return; }
    if (delta < 0) { list.insertBefore(li, items[target]); } else { list.insertBefore(li, items[target].nextSibling); }
    var live = li.closest('.lmd-question').querySelector('[aria-live]');
    live.textContent = LMD.format(t.moved, {item: li.querySelector('.lmd-item-text').textContent, pos: target + 1, total: items.length});
    li.querySelector(delta < 0 ? '.lmd-up' : '.lmd-down').focus();
  }

  root.addEventListener('click', function (event) {
    var button = event.target.closest('.lmd-up, .lmd-down');
    if (button && !button.disabled) { move(button.closest('.lmd-order-item'), button.classList.contains('lmd-up') ? -1 : 1); }
  });

  function send() {
    var collected = collect();
    submitButton.disabled = true;
    statusBox.textContent = t.submitting;
    backend.call('submit', {responses: collected.responses}).then(function (state) {
      render(state, true);
    }, function (error) {
      statusBox.textContent = error.status ? error.message : t.networkError;
    }).then(function () {
      submitButton.disabled = false;
      LMD.focus(statusBox);  /* the result (or what went wrong), then the questions marked */
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var collected = collect();
    if (collected.missing) {
      statusBox.textContent = LMD.format(t.unanswered, {n: collected.missing});
      var first = questions.filter(function (fs) { return answerOf(fs) === null; })[0];
      LMD.focus(first.querySelector('input, button'));
      return;
    }
    if (current.attempts_left === 1) {
      /* The last attempt cannot be taken back: it ends the quiz and shows the answers. */
      LMD.confirmStep(submitButton.parentNode, {question: t.confirmLast, yes: t.confirmYes, no: t.confirmNo, onYes: send});
      return;
    }
    send();
  });

  showButton.addEventListener('click', function () {
    LMD.confirmStep(showButton.parentNode, {
      question: t.confirmShow, yes: t.confirmShowYes, no: t.confirmShowNo,
      onYes: function () {
        backend.call('show_answers', {}).then(function (state) { render(state, true); }, function (error) {
          statusBox.textContent = error.status ? error.message : t.networkError;
        }).then(function () { LMD.focus(statusBox); });
      }
    });
  });

  resetButton.addEventListener('click', function () {
    backend.call('reset_attempts', {}).then(function (state) {
      render(state, true);
      LMD.focus(questions.length ? questions[0].querySelector('input, button') : statusBox);
    });
  });

  render(data.state, false);
}
