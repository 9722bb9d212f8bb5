/* One interaction record per quiz question answered (cmi.interactions.n), appended after the
 * records the LMS already holds: the index starts at cmi.interactions._count, read once the
 * session has started, so a resumed session never overwrites the earlier sessions' records.
 * Each record carries a timestamp (2004: timestamp; 1.2: time, the time of day) and, in 2004,
 * a description: the question's prompt, in the package's language. SCORM 1.2 has no
 * description element.
 *
 * Formats are the strict ones of each RTE book: 1.2 responses are single characters (0-9, a-z)
 * joined by commas, so option ids longer than one character are written as their position
 * letter; 2004 uses the ids themselves joined by [,]. */
(function () {
  'use strict';
  var SCORM = window.LMD_SCORM = window.LMD_SCORM || {backends: {}};
  var DESCRIPTION_MAX = 250;  /* cmi.interactions.n.description: localized_string_type (250) */
  var LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  SCORM.Interactions = function (lms, language) {
    var v2004 = lms.version === '2004';
    var next = null;

    /* Call once the LMS accepted the session. */
    this.start = function () {
      next = parseInt(lms.get('cmi.interactions._count'), 10) || 0;
    };

    function choices(question) {
      return question.type === 'ordering' ? question.items : question.options;
    }

    /* How a 1.2 response names an option: itself if one character, else its position letter. */
    function code12(question) {
      var ids = choices(question).map(function (c) { return c.id; });
      var single = ids.every(function (id) { return /^[0-9a-z]$/.test(id); });
      return function (id) {
        if (single) { return id; }
        var index = ids.indexOf(id);
        return LETTERS.charAt(index);  /* '' past 36 options, which no LMD quiz has */
      };
    }

    function format(question, value) {
      var list = [].concat(value);
      if (question.type === 'truefalse') { return v2004 ? list[0] : String(list[0]).charAt(0); }
      if (v2004) { return list.join('[,]'); }
      return list.map(code12(question)).join(',');
    }

    function description(question) {
      var prefix = '{lang=' + language + '}';
      var text = String(question.prompt || '').replace(/\s+/g, ' ').trim();
      var room = DESCRIPTION_MAX - prefix.length;
      return prefix + (text.length > room ? text.slice(0, room - 1) + '\u2026' : text);
    }

    function now() {
      var d = new Date();
      if (v2004) { return d.toISOString().slice(0, 21) + 'Z'; }  /* YYYY-MM-DDThh:mm:ss.sZ */
      return pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
    }

    this.record = function (question, response, correct) {
      if (next === null) { return; }  /* not recorded: no LMS, or it refused the session */
      var pre = 'cmi.interactions.' + next + '.';
      next += 1;
      var type = {single: 'choice', multiple: 'choice', truefalse: 'true-false', ordering: 'sequencing'}[question.type];
      var key = question.type === 'ordering' ? question.items.map(function (i) { return i.id; })
        : question.options.filter(function (o) { return o.correct; }).map(function (o) { return o.id; });
      lms.set(pre + 'id', question.id);
      lms.set(pre + 'type', type);
      if (v2004) {
        lms.set(pre + 'description', description(question));
        lms.set(pre + 'timestamp', now());
      } else {
        lms.set(pre + 'time', now());
      }
      lms.set(pre + 'correct_responses.0.pattern', format(question, key));
      lms.set(pre + (v2004 ? 'learner_response' : 'student_response'), format(question, response));
      lms.set(pre + 'result', correct ? 'correct' : (v2004 ? 'incorrect' : 'wrong'));
    };
  };
})();
