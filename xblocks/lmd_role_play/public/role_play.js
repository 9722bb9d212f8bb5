/* lmd_role_play front end: shows the current node, sends the learner's choices, shows endings. */
function LmdRolePlayBlock(runtime, element) {
  'use strict';
  var LMD = window.LMD;
  var data = LMD.initData(element);
  var root = LMD.el(element).querySelector('#' + data.rootId);
  var t = data.i18n;
  var backend = LMD.backend(runtime, element, 'lmd_role_play');
  var nodeBox = root.querySelector('.lmd-node');
  var endingBox = root.querySelector('.lmd-ending');
  var lastFeedback = root.querySelector('.lmd-last-feedback');
  var status = root.querySelector('.lmd-status');
  var reflection = root.querySelector('.lmd-reflection');
  var current = null;
  var editing = false;  /* the learner has typed since the last save: the server's copy is older */

  function pct(x) { return Math.round((x || 0) * 100); }

  function renderPath(path) {
    var list = root.querySelector('.lmd-path');
    list.textContent = '';
    path.forEach(function (step) {
      var li = LMD.make('li', null, LMD.format(t.yourChoice, {label: step.label}));
      li.appendChild(LMD.make('span', 'lmd-hint', step.feedback));
      list.appendChild(li);
    });
  }

  function render(state, feedback, moveFocus) {
    current = state.node ? state.node.id : null;
    renderPath(state.path);
    lastFeedback.hidden = !feedback;
    lastFeedback.textContent = feedback ? LMD.format(t.feedback, {text: feedback}) : '';
    nodeBox.hidden = !state.node;
    if (state.node) {
      nodeBox.querySelector('.lmd-speaker').textContent = state.node.speaker;
      /* text_html comes sanitized by the server's sanitize_html() (or at export for SCORM) */
      nodeBox.querySelector('.lmd-node-text').innerHTML = state.node.text_html;
      var list = nodeBox.querySelector('.lmd-choices');
      list.textContent = '';
      state.node.choices.forEach(function (choice) {
        var li = LMD.make('li', 'lmd-option');
        var button = LMD.make('button', 'lmd-button lmd-secondary lmd-choice', choice.label);
        button.type = 'button';
        button.setAttribute('data-choice', choice.id);
        li.appendChild(button);
        list.appendChild(li);
      });
    }
    endingBox.hidden = !state.ending;
    if (state.ending) {
      endingBox.querySelector('.lmd-ending-title').textContent = state.ending.title;
      endingBox.querySelector('.lmd-ending-outcome').textContent = t['outcome_' + state.ending.outcome];
      endingBox.querySelector('.lmd-ending-debrief').innerHTML = state.ending.debrief_html;
      var body = endingBox.querySelector('.lmd-profile tbody');
      body.textContent = '';
      state.ending.profile.forEach(function (row) {
        var tr = LMD.make('tr');
        tr.appendChild(LMD.make('th', null, row.name)).setAttribute('scope', 'row');
        tr.appendChild(LMD.make('td', null, LMD.format(t.outOf, {points: row.points, max: row.max})));
        body.appendChild(tr);
      });
      var lines = [LMD.format(t.score, {score: pct(state.ending.score)})];
      if (state.best) { lines.push(LMD.format(t.best, {score: pct(state.best.score)})); }
      endingBox.querySelector('.lmd-score').textContent = lines.join(' ');
      LMD.stackTables(endingBox);  /* the new rows labelled too */
    }
    /* After a choice the focus goes to what it changed: the feedback on it (the next step or the
     * ending follows it), else the next step's speaker or the ending's title. */
    if (moveFocus) {
      LMD.focus(feedback ? lastFeedback : (state.node ? nodeBox.querySelector('.lmd-speaker')
                                                        : endingBox.querySelector('.lmd-ending-title')));
    }
    if (reflection) {
      reflection.hidden = state.runs === 0;
      var area = reflection.querySelector('textarea');
      if (state.reflection !== undefined && document.activeElement !== area && !editing) {
        area.value = state.reflection;
        area.dispatchEvent(new Event('input'));
      }
    }
  }

  function fail(error) { status.textContent = error.status ? error.message : t.networkError; }

  root.addEventListener('click', function (event) {
    var button = event.target.closest('.lmd-choice');
    if (!button || button.disabled) { return; }
    Array.prototype.forEach.call(root.querySelectorAll('.lmd-choice'), function (b) { b.disabled = true; });
    backend.call('choose', {node: current, choice: button.getAttribute('data-choice')}).then(function (state) {
      status.textContent = '';
      render(state, state.feedback, true);
      LMD.announce(root, {type: 'lmd_role_play'});
    }, function (error) {
      Array.prototype.forEach.call(root.querySelectorAll('.lmd-choice'), function (b) { b.disabled = false; });
      fail(error);
    });
  });

  root.querySelector('.lmd-restart').addEventListener('click', function () {
    backend.call('restart', {}).then(function (state) { render(state, null, true); }, fail);
  });

  if (reflection) {
    var area = reflection.querySelector('textarea');
    LMD.counter(area, root.querySelector('#' + area.getAttribute('aria-describedby')), t.counter);
    /* The reflection saves itself while the learner types (and as the page is left). */
    var autosave = LMD.autosave({
      fields: [area],
      key: 'lmd-reflection:' + data.rootId,
      stateNode: reflection.querySelector('.lmd-save-state'),
      value: function () { return area.value; },
      save: function (keepalive) {
        editing = false;
        return backend.call('reflect', {text: area.value}, {keepalive: keepalive});
      },
      t: t
    });
    area.addEventListener('input', function (event) { if (event.isTrusted !== false) { editing = true; } });
    /* "Save my reflection" saves at once and says so in the status line. */
    reflection.addEventListener('submit', function (event) {
      event.preventDefault();
      autosave.stop().then(function () {
        editing = false;
        return backend.call('reflect', {text: area.value});
      }).then(function (state) {
        autosave.start();
        autosave.clean();
        render(state, null, false);
        status.textContent = t.saved;
      }, function (error) { autosave.start(); fail(error); });
    });
    var kept = autosave.restore();
    if (typeof kept === 'string' && kept !== area.value && data.state.runs > 0) {
      area.value = kept;
      area.dispatchEvent(new Event('input'));
      autosave.changed();
    }
  }

  render(data.state, null, false);
}
