/* The course pages' XBlock runtime: what the blocks' scripts need of one, and nothing more (the
 * workbench's runtime brings jQuery and two plugins, about 100 KB that no LMD block uses). It
 * starts each block's script, children before their container as XBlock runtimes do, and builds
 * handler URLs on the course's handler route, where the learner is the signed-in account. */
(function () {
  'use strict';
  var base = document.currentScript.getAttribute('data-handler-base-url');
  var runtime = {
    handlerUrl: function (element, handler, suffix, query) {
      var url = base + encodeURIComponent(element.getAttribute('data-usage')) + '/' + handler + '/' + (suffix || '');
      return query ? url + '?' + query : url;
    },
    notify: function () {}
  };
  function start() {
    var blocks = Array.prototype.slice.call(document.querySelectorAll('[data-init][data-usage]'));
    blocks.reverse().forEach(function (element) {
      var init = window[element.getAttribute('data-init')];
      if (typeof init === 'function') { init(runtime, element); }
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
