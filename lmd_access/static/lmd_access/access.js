// The access pages' behaviour (a file: the pages run under a Content-Security-Policy without
// 'unsafe-inline'): what every page of ours does, from the blocks' shared lmd.js (LMD.page),
// which the page loads first.
document.addEventListener('DOMContentLoaded', function () {
  if (window.LMD) { window.LMD.page(); }
});
