/* lmd_case_study front end: answers saved as the learner types, submission after an inline
 * confirmation, the analysis reveal and the self-assessment. One render(state) for the page's
 * init data and for every handler answer. Learner text is only ever set as a textarea value
 * (never as HTML); the analysis arrives sanitized by the server's sanitize_html() (or at export,
 * for SCORM) and only after submission. */
function LmdCaseStudyBlock(runtime, element) {
  'use strict';
  var LMD = window.LMD;
  var data = LMD.initData(element);
  var root = LMD.el(element).querySelector('#' + data.rootId) || LMD.el(element);
  var t = data.i18n;
  var backend = LMD.backend(runtime, element, 'lmd_case_study');
  var form = root.querySelector('.lmd-case-form');
  var actions = form.querySelector('.lmd-actions');
  var saveButton = root.querySelector('.lmd-save');
  var submitButton = root.querySelector('.lmd-submit');
  var analysis = root.querySelector('.lmd-analysis');
  var assessForm = root.querySelector('.lmd-assess-form');
  var assessButton = assessForm.querySelector('button');
  var status = root.querySelector('.lmd-status');
  var areas = Array.prototype.slice.call(form.querySelectorAll('textarea'));
  var boxes = Array.prototype.slice.call(assessForm.querySelectorAll('input[type=checkbox]'));
  var busy = false;
  var submitted = !!data.state.submitted;

  function answers() {
    var out = {};
    areas.forEach(function (area) { out[area.name] = area.value; });
    return out;
  }

  function render(state, focusAnalysis) {
    /* The page's init data leaves the answers out (the textareas already hold them); a handler's
     * answer and a SCORM package's saved state carry them. */
    var given = state.answers || null;
    submitted = !!state.submitted;
    areas.forEach(function (area) {
      if (given && given[area.name] !== undefined && document.activeElement !== area) { area.value = given[area.name]; }
      area.readOnly = submitted;
      area.dispatchEvent(new Event('input'));  /* refresh the counter (not a keystroke: no autosave) */
    });
    actions.hidden = submitted;
    var hint = form.querySelector('.lmd-hint');
    if (hint) { hint.hidden = submitted; }
    if (submitted && state.analysis_html !== null && state.analysis_html !== undefined) {
      root.querySelector('.lmd-analysis-body').innerHTML = state.analysis_html;
      LMD.stackTables(analysis);
      analysis.hidden = false;
      assessForm.hidden = false;
      if (focusAnalysis) { LMD.focus(analysis.querySelector('h4')); }
    }
    boxes.forEach(function (box) { box.checked = (state.assessment || []).indexOf(box.value) !== -1; });
    if (state.score !== null && state.score !== undefined) {
      status.textContent = LMD.format(t.assessed, {score: Math.round(state.score * 100)});
    }
  }

  function buttons(disabled) {
    [saveButton, submitButton, assessButton].forEach(function (b) { b.disabled = disabled; });
  }

  /* One request at a time: a double click must not submit twice or save over a submission. */
  function send(handler, payload, waiting, done, after) {
    if (busy) { return; }
    busy = true;
    buttons(true);
    status.textContent = waiting || '';
    backend.call(handler, payload).then(function (state) {
      render(state, handler === 'submit');
      if (done) { status.textContent = done; }
      if (after) { after(true); }
      LMD.announce(root, {type: 'lmd_case_study', state: state});
    }, function (error) {
      status.textContent = error.status ? error.message : t.networkError;
      if (after) { after(false); }
    }).then(function () {
      busy = false;
      buttons(false);
    });
  }

  /* The facilitator's CSV link (staff only): the runtime knows the handler route of this page
   * (the server-side href is the fallback). */
  var csvLink = root.querySelector('.lmd-csv');
  if (csvLink && runtime.handlerUrl && !backend.local) { csvLink.href = runtime.handlerUrl(LMD.el(element), 'facilitator_csv'); }

  areas.forEach(function (area) {
    LMD.counter(area, root.querySelector('#' + area.getAttribute('aria-describedby')), t.counter);
  });

  /* Drafts save themselves while the learner types (and as the page is left); "Save draft" saves
   * at once. */
  var autosave = LMD.autosave({
    fields: areas,
    key: 'lmd-draft:' + data.rootId,
    stateNode: actions.querySelector('.lmd-save-state'),
    value: answers,
    save: function (keepalive) { return backend.call('save_draft', {answers: answers()}, {keepalive: keepalive}); },
    t: t
  });

  /* "Save draft" saves at once and says so in the status line, as it always did. */
  saveButton.addEventListener('click', function () {
    autosave.stop().then(function () {
      send('save_draft', {answers: answers()}, t.saving, t.saved, function (ok) {
        autosave.start();
        if (ok) { autosave.clean(); }
      });
    });
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy || submitted) { return; }
    var given = answers();
    var empty = areas.filter(function (area) { return !given[area.name].trim(); });
    if (empty.length) { status.textContent = t.empty; empty[0].focus(); return; }
    status.textContent = '';
    /* Submitting locks the answers: the learner confirms, in the page (no window.confirm). */
    LMD.confirmStep(actions, {
      question: t.confirmSubmit, yes: t.confirmYes, no: t.confirmNo,
      onYes: function () {
        autosave.stop().then(function () {
          send('submit', {answers: answers()}, t.submitting, t.submitted, function (ok) {
            if (ok) { autosave.done(); } else { autosave.start(); LMD.focus(status); }
          });
        });
      }
    });
  });

  assessForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var points = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    send('assess', {points: points}, t.saving, null, function (ok) { if (ok) { LMD.focus(status); } });
  });

  LMD.stackTables(root);
  render(data.state, false);
  if (!submitted) {
    /* Text a failed save kept in this tab (the connection dropped, then the page was reloaded). */
    var kept = autosave.restore();
    if (kept && areas.some(function (area) { return kept[area.name] !== undefined && kept[area.name] !== area.value; })) {
      areas.forEach(function (area) {
        if (typeof kept[area.name] === 'string') { area.value = kept[area.name]; area.dispatchEvent(new Event('input')); }
      });
      autosave.changed();
    }
  }
}
