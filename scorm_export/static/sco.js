/* The SCO runtime of an LMD package: a tiny XBlock runtime that starts the blocks' own scripts,
 * local backends that answer their handler calls (the grading specification in JavaScript), and
 * the reporting of score, status, interactions and suspend data to the LMS.
 * Backends for each block type register in LMD_SCORM.backends (see backends/*.js). */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('lmd-scorm-config').textContent);
  var content = JSON.parse(document.getElementById('lmd-scorm-content').textContent);
  var lms = new window.LmdScormApi.Adapter(config.version);
  var v2004 = config.version === '2004';
  var store = {v: 1, b: {}};
  var backends = {};
  var interactionCount = 0;

  var SCORM = window.LMD_SCORM = window.LMD_SCORM || {backends: {}};
  SCORM.config = config;
  SCORM.lms = lms;

  function key(element) { return element.getAttribute('data-usage'); }

  /* Suspend data: one short key per block (its position on the page), compact JSON. */
  var blockKeys = {};
  Array.prototype.forEach.call(document.querySelectorAll('[data-usage]'), function (el, index) {
    blockKeys[key(el)] = index.toString(36);
  });
  SCORM.stateOf = function (usage) { return store.b[blockKeys[usage]]; };
  SCORM.saveState = function (usage, state) {
    store.b[blockKeys[usage]] = state;
    var text = JSON.stringify(store);
    lms.set('cmi.suspend_data', text);
    report();
  };
  SCORM.suspendData = function () { return JSON.stringify(store); };

  SCORM.t = function (key) { return config.i18n[key] || key; };

  function error(status, message) { var e = new Error(message); e.status = status; return e; }
  SCORM.error = error;

  SCORM.recordInteraction = function (question, response, correct) {
    var n = interactionCount;
    interactionCount += 1;
    var pre = 'cmi.interactions.' + n + '.';
    var type = {single: 'choice', multiple: 'choice', truefalse: 'true-false', ordering: 'sequencing'}[question.type];
    var sep = v2004 ? '[,]' : ',';
    var key = question.type === 'ordering' ? question.items.map(function (i) { return i.id; })
      : question.options.filter(function (o) { return o.correct; }).map(function (o) { return o.id; });
    function format(value) {
      var list = [].concat(value);
      if (question.type === 'truefalse') { return v2004 ? list[0] : list[0].charAt(0); }
      return list.join(sep);
    }
    lms.set(pre + 'id', question.id);
    lms.set(pre + 'type', type);
    lms.set(pre + 'correct_responses.0.pattern', format(key));
    lms.set(pre + (v2004 ? 'learner_response' : 'student_response'), format(response));
    lms.set(pre + 'result', correct ? 'correct' : (v2004 ? 'incorrect' : 'wrong'));
  };

  /* What the LMS sees: the module's quiz decides score and success; all activities, completion. */
  function report() {
    var summary = SCORM.summary();
    var quiz = summary.quiz;
    if (quiz && quiz.score !== null && quiz.score !== undefined) {
      var raw = Math.round(quiz.score * 100);
      lms.set(v2004 ? 'cmi.score.raw' : 'cmi.core.score.raw', raw);
      lms.set(v2004 ? 'cmi.score.min' : 'cmi.core.score.min', 0);
      lms.set(v2004 ? 'cmi.score.max' : 'cmi.core.score.max', 100);
      if (v2004) { lms.set('cmi.score.scaled', quiz.score); }
    }
    if (v2004) {
      lms.set('cmi.completion_status', summary.complete ? 'completed' : 'incomplete');
      if (summary.total) { lms.set('cmi.progress_measure', Math.round(100 * summary.done / summary.total) / 100); }
      lms.set('cmi.success_status', !quiz || !quiz.attempted ? 'unknown' : (quiz.passed ? 'passed' : 'failed'));
    } else {
      var status = summary.complete ? 'completed' : 'incomplete';
      if (quiz && quiz.attempted) { status = quiz.passed ? 'passed' : 'failed'; }
      lms.set('cmi.core.lesson_status', status);
    }
    lms.commitSoon();
  }

  /* Progress of the whole SCO, from each block backend's progress(). */
  SCORM.summary = function () {
    var total = 0, done = 0, quiz = null;
    Object.keys(backends).forEach(function (usage) {
      var backend = backends[usage];
      if (!backend.progress) { return; }
      var p = backend.progress();
      if (!p.graded) { return; }
      total += 1;
      if (p.complete) { done += 1; }
      if (backend.type === 'lmd_quiz') { quiz = p; }
    });
    return {total: total, done: done, complete: total > 0 && done === total, quiz: quiz};
  };
  SCORM.backendsInside = function (element) {
    return Array.prototype.map.call(element.querySelectorAll('[data-usage]'), function (el) {
      return backends[key(el)];
    }).filter(Boolean);
  };

  window.LMD_LOCAL_BACKEND = {
    forBlock: function (element) {
      var wrapper = element.closest('[data-usage]');
      var backend = backends[key(wrapper)];
      return {local: true, call: function (handler, payload) {
        return new Promise(function (resolve) {
          if (!backend || !backend.handlers[handler]) {
            throw error(400, SCORM.t('unavailable'));
          }
          resolve(backend.handlers[handler](payload || {}));
        });
      }};
    }
  };

  function showNotRecorded() {
    var note = document.createElement('p');
    note.className = 'lmd-scorm-note';
    note.setAttribute('role', 'status');
    note.textContent = config.i18n.notRecorded;
    document.body.insertBefore(note, document.body.firstChild);
  }

  /* The mini XBlock runtime: read each block's init arguments, let its backend restore the
   * learner's state into them, and call the block's own init function. */
  var runtime = {handlerUrl: function () { return '#'; }, notify: function () {}};

  function start() {
    if (lms.connected) {
      lms.initialize();
      var saved = lms.get('cmi.suspend_data');
      if (saved) { try { store = JSON.parse(saved); } catch (e) { store = {v: 1, b: {}}; } }
    } else {
      showNotRecorded();
    }
    var wrappers = Array.prototype.slice.call(document.querySelectorAll('[data-usage]'));
    wrappers.forEach(function (el) {
      var usage = key(el);
      var block = content[usage];
      var factory = block && SCORM.backends[block.type];
      if (factory) { backends[usage] = factory(usage, block.content, el); backends[usage].type = block.type; }
    });
    wrappers.reverse().forEach(function (el) {  /* children first, as the XBlock runtime does */
      var init = el.getAttribute('data-init');
      var argsNode = el.querySelector(':scope > script.lmd-init');
      if (!init || !window[init]) { return; }
      var backend = backends[key(el)];
      if (argsNode && backend && backend.restore) {
        /* The learner's saved state goes into the block's own init data, which the block reads. */
        argsNode.textContent = JSON.stringify(backend.restore(JSON.parse(argsNode.textContent)));
      }
      window[init](runtime, el);
    });
    if (lms.connected) { report(); }
    window.addEventListener('pagehide', function () { lms.finish(SCORM.summary().complete); });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
