/* Local backend of lmd_role_play in a SCORM package: the same play rules as block.py/play.py.
 * Each handler stores its new state first and adopts it only once stored (SCORM.saveState
 * refuses what would not fit), so a refused request changes nothing. */
(function () {
  'use strict';
  var SCORM = window.LMD_SCORM = window.LMD_SCORM || {backends: {}};
  SCORM.backends = SCORM.backends || {};

  SCORM.backends.lmd_role_play = function (usage, rp) {
    var st = SCORM.stateOf(usage) || {p: [], n: 0, b: null, r: ''};
    var nodes = {}, endings = {}, roles = {};
    rp.nodes.forEach(function (n) { nodes[n.id] = n; });
    rp.endings.forEach(function (e) { endings[e.id] = e; });
    rp.roles.forEach(function (r) { roles[r.id] = r.name; });

    function choiceOf(nodeId, choiceId) {
      var node = nodes[nodeId];
      return node ? node.choices.filter(function (c) { return c.id === choiceId; })[0] : undefined;
    }

    /* Best achievable points over any path (the graph is acyclic), total and per competency. */
    function best(scoreOf) {
      var memo = {};
      function from(id) {
        if (endings[id]) { return 0; }
        if (!(id in memo)) {
          memo[id] = Math.max.apply(null, nodes[id].choices.map(function (c) { return scoreOf(c) + from(c.target); }));
        }
        return memo[id];
      }
      return from(rp.start_node);
    }
    function sum(points) { return Object.keys(points).reduce(function (a, k) { return a + points[k]; }, 0); }

    /* The ending a finished path reaches (graph.py ending_for): where its last choice leads,
     * then down the `otherwise` chain while the points earned are below the ending's min_points. */
    function reachedEnding(path, points) {
      var last = path[path.length - 1];
      var e = endings[choiceOf(last[0], last[1]).target];
      while (e.min_points !== undefined && e.min_points !== null && points < e.min_points) { e = endings[e.otherwise]; }
      return e;
    }
    /* The debrief and the passages this path earns (play.py passages). */
    function debrief(e, path) {
      var made = {};
      path.forEach(function (s) { made[s[0] + ':' + s[1]] = true; });
      function any(steps) { return steps.some(function (s) { return made[s[0] + ':' + s[1]]; }); }
      return [e.debrief].concat((e.passages || []).filter(function (p) {
        return (!p.when.length || any(p.when)) && !any(p.unless);
      }).map(function (p) { return p.text; })).join('');
    }

    function result(path) {
      var earned = {};
      rp.competencies.forEach(function (c) { earned[c.id] = 0; });
      path.forEach(function (step) {
        var points = choiceOf(step[0], step[1]).points;
        Object.keys(points).forEach(function (k) { earned[k] += points[k]; });
      });
      var bestTotal = best(function (c) { return sum(c.points); });
      var total = sum(earned);
      var score = bestTotal > 0 ? Math.round(10000 * Math.max(0, Math.min(1, total / bestTotal))) / 10000 : 0;
      return {score: score, points: total, profile: rp.competencies.map(function (c) {
        return {id: c.id, name: c.name, points: earned[c.id], max: best(function (ch) { return ch.points[c.id] || 0; })};
      })};
    }

    function position() {
      var at = rp.start_node;
      for (var i = 0; i < st.p.length; i += 1) {
        var choice = choiceOf(st.p[i][0], st.p[i][1]);
        if (st.p[i][0] !== at || !choice) { st.p = []; return rp.start_node; }
        at = choice.target;
      }
      return endings[at] ? null : at;
    }

    function learnerState() {
      var current = position();
      var ending = null;
      if (current === null) {
        var outcome = result(st.p);
        var e = reachedEnding(st.p, outcome.points);
        ending = {id: e.id, title: e.title, outcome: e.outcome, debrief_html: debrief(e, st.p),
                  score: outcome.score, profile: outcome.profile};
      }
      var node = current ? nodes[current] : null;
      return {
        node: node ? {id: node.id, speaker: roles[node.speaker] || '', text_html: node.text,
                      choices: node.choices.map(function (c) { return {id: c.id, label: c.label}; })} : null,
        path: st.p.map(function (s) { var c = choiceOf(s[0], s[1]); return {node: s[0], choice: s[1], label: c.label, feedback: c.feedback}; }),
        ending: ending, runs: st.n, best: st.b, reflection: st.r
      };
    }

    function adopt(changes) {
      SCORM.saveState(usage, Object.assign({}, st, changes), function (stored) { st = stored; });
      return learnerState();
    }

    return {
      handlers: {
        choose: function (payload) {
          var current = position();
          if (current === null || payload.node !== current) { throw SCORM.error(409, SCORM.t('reload')); }
          var choice = choiceOf(current, payload.choice);
          if (!choice) { throw SCORM.error(400, 'unknown choice ' + payload.choice); }
          var changes = {p: st.p.concat([[current, choice.id]])};
          if (endings[choice.target]) {
            changes.n = st.n + 1;
            var outcome = result(changes.p);
            if (st.b === null || outcome.score > st.b.score) {
              changes.b = {score: outcome.score, ending: reachedEnding(changes.p, outcome.points).id, profile: outcome.profile};
            }
          }
          var state = adopt(changes);
          state.feedback = choice.feedback;
          return state;
        },
        restart: function () { return adopt({p: []}); },
        reflect: function (payload) {
          if (st.n === 0) { throw SCORM.error(400, SCORM.t('endFirst')); }
          return adopt({r: SCORM.storableText(payload.text).slice(0, rp.reflection_max_length)});
        }
      },
      restore: function (args) { args.state = learnerState(); return args; },
      progress: function () {
        return {complete: st.b !== null, score: st.b ? st.b.score : null, passed: null, graded: true, started: st.p.length > 0};
      }
    };
  };
})();
