/* lmd_module front end: keeps the progress panel current as the learner completes activities:
 * the bar, the count, a tick on each activity done, the module result once there is one, and a
 * link to the next activity to do. */
function LmdModuleBlock(runtime, element) {
  'use strict';
  var LMD = window.LMD;
  var root = LMD.el(element).querySelector('.lmd-module');
  var data = LMD.initData(element);
  var t = data.i18n;
  var backend = LMD.backend(runtime, element, 'lmd_module');

  function render(progress) {
    var bar = root.querySelector('.lmd-progress');
    bar.value = progress.percent;
    bar.textContent = progress.percent + '%';
    /* A result only once the learner has one: an untouched module says "not started", not 0 %. */
    var scored = progress.activities.some(function (a) { return a.score !== null && a.score !== undefined; });
    var lines = [LMD.format(t.progress, {done: progress.done, total: progress.total})];
    if (!scored && progress.done === 0) { lines.push(t.notStarted); }
    if (scored && progress.score !== null) { lines.push(LMD.format(t.result, {score: Math.round(progress.score * 100)})); }
    if (scored && progress.quiz_passed !== null) { lines.push(progress.quiz_passed ? t.quizPassed : t.quizNotPassed); }
    if (progress.complete) { lines.push(t.complete); }
    root.querySelector('.lmd-progress-text').textContent = lines.join(' · ');
    var links = root.querySelectorAll('.lmd-activity-list a');
    progress.activities.forEach(function (activity, index) {
      var link = links[index];
      if (!link) { return; }
      link.classList.toggle('lmd-done', !!activity.complete);
      LMD.setText(link.querySelector('.lmd-done-text'), activity.complete ? ' ' + t.done : '');
    });
    var resume = root.querySelector('.lmd-continue');
    resume.textContent = '';
    if (progress.next && progress.done > 0) {
      var link = LMD.make('a', 'lmd-button lmd-secondary', t.continue);
      link.href = '#' + progress.next + '-anchor';
      resume.appendChild(link);
    }
  }

  if (!data.progress) { return; }  /* an overview unit (Open edX): the platform shows progress */
  root.addEventListener('lmd:progress', function () {
    backend.call('progress_summary', {}).then(render, function () { /* the panel stays as it was */ });
  });
  render(data.progress);
}
