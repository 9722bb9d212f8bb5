/* Where the learner is in the module: the part (section, case study, role-play, quiz) they last
 * worked in or scrolled to, kept in the LMS's location element (cmi.location in 2004,
 * cmi.core.lesson_location in 1.2) as the part's anchor id, and scrolled back into view when a
 * suspended session resumes. */
(function () {
  'use strict';
  var SCORM = window.LMD_SCORM = window.LMD_SCORM || {backends: {}};
  var PART = '.lmd-module-part';
  var SETTLE_MS = 800;  /* scrolling: record once the page has come to rest */

  SCORM.Location = function (lms) {
    var element = lms.version === '2004' ? 'cmi.location' : 'cmi.core.lesson_location';
    var current = '';
    var timer = null;
    var touched = 0;  /* when the learner last clicked or focused something */

    function remember(part) {
      if (!part || !part.id || part.id === current) { return; }
      current = part.id;
      lms.set(element, current);
      lms.commitSoon();
    }

    /* The part at the top of the window: the last one whose top has scrolled past a third of it. */
    function partInView() {
      var parts = document.querySelectorAll(PART), found = null;
      for (var i = 0; i < parts.length; i += 1) {
        if (parts[i].getBoundingClientRect().top <= window.innerHeight / 3) { found = parts[i]; }
      }
      return found;
    }

    this.save = function () { lms.set(element, current); };

    /* `saved`: the location the LMS gave back (''/unset on a first visit). */
    this.start = function (saved) {
      var part = saved ? document.getElementById(saved) : null;
      if (part && part.matches(PART)) {
        current = saved;
        part.scrollIntoView({block: 'start'});
      }
      ['focusin', 'click'].forEach(function (type) {
        document.addEventListener(type, function (event) {
          touched = Date.now();
          remember(event.target.closest && event.target.closest(PART));
        }, true);
      });
      window.addEventListener('scroll', function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          /* a scroll that came with a click (the browser bringing the target into view) is not a move */
          if (Date.now() - touched > 2 * SETTLE_MS) { remember(partInView()); }
        }, SETTLE_MS);
      }, {passive: true});
    };
  };
})();
