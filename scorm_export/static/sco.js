/* The SCO runtime of an LMD package: a tiny XBlock runtime that starts the blocks' own scripts,
 * local backends that answer their handler calls (the grading specification in JavaScript), and
 * the reporting of score, status, suspend data and location to the LMS.
 * Backends for each block type register in LMD_SCORM.backends (see backends/*.js); the pass rule
 * (pass_rule.js), interactions (interactions.js), location (location.js) and what a learner's
 * text may hold (learner_text.js) have their own files. */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('lmd-scorm-config').textContent);
  var content = JSON.parse(document.getElementById('lmd-scorm-content').textContent);
  var lms = new window.LmdScormApi.Adapter(config.version);
  var v2004 = config.version === '2004';
  var store = {v: 1, b: {}};
  var backends = {};

  var SCORM = window.LMD_SCORM = window.LMD_SCORM || {backends: {}};
  SCORM.config = config;
  SCORM.lms = lms;
  var interactions = new SCORM.Interactions(lms, config.language);
  var place = new SCORM.Location(lms);

  function key(element) { return element.getAttribute('data-usage'); }

  /* Suspend data: one short key per block (its position on the page), compact JSON. */
  var blockKeys = {};
  Array.prototype.forEach.call(document.querySelectorAll('[data-usage]'), function (el, index) {
    blockKeys[key(el)] = index.toString(36);
  });
  SCORM.stateOf = function (usage) { return store.b[blockKeys[usage]]; };
  /* Stores a block's new state, or refuses it (400, nothing changed) when the suspend data
   * would not fit the LMS's limit, counted as the LMS counts it: the JSON text's length. Refusing
   * this one change keeps every later save possible. `adopt(state)` lets the backend take the
   * new state as its own once it is stored, before the LMS hears about it. */
  SCORM.saveState = function (usage, state, adopt) {
    var slot = blockKeys[usage];
    var before = store.b[slot];
    store.b[slot] = state;
    var text = JSON.stringify(store);
    if (text.length > config.suspend_limit) {
      if (before === undefined) { delete store.b[slot]; } else { store.b[slot] = before; }
      throw error(400, SCORM.t('tooMuchToSave'));
    }
    if (adopt) { adopt(state); }
    lms.set('cmi.suspend_data', text);
    report();
  };
  SCORM.suspendData = function () { return JSON.stringify(store); };

  SCORM.t = function (key) { return config.i18n[key] || key; };
  /* SCORM.t with {placeholders} filled in, as the blocks' own LMD.format does. */
  SCORM.format = function (key, values) {
    var text = SCORM.t(key);
    if (text && typeof text === 'object' && text.forms) {  /* a plural table, as LMD.pick reads it */
      var category = 'other';
      try { category = new Intl.PluralRules(text.language).select(Number(values[text.count])); } catch (e) { /* other */ }
      text = text.forms[category] || text.forms.other;
    }
    return String(text).replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  };

  function error(status, message) { var e = new Error(message); e.status = status; return e; }
  SCORM.error = error;

  SCORM.recordInteraction = function (question, response, correct) {
    interactions.record(question, response, correct);
  };

  /* What the LMS sees: the module's own quiz decides score and success (a course pre-test or
   * post-test placed in the module never does: it reports its interactions only); all
   * activities, the pre-test and post-test included, decide completion. */
  function report() {
    var summary = SCORM.summary();
    var quiz = summary.quiz;
    if (quiz && quiz.score !== null && quiz.score !== undefined) {
      /* The quiz's best score, as the whole percent the pass rule judged (and the page shows):
       * an LMS comparing it with the manifest's mastery score reaches the same verdict. */
      var percent = SCORM.passRule.percent(quiz.score);
      lms.set(v2004 ? 'cmi.score.raw' : 'cmi.core.score.raw', percent);
      lms.set(v2004 ? 'cmi.score.min' : 'cmi.core.score.min', 0);
      lms.set(v2004 ? 'cmi.score.max' : 'cmi.core.score.max', 100);
      if (v2004) { lms.set('cmi.score.scaled', percent / 100); }
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
      if (backend.type === 'lmd_quiz' && !p.purpose) { quiz = p; }
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

  function showNotRecorded(why) {
    var note = document.createElement('p');
    note.className = 'lmd-scorm-note';
    note.setAttribute('role', 'status');
    note.textContent = config.i18n[why] || config.i18n.notRecorded;
    document.body.insertBefore(note, document.body.firstChild);
  }

  /* Start the LMS session and read back what it kept, or play unrecorded with the notice when
   * there is no LMS, it cannot be reached, or it refuses the session. Returns the location to
   * resume at. In SCORM 2004 the suspend data and the location exist only when the attempt
   * resumes (GetValue answers 403 otherwise); SCORM 1.2 has them always, empty at first. */
  function connect() {
    if (!lms.initialize()) {
      showNotRecorded(lms.found ? 'notStarted' : 'notRecorded');
      return '';
    }
    var resumed = !v2004 || lms.get('cmi.entry') === 'resume';
    var saved = resumed ? lms.get('cmi.suspend_data') : '';
    if (saved) { try { store = JSON.parse(saved); } catch (e) { store = {v: 1, b: {}}; } }
    interactions.start();
    return resumed ? lms.get(v2004 ? 'cmi.location' : 'cmi.core.lesson_location') : '';
  }

  /* The mini XBlock runtime: read each block's init arguments, let its backend restore the
   * learner's state into them, and call the block's own init function. */
  var runtime = {handlerUrl: function () { return '#'; }, notify: function () {}};

  function start() {
    var resumeAt = connect();
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
    if (lms.connected) { report(); place.start(resumeAt); }
    window.addEventListener('pagehide', function () {
      /* Written at every exit, even unchanged: a resumed 2004 attempt reads both back, and
       * reading an element never set is an error (403). */
      lms.set('cmi.suspend_data', SCORM.suspendData());
      place.save();
      lms.finish(SCORM.summary().complete);
    });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
