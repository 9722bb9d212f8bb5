/* Shared front end of the LMD blocks: the backend a block talks to, and small DOM helpers.
 * In Open edX and the demo the backend posts to the block's handlers; inside a SCORM package
 * the page installs window.LMD_LOCAL_BACKEND, which grades locally and reports to the LMS. */
(function () {
  'use strict';
  if (window.LMD) { return; }
  var LMD = window.LMD = {};

  LMD.el = function (element) { return element && element.jquery ? element[0] : element; };

  /* A block's init data: the JSON island the server wrote as the first child of the block's
   * wrapper (xblocks/common/rendering.py escapes it once, for every runtime). Not the runtime's
   * own init arguments: some runtimes write those without escaping '</script>'. */
  LMD.initData = function (element) {
    var node = LMD.el(element).querySelector(':scope > script.lmd-init');
    return node ? JSON.parse(node.textContent) : {};
  };

  /* A sentence of a string table: a string, or a plural table from the server
   * (xblocks/common/plurals.py: {count, language, forms: {CLDR category: sentence}}) whose form
   * is chosen by the number in values[count], with the browser's CLDR plural rules. */
  LMD.pick = function (text, values) {
    if (!text || typeof text !== 'object' || !text.forms) { return text; }
    var category = 'other';
    try {
      category = new Intl.PluralRules(text.language).select(Number((values || {})[text.count]));
    } catch (e) { /* no Intl: the 'other' form */ }
    var forms = text.forms;
    return forms[category] || forms.other || forms[Object.keys(forms)[0]];
  };

  LMD.format = function (text, values) {
    return String(LMD.pick(text, values)).replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  };

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  LMD.backend = function (runtime, element, blockType) {
    if (window.LMD_LOCAL_BACKEND) { return window.LMD_LOCAL_BACKEND.forBlock(LMD.el(element), blockType); }
    return {
      local: false,
      call: function (handler, payload) {
        return fetch(runtime.handlerUrl(LMD.el(element), handler), {
          method: 'POST',
          credentials: 'same-origin',
          headers: {'Content-Type': 'application/json', 'X-CSRFToken': csrfToken()},
          body: JSON.stringify(payload || {})
        }).then(function (response) {
          return response.json().catch(function () { return {}; }).then(function (body) {
            if (!response.ok) {
              var error = new Error(body.error || response.statusText);
              error.status = response.status;
              throw error;
            }
            return body;
          });
        });
      }
    };
  };

  /* Tell containers (the module's progress bar) that a block's state changed. */
  LMD.announce = function (node, detail) {
    node.dispatchEvent(new CustomEvent('lmd:progress', {bubbles: true, detail: detail || {}}));
  };

  LMD.setText = function (node, text) { if (node) { node.textContent = text; } };

  LMD.make = function (tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  };

  LMD.counter = function (textarea, output, template) {
    function update() {
      var max = parseInt(textarea.getAttribute('maxlength'), 10);
      output.textContent = LMD.format(template, {n: textarea.value.length, max: max});
    }
    textarea.addEventListener('input', update);
    update();
  };
})();
