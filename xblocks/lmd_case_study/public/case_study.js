/* lmd_case_study front end: drafts, submission, the analysis reveal and the self-assessment.
 * One render(state) for the page's init data and for every handler answer. Learner text is only
 * ever set as a textarea value (never as HTML); the analysis arrives sanitized by the server's
 * sanitize_html() (or at export, for SCORM) and only after submission. */
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

  function answers() {
    var out = {};
    areas.forEach(function (area) { out[area.name] = area.value; });
    return out;
  }

  function render(state, focusAnalysis) {
    /* The page's init data leaves the answers out (the textareas already hold them); a handler's
     * answer and a SCORM package's saved state carry them. */
    var given = state.answers || null;
    areas.forEach(function (area) {
      if (given && given[area.name] !== undefined) { area.value = given[area.name]; }
      area.readOnly = !!state.submitted;
      area.dispatchEvent(new Event('input'));  /* refresh the counter */
    });
    actions.hidden = !!state.submitted;
    if (state.submitted && state.analysis_html !== null && state.analysis_html !== undefined) {
      root.querySelector('.lmd-analysis-body').innerHTML = state.analysis_html;
      analysis.hidden = false;
      assessForm.hidden = false;
      if (focusAnalysis) { analysis.querySelector('h4').focus(); }
    }
    boxes.forEach(function (box) { box.checked = (state.assessment || []).indexOf(box.value) !== -1; });
    if (state.score !== null && state.score !== undefined) {
      status.textContent = LMD.format(t.assessed, {score: Math.round(state.score * 100)});
    }
  }

  /* One request at a time: a double click must not submit twice or save over a submission. */
  function send(handler, payload, waiting, done) {
    if (busy) { return; }
    busy = true;
    [saveButton, submitButton, assessButton].forEach(function (b) { b.disabled = true; });
    status.textContent = waiting || '';
    backend.call(handler, payload).then(function (state) {
      render(state, handler === 'submit');
      if (done) { status.textContent = done; }
      LMD.announce(root, {type: 'lmd_case_study', state: state});
    }, function (error) {
      status.textContent = error.status ? error.message : t.networkError;
    }).then(function () {
      busy = false;
      [saveButton, submitButton, assessButton].forEach(function (b) { b.disabled = false; });
    });
  }

  /* The facilitator's CSV link (staff only): the runtime knows the handler route of this page
   * (the server-side href is the fallback). */
  var csvLink = root.querySelector('.lmd-csv');
  if (csvLink && runtime.handlerUrl && !backend.local) { csvLink.href = runtime.handlerUrl(LMD.el(element), 'facilitator_csv'); }

  areas.forEach(function (area) {
    LMD.counter(area, root.querySelector('#' + area.getAttribute('aria-describedby')), t.counter);
  });

  saveButton.addEventListener('click', function () {
    send('save_draft', {answers: answers()}, t.saving, t.saved);
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var given = answers();
    var empty = areas.filter(function (area) { return !given[area.name].trim(); });
    if (empty.length) { status.textContent = t.empty; empty[0].focus(); return; }
    send('submit', {answers: given}, t.submitting, t.submitted);
  });

  assessForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var points = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    send('assess', {points: points}, t.saving, null);
  });

  render(data.state, false);
}
