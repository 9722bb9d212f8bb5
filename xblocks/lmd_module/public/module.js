/* lmd_module front end: keeps the progress panel current as the learner completes activities. */
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
    var lines = [LMD.format(t.progress, {done: progress.done, total: progress.total})];
    if (progress.score !== null) { lines.push(LMD.format(t.result, {score: Math.round(progress.score * 100)})); }
    if (progress.quiz_passed !== null) { lines.push(progress.quiz_passed ? t.quizPassed : t.quizNotPassed); }
    if (progress.complete) { lines.push(t.complete); }
    root.querySelector('.lmd-progress-text').textContent = lines.join(' · ');
    var links = root.querySelectorAll('.lmd-activity-list a');
    progress.activities.forEach(function (activity, index) {
      if (links[index]) { links[index].classList.toggle('lmd-done', activity.complete); }
    });
    var resume = root.querySelector('.lmd-continue');
    resume.textContent = '';
    if (progress.next && progress.done > 0) {
      var link = LMD.make('a', null, t.continue);
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
