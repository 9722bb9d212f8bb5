/* A learner's text as the SCO stores it in cmi.suspend_data. JSON writes most characters as
 * themselves and a few as two (" \ line break, tab); the other control characters and lone
 * surrogate halves take six (\u0001). The SCORM 1.2 budget (scorm_export/budget.py) counts two
 * characters at most for each character a learner may type, so these six-character ones are
 * removed or replaced here, before anything is stored: pasted text cannot overflow the 4,096
 * characters, and the save that follows still succeeds. */
(function () {
  'use strict';
  var SCORM = window.LMD_SCORM = window.LMD_SCORM || {backends: {}};

  var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;  /* all but tab and line feed */

  function wellFormed(text) {
    var out = '';
    for (var i = 0; i < text.length; i += 1) {
      var code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        var next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) { out += text.charAt(i) + text.charAt(i + 1); i += 1; continue; }
      }
      out += code >= 0xd800 && code <= 0xdfff ? '\ufffd' : text.charAt(i);
    }
    return out;
  }

  SCORM.storableText = function (value) {
    return wellFormed(String(value === undefined || value === null ? '' : value)
      .replace(/\r\n?/g, '\n').replace(CONTROL, '')).trim();
  };
})();
