/* Studio editor of the LMD blocks: send the XML, show the server's verdict, save only if valid. */
function LmdStudioEditor(runtime, element) {
  'use strict';
  var LMD = window.LMD;
  var data = LMD.initData(element);
  var root = LMD.el(element).querySelector('#' + data.rootId);
  var form = root.querySelector('form');
  var status = root.querySelector('.lmd-status');
  var backend = LMD.backend(runtime, element, 'studio');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    status.textContent = data.i18n.saving;
    if (runtime.notify) { runtime.notify('save', {state: 'start'}); }
    backend.call('studio_submit', {xml: root.querySelector('.lmd-xml').value}).then(function () {
      status.textContent = data.i18n.saved;
      if (runtime.notify) { runtime.notify('save', {state: 'end'}); }
    }, function (error) {
      var message = error.status ? LMD.format(data.i18n.invalid, {message: error.message}) : data.i18n.network;
      status.textContent = message;
      status.classList.add('lmd-error');
      if (runtime.notify) { runtime.notify('error', {title: data.i18n.notSaved, message: error.message}); }
    });
  });
  root.querySelector('.cancel-button').addEventListener('click', function () {
    if (runtime.notify) { runtime.notify('cancel', {}); }
  });
}
