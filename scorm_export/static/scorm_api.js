/* The LMS side of an LMD SCO: finds the SCORM API the way the standards describe (parents, then
 * the opener), and speaks SCORM 1.2 or 2004 through one small adapter.
 *
 * The SCO must never die because of its LMS: a parent window from another origin throws a
 * SecurityError on the first property read (LMSs that serve content from a CDN), and an LMS may
 * refuse Initialize. Either way the adapter is simply not connected: every call is a no-op, and
 * the page says that progress is not being recorded (sco.js). After Terminate nothing more is
 * sent: the RTE books answer any later call with an error. */
(function () {
  'use strict';
  var MAX_DEPTH = 500;

  /* The API object in `win` or one of its parents, or null; a window this page may not read
   * ends the search (SecurityError: another origin). */
  function findIn(win, name) {
    try {
      for (var depth = 0; win && depth <= MAX_DEPTH; depth += 1) {
        if (win[name]) { return win[name]; }
        if (!win.parent || win.parent === win) { return null; }
        win = win.parent;
      }
    } catch (e) {
      return null;
    }
    return null;
  }

  function discover(name) {
    var api = findIn(window, name);
    if (!api) {
      try { api = window.opener ? findIn(window.opener, name) : null; } catch (e) { api = null; }
    }
    return api;
  }

  function Adapter(version, discovered) {
    var v2004 = version === '2004';
    var api = discovered !== undefined ? discovered : discover(v2004 ? 'API_1484_11' : 'API');
    var started = Date.now();
    var dirty = false;
    var timer = null;
    var self = this;
    this.version = version;
    this.found = !!api;         /* an LMS API object was reachable */
    this.connected = false;     /* ... and it accepted Initialize; until Terminate */
    this.finished = false;

    function call(name12, name2004, args) {
      if (!api) { return ''; }
      var fn = api[v2004 ? name2004 : name12];
      try {
        return fn ? fn.apply(api, args) : '';
      } catch (e) {
        return '';  /* an LMS whose API throws is treated as one that refused */
      }
    }
    function live() { return self.connected && !self.finished; }

    /* true when the LMS accepted the session; the SCO plays unrecorded otherwise. */
    this.initialize = function () {
      if (!api || self.connected) { return self.connected; }
      self.connected = String(call('LMSInitialize', 'Initialize', [''])) === 'true';
      return self.connected;
    };
    this.get = function (key) { return live() ? String(call('LMSGetValue', 'GetValue', [key]) || '') : ''; };
    this.set = function (key, value) {
      if (!live()) { return 'false'; }
      dirty = true;
      return call('LMSSetValue', 'SetValue', [key, String(value)]);
    };
    /* Commits are batched: many SetValue calls, one Commit a few seconds later (or at exit). */
    this.commitSoon = function () {
      if (!live() || timer) { return; }
      timer = setTimeout(function () { timer = null; self.commit(); }, 3000);
    };
    this.commit = function () {
      if (timer) { clearTimeout(timer); timer = null; }
      if (live() && dirty) { dirty = false; call('LMSCommit', 'Commit', ['']); }
    };
    this.finish = function (complete) {
      if (!live()) { return; }
      self.set(v2004 ? 'cmi.session_time' : 'cmi.core.session_time', duration(Date.now() - started, v2004));
      self.set(v2004 ? 'cmi.exit' : 'cmi.core.exit', complete ? (v2004 ? 'normal' : '') : 'suspend');
      self.commit();
      self.finished = true;
      call('LMSFinish', 'Terminate', ['']);
    };
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function duration(ms, v2004) {
    var s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    s = s % 60;
    if (v2004) { return 'PT' + h + 'H' + m + 'M' + s + 'S'; }
    return pad(Math.min(h, 9999)) + ':' + pad(m) + ':' + pad(s);
  }

  window.LmdScormApi = {Adapter: Adapter, duration: duration, discover: discover};
})();
