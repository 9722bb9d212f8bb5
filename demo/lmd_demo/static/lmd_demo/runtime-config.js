// The workbench's JavaScript runtime (workbench/js/runtime/1.js) builds handler URLs from three
// globals. They come from this script tag's data- attributes rather than an inline script,
// which the Content-Security-Policy would block.
(function () {
  var data = document.currentScript.dataset;
  window.studentId = data.studentId;
  window.handlerBaseUrl = data.handlerBaseUrl;
  window.asideBaseUrl = data.asideBaseUrl;
}());
