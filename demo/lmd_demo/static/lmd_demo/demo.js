// The demo pages' behaviour, kept out of the markup: the Content-Security-Policy runs no
// inline handlers. lmd.js (the blocks' shared script, loaded first) has what every page of ours
// does (LMD.page); this file adds what only the demo does.
document.addEventListener('DOMContentLoaded', function () {
  if (window.LMD) { window.LMD.page(); }
  // Signing out forgets the drafts a failed autosave kept in this tab (a shared computer).
  document.querySelectorAll('[data-sign-out]').forEach(function (button) {
    button.form.addEventListener('submit', function () {
      try {
        Object.keys(sessionStorage).filter(function (k) { return k.indexOf('lmd-') === 0; })
          .forEach(function (k) { sessionStorage.removeItem(k); });
      } catch (e) { /* storage off */ }
    });
  });
});
