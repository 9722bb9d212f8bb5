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
      /* options.keepalive: the request outlives the page (a last autosave as the learner leaves) */
      call: function (handler, payload, options) {
        return fetch(runtime.handlerUrl(LMD.el(element), handler), {
          method: 'POST',
          credentials: 'same-origin',
          keepalive: !!(options && options.keepalive),
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

  /* Move the keyboard focus to `node` after an action (a heading, a status line, a panel),
   * making it focusable by script only when it is not focusable already. */
  LMD.focus = function (node) {
    if (!node) { return; }
    if (!node.hasAttribute('tabindex') && !node.matches('a[href], button, input, select, textarea, summary')) {
      node.setAttribute('tabindex', '-1');
    }
    node.focus();
  };

  /* Tables readable on a phone: each body cell gets its column's header as data-label and the
   * table the class lmd-stack; whenever the table would be wider than its container, or the
   * container is phone-narrow (under 36rem), it also gets lmd-stacked, and lmd.css shows each row
   * as a small card: no column is ever off-screen (a cell that spans rows shows in the first
   * card of its rows). The ARIA roles keep the table's semantics for screen readers, which some
   * browsers drop from a table displayed as blocks. */
  var PHONE = 36;  /* rem */
  var fittedAt = new WeakMap();  /* each container's width (clientWidth) when its tables were last fitted */
  /* Fits `tables` all at once, reading before writing: a layout for all the measures, not one
   * per table (a class changed between two measures makes the browser lay the page out again,
   * a phone's main thread blocked for tenths of a second on a page of exhibits). A table already
   * shown as cards in a phone-narrow container stays so without being measured whole again. */
  function fit(tables) {
    tables = tables.filter(function (table) { return table.parentElement; });
    if (!tables.length) { return; }
    var rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    function narrow(table) {
      var width = table.parentElement.clientWidth;
      fittedAt.set(table.parentElement, width);
      return width < PHONE * rem && table.tHead.rows[0].cells.length > 2;
    }
    var cards = [], whole = [];
    tables.forEach(function (table) { (narrow(table) ? cards : whole).push(table); });
    /* the others are measured as tables: those shown as cards now are shown whole first */
    var unstacked = whole.filter(function (table) { return table.classList.contains('lmd-stacked'); });
    unstacked.forEach(function (table) { table.classList.remove('lmd-stacked'); });
    whole.forEach(function (table) {
      if ((unstacked.length && narrow(table)) || table.offsetWidth > table.parentElement.clientWidth + 1) {
        cards.push(table);
      }
    });
    cards.forEach(function (table) { table.classList.add('lmd-stacked'); });
  }
  var widths = new WeakMap();  /* only a change of width matters (the cards change the height) */
  var watcher = window.ResizeObserver ? new ResizeObserver(function (entries) {
    var tables = [];
    entries.forEach(function (entry) {
      var width = Math.round(entry.contentRect.width), known = widths.get(entry.target);
      widths.set(entry.target, width);
      if (known === width) { return; }
      /* the first report of a container just fitted at this width: nothing to do again */
      if (known === undefined && fittedAt.get(entry.target) === entry.target.clientWidth) { return; }
      tables.push.apply(tables, entry.target.querySelectorAll(':scope > table.lmd-stack'));
    });
    fit(tables);
  }) : null;

  /* The column each body cell sits in, counting the cells that earlier rows span down into:
   * [[column of each cell] per row]. */
  function columns(body) {
    var spans = [];  /* rows still covered, per column */
    return Array.prototype.map.call(body.rows, function (row) {
      var column = 0, out = [];
      Array.prototype.forEach.call(row.cells, function (cell) {
        while (spans[column] > 0) { column += 1; }
        out.push(column);
        for (var c = column; c < column + (cell.colSpan || 1); c += 1) { spans[c] = (cell.rowSpan || 1); }
        column += cell.colSpan || 1;
      });
      for (var c = 0; c < spans.length; c += 1) { if (spans[c] > 0) { spans[c] -= 1; } }
      return out;
    });
  }

  /* onlyNew: only the tables not labelled yet (the page's pass after the blocks labelled theirs) */
  LMD.stackTables = function (scope, onlyNew) {
    var tables = [];
    Array.prototype.forEach.call(LMD.el(scope).querySelectorAll(onlyNew ? 'table:not(.lmd-stack)' : 'table'), function (table) {
      var head = table.tHead && table.tHead.rows.length === 1 ? table.tHead.rows[0] : null;
      if (!head || head.querySelector('[colspan]:not([colspan="1"])')) { return; }
      var labels = Array.prototype.map.call(head.cells, function (cell) { return cell.textContent.trim(); });
      table.setAttribute('role', 'table');
      Array.prototype.forEach.call(table.querySelectorAll(':scope > thead, :scope > tbody, :scope > tfoot'), function (group) {
        group.setAttribute('role', 'rowgroup');
      });
      Array.prototype.forEach.call(head.cells, function (cell) { cell.setAttribute('role', 'columnheader'); });
      head.setAttribute('role', 'row');
      Array.prototype.forEach.call(table.tBodies, function (body) {
        var grid = columns(body);
        Array.prototype.forEach.call(body.rows, function (row, r) {
          row.setAttribute('role', 'row');
          Array.prototype.forEach.call(row.cells, function (cell, index) {
            cell.setAttribute('role', cell.tagName === 'TH' ? 'rowheader' : 'cell');
            /* a row's own header (th) is its card's title: no label */
            var label = cell.colSpan > 1 || cell.tagName === 'TH' ? '' : labels[grid[r][index]];
            if (label) { cell.setAttribute('data-label', label); } else { cell.removeAttribute('data-label'); }
          });
        });
      });
      var fresh = !table.classList.contains('lmd-stack');
      table.classList.add('lmd-stack');
      tables.push(table);
      if (fresh && watcher && table.parentElement) { watcher.observe(table.parentElement); }
    });
    fit(tables);
  };

  /* An inline confirmation step before an action that cannot be undone (instead of
   * window.confirm, which screen readers and phones handle badly): a panel after `anchor` with
   * the question and two buttons. The question takes the focus; "No" or Escape puts the focus
   * back where it was. options: {question, yes, no, onYes}. Returns a function that closes it. */
  LMD.confirmStep = function (anchor, options) {
    var back = document.activeElement;
    var old = anchor.parentNode.querySelector(':scope > .lmd-confirm');
    if (old) { old.remove(); }
    var panel = LMD.make('div', 'lmd-confirm');
    panel.setAttribute('role', 'group');
    var question = LMD.make('p', null, options.question);
    question.id = (anchor.id || 'lmd') + '-confirm-' + Math.random().toString(36).slice(2, 8);
    panel.setAttribute('aria-labelledby', question.id);
    var yes = LMD.make('button', 'lmd-button' + (options.danger ? ' lmd-danger' : ''), options.yes);
    var no = LMD.make('button', 'lmd-button lmd-secondary', options.no);
    yes.type = no.type = 'button';
    panel.appendChild(question);
    panel.appendChild(yes);
    panel.appendChild(no);
    anchor.parentNode.insertBefore(panel, anchor.nextSibling);
    function close(restore) {
      panel.remove();
      if (restore && back && back.focus) { back.focus(); }
    }
    yes.addEventListener('click', function () { close(false); options.onYes(); });
    no.addEventListener('click', function () { close(true); });
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { event.preventDefault(); close(true); }
    });
    LMD.focus(question);
    return close;
  };

  /* Autosave of typed work: `save()` (a promise) runs `delay` ms after the last keystroke, when
   * the field loses focus, and as the page is left (keepalive); while a save fails, the text is
   * also kept in this tab's sessionStorage under `key`, so a reload does not lose it.
   * `stateNode` shows the state: a visible note while typing or saving ("Saving…", not read
   * aloud), then "Saved at 10:42" or the error in its live region, which screen readers announce.
   * options: {fields, value() -> what to keep, save(keepalive) -> promise, key, stateNode, delay,
   * t: {saving, unsaved, savedAt, saveFailed}}. Returns {flush(), changed(), restore() -> the
   * text kept in the tab or null, stop(), start(), done(), clean()}. */
  LMD.autosave = function (options) {
    var timer = null, dirty = false, running = null, stopped = false;
    var t = options.t, delay = options.delay || 1500;
    var live = options.stateNode.querySelector('.lmd-save-live');
    var note = options.stateNode.querySelector('.lmd-save-note');
    var language = (options.stateNode.closest('[lang]') || document.documentElement).getAttribute('lang') || undefined;
    function show(state, text) {
      options.stateNode.setAttribute('data-state', state);
      if (state === 'saved' || state === 'error') { note.textContent = ''; live.textContent = text; }
      else { live.textContent = ''; note.textContent = text; }
    }
    function keep() {
      try { sessionStorage.setItem(options.key, JSON.stringify(options.value())); } catch (e) { /* storage off */ }
    }
    function forget() {
      try { sessionStorage.removeItem(options.key); } catch (e) { /* storage off */ }
    }
    function run(keepalive) {
      clearTimeout(timer);
      timer = null;
      if (!dirty || stopped) { return running || Promise.resolve(); }
      if (running && !keepalive) { timer = setTimeout(run, delay); return running; }
      dirty = false;
      show('saving', t.saving);
      running = Promise.resolve().then(function () { return options.save(!!keepalive); }).then(function () {
        running = null;
        if (dirty) { return; }
        forget();
        var time = new Date().toLocaleTimeString(language, {hour: '2-digit', minute: '2-digit'});
        show('saved', LMD.format(t.savedAt, {time: time}));
      }, function (error) {
        running = null;
        dirty = true;
        keep();
        show('error', error && error.status ? error.message : t.saveFailed);
        if (!error || !error.status || error.status >= 500) { timer = setTimeout(run, delay * 8); }  /* try again later */
      });
      return running;
    }
    function changed() {
      if (stopped) { return; }
      dirty = true;
      keep();
      show('dirty', t.unsaved);
      clearTimeout(timer);
      timer = setTimeout(run, delay);
    }
    options.fields.forEach(function (field) {
      field.addEventListener('input', function (event) { if (event.isTrusted !== false) { changed(); } });
      field.addEventListener('blur', function () { run(false); });
    });
    function leaving() { if (dirty) { keep(); run(true); } }
    window.addEventListener('pagehide', leaving);
    document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') { leaving(); } });
    return {
      flush: function () { return run(false); },
      changed: changed,
      restore: function () {
        try { return JSON.parse(sessionStorage.getItem(options.key) || 'null'); } catch (e) { return null; }
      },
      /* stop: no more saves (the text was submitted, or is being); start: saves again */
      stop: function () { stopped = true; clearTimeout(timer); return running || Promise.resolve(); },
      start: function () { stopped = false; },
      done: function () { stopped = true; dirty = false; clearTimeout(timer); forget(); show('idle', ''); },
      /* clean: the text was just saved another way (the learner's own Save button, which says so) */
      clean: function () { dirty = false; clearTimeout(timer); forget(); show('idle', ''); }
    };
  };

  /* The behaviour of our own pages (the demo's, the access app's), once per page: a select marked
   * data-submit-on-change sends its form (the language menu; without JavaScript its form keeps a
   * button), a button marked data-print prints the page, tables read as cards on a phone, and
   * after an action the focus goes to the message that reports it ([data-lmd-focus]). */
  LMD.page = function () {
    if (LMD.page.done) { return; }
    LMD.page.done = true;
    Array.prototype.forEach.call(document.querySelectorAll('select[data-submit-on-change]'), function (select) {
      select.addEventListener('change', function () { select.form.submit(); });
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    });
    /* the blocks' tables are labelled and fitted already, by their own scripts */
    LMD.stackTables(document.querySelector('main') || document.body, true);
    LMD.focus(document.querySelector('[data-lmd-focus]'));
  };
})();
