/* A strict SCORM run-time environment for the tests: the API objects of SCORM 1.2 (window.API)
 * and SCORM 2004 4th Edition (window.API_1484_11), returning exactly the error codes the two RTE
 * books require, and refusing every value the books' data types do not allow. Where a book only
 * sets a smallest permitted maximum (SPM), this runtime allows no more: a SCO that plays here
 * fits every conformant LMS.
 *
 * Why our own: scorm-again (the other runtime in the tests) is lenient on purpose; this one is the
 * opposite, so that a SCO call that would fail in some LMS fails in the tests. Every call is
 * logged (api.calls) with its result and error code, and the data model can be saved after
 * Terminate and given to the next session (api.saved(), new API(saved)) as an LMS keeps it.
 *
 * References: SCORM 1.2 RTE book, section 3 (API, error codes, data model); SCORM 2004 4th
 * Edition RTE book, sections 3 (API, state model, error codes) and 4 (data model, data types). */
(function (root) {
  'use strict';

  /* ---------------------------------------------------------------- data types -------------- */

  function isString(v) { return typeof v === 'string'; }
  function maxLength(n) { return function (v) { return v.length <= n; }; }
  function oneOf(list) { return function (v) { return list.indexOf(v) !== -1; }; }
  function matches(re) { return function (v) { return re.test(v); }; }

  /* SCORM 1.2 (RTE 3.4.1) */
  var T12 = {
    string255: maxLength(255),
    string4096: maxLength(4096),
    identifier: matches(/^[\x21-\x7E]{1,255}$/),       /* no white space, nothing unprintable */
    decimal: matches(/^-?\d+(\.\d+)?$/),
    time: matches(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/),
    timespan: matches(/^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/),
    sinteger: matches(/^-?\d+$/)
  };

  /* Student responses and patterns of SCORM 1.2 interactions, by interaction type (RTE 3.4.2,
   * cmi.interactions.n.correct_responses.n.pattern). */
  var single12 = '[0-9a-z]';
  var FEEDBACK12 = {
    'true-false': matches(/^[01tf]$/),
    'choice': matches(new RegExp('^(\\{)?(' + single12 + '(,' + single12 + ')*)?(?:\\})?$')),
    'fill-in': T12.string255,
    'numeric': T12.decimal,
    'likert': matches(new RegExp('^' + single12 + '?$')),
    'matching': matches(new RegExp('^(\\{)?(' + single12 + '\\.' + single12 + '(,' + single12 + '\\.' + single12 + ')*)?(?:\\})?$')),
    'performance': T12.string255,
    'sequencing': matches(new RegExp('^(' + single12 + '(,' + single12 + ')*)?$'))
  };

  /* SCORM 2004 4th Edition (RTE 4.1.1) */
  var URI_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;
  function identifier(spm) {
    return function (v) {
      if (!v.length || v.length > spm || !URI_CHARS.test(v)) { return false; }
      return !/^urn:/i.test(v) || /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(v);
    };
  }
  var LANG = /^(([a-zA-Z]{2,3}|[iIxX])(-[a-zA-Z0-9]{1,8})*)$/;
  function localized(spm) {
    return function (v) {
      var m = /^\{lang=([^}]*)\}/.exec(v);
      if (m) {
        if (!LANG.test(m[1])) { return false; }
        v = v.slice(m[0].length);
      }
      return v.length <= spm;
    };
  }
  var T2004 = {
    characterstring: function (spm) { return maxLength(spm); },
    localized: localized,
    longIdentifier: identifier(4000),
    shortIdentifier: identifier(250),
    real: matches(/^-?\d{1,10}(\.\d{1,7})?$/),
    language: function (v) { return v === '' || LANG.test(v); },
    time: function (v) {
      var m = /^(\d{4})(-(\d{2})(-(\d{2})(T(\d{2})(:(\d{2})(:(\d{2})(\.\d{1,2}(Z|[+-]\d{2}(:\d{2})?)?)?)?)?)?)?)?$/.exec(v);
      if (!m) { return false; }
      var year = +m[1], month = m[3] ? +m[3] : 1, day = m[5] ? +m[5] : 1;
      var hour = m[7] ? +m[7] : 0, min = m[9] ? +m[9] : 0, sec = m[11] ? +m[11] : 0;
      return year >= 1970 && year <= 2038 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
        hour <= 23 && min <= 59 && sec <= 59;
    },
    timeinterval: function (v) {
      var m = /^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/.exec(v);
      if (!m || v === 'P' || /T$/.test(v)) { return false; }
      return true;
    }
  };

  function idList(separator, unique) {
    return function (v) {
      if (v === '') { return true; }
      var ids = v.split(separator);
      if (!ids.every(T2004.shortIdentifier)) { return false; }
      return !unique || ids.every(function (id, i) { return ids.indexOf(id) === i; });
    };
  }
  /* cmi.interactions.n.learner_response and correct_responses.n.pattern, by type (RTE 4.2.9) */
  var RESPONSE2004 = {
    'true-false': oneOf(['true', 'false']),
    'choice': idList('[,]', true),
    'fill-in': function (v) { return v.split('[,]').every(localized(250)); },
    'long-fill-in': localized(4000),
    'likert': T2004.shortIdentifier,
    'matching': function (v) {
      return v.split('[,]').every(function (pair) {
        var parts = pair.split('[.]');
        return parts.length === 2 && parts.every(T2004.shortIdentifier);
      });
    },
    'performance': maxLength(4000),
    'sequencing': idList('[,]', false),
    'numeric': T2004.real,
    'other': maxLength(4000)
  };
  var PATTERN2004 = Object.assign({}, RESPONSE2004, {
    'numeric': function (v) {
      var parts = v.split('[:]');
      return parts.length <= 2 && parts.every(function (p) { return p === '' || T2004.real(p); });
    }
  });

  /* ---------------------------------------------------------------- the model -------------- */

  /* An element definition: access ('RO', 'WO', 'RW'), a check (value -> true), a range check,
   * and for 2004 whether it has a value before the SCO sets one (else GetValue answers 403). */
  function el(access, check, extra) { return Object.assign({access: access, check: check}, extra || {}); }

  function between(lo, hi) { return function (v) { var n = parseFloat(v); return n >= lo && n <= hi; }; }

  var MODEL12 = {
    'cmi.core._children': el('RO', null, {value: 'student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time'}),
    'cmi.core.student_id': el('RO', null, {value: 'learner-1'}),
    'cmi.core.student_name': el('RO', null, {value: 'Learner, Test'}),
    'cmi.core.lesson_location': el('RW', T12.string255, {value: ''}),
    'cmi.core.credit': el('RO', null, {value: 'credit'}),
    'cmi.core.lesson_status': el('RW', oneOf(['passed', 'completed', 'failed', 'incomplete', 'browsed']), {value: 'not attempted'}),
    'cmi.core.entry': el('RO', null, {value: 'ab-initio'}),
    'cmi.core.score._children': el('RO', null, {value: 'raw,min,max'}),
    'cmi.core.score.raw': el('RW', function (v) { return v === '' || T12.decimal(v); }, {value: '', range: between(0, 100)}),
    'cmi.core.score.min': el('RW', function (v) { return v === '' || T12.decimal(v); }, {value: '', range: between(0, 100)}),
    'cmi.core.score.max': el('RW', function (v) { return v === '' || T12.decimal(v); }, {value: '', range: between(0, 100)}),
    'cmi.core.total_time': el('RO', null, {value: '0000:00:00.00'}),
    'cmi.core.lesson_mode': el('RO', null, {value: 'normal'}),
    'cmi.core.exit': el('WO', oneOf(['time-out', 'suspend', 'logout', ''])),
    'cmi.core.session_time': el('WO', T12.timespan),
    'cmi.suspend_data': el('RW', T12.string4096, {value: ''}),
    'cmi.launch_data': el('RO', null, {value: ''}),
    'cmi.comments': el('RW', T12.string4096, {value: ''}),
    'cmi.comments_from_lms': el('RO', null, {value: ''}),
    'cmi.objectives._children': el('RO', null, {value: 'id,score,status'}),
    'cmi.student_data._children': el('RO', null, {value: 'mastery_score,max_time_allowed,time_limit_action'}),
    'cmi.student_data.mastery_score': el('RO', null, {value: ''}),
    'cmi.student_data.max_time_allowed': el('RO', null, {value: ''}),
    'cmi.student_data.time_limit_action': el('RO', null, {value: 'continue,no message'}),
    'cmi.student_preference._children': el('RO', null, {value: 'audio,language,speed,text'}),
    'cmi.student_preference.audio': el('RW', T12.sinteger, {value: '0', range: between(-1, 100)}),
    'cmi.student_preference.language': el('RW', T12.string255, {value: ''}),
    'cmi.student_preference.speed': el('RW', T12.sinteger, {value: '0', range: between(-100, 100)}),
    'cmi.student_preference.text': el('RW', T12.sinteger, {value: '0', range: between(-1, 1)}),
    'cmi.interactions._children': el('RO', null, {value: 'id,objectives,time,type,correct_responses,weighting,student_response,result,latency'})
  };
  /* Collections: their records' fields. */
  var ARRAYS12 = {
    'cmi.objectives': {
      'id': el('RW', T12.identifier),
      'score._children': el('RO', null, {value: 'raw,min,max'}),
      'score.raw': el('RW', T12.decimal, {range: between(0, 100)}),
      'score.min': el('RW', T12.decimal, {range: between(0, 100)}),
      'score.max': el('RW', T12.decimal, {range: between(0, 100)}),
      'status': el('RW', oneOf(['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted']))
    },
    'cmi.interactions': {
      'id': el('WO', T12.identifier),
      'time': el('WO', T12.time),
      'type': el('WO', oneOf(['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'])),
      'weighting': el('WO', T12.decimal),
      'student_response': el('WO', 'feedback'),
      'result': el('WO', function (v) { return ['correct', 'wrong', 'unanticipated', 'neutral'].indexOf(v) !== -1 || T12.decimal(v); }),
      'latency': el('WO', T12.timespan)
    },
    'cmi.interactions.n.objectives': {'id': el('WO', T12.identifier)},
    'cmi.interactions.n.correct_responses': {'pattern': el('WO', 'feedback')}
  };

  var NAV = /^(\{target=[^}]+\}(choice|jump)|continue|previous|exit|exitAll|abandon|abandonAll|suspendAll|_none_)$/;
  var MODEL2004 = {
    'cmi._version': el('RO', null, {value: '1.0'}),
    'cmi.comments_from_learner._children': el('RO', null, {value: 'comment,location,timestamp'}),
    'cmi.comments_from_lms._children': el('RO', null, {value: 'comment,location,timestamp'}),
    'cmi.completion_status': el('RW', oneOf(['completed', 'incomplete', 'not attempted', 'unknown']), {value: 'unknown'}),
    'cmi.completion_threshold': el('RO', null),
    'cmi.credit': el('RO', null, {value: 'credit'}),
    'cmi.entry': el('RO', null, {value: 'ab-initio'}),
    'cmi.exit': el('WO', oneOf(['time-out', 'suspend', 'logout', 'normal', ''])),
    'cmi.interactions._children': el('RO', null, {value: 'id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description'}),
    'cmi.launch_data': el('RO', null),
    'cmi.learner_id': el('RO', null, {value: 'learner-1'}),
    'cmi.learner_name': el('RO', null, {value: 'Learner, Test'}),
    'cmi.learner_preference._children': el('RO', null, {value: 'audio_level,language,delivery_speed,audio_captioning'}),
    'cmi.learner_preference.audio_level': el('RW', T2004.real, {value: '1', range: function (v) { return +v >= 0; }}),
    'cmi.learner_preference.language': el('RW', T2004.language, {value: ''}),
    'cmi.learner_preference.delivery_speed': el('RW', T2004.real, {value: '1', range: function (v) { return +v >= 0; }}),
    'cmi.learner_preference.audio_captioning': el('RW', oneOf(['-1', '0', '1']), {value: '0'}),
    'cmi.location': el('RW', T2004.characterstring(1000)),
    'cmi.max_time_allowed': el('RO', null),
    'cmi.mode': el('RO', null, {value: 'normal'}),
    'cmi.objectives._children': el('RO', null, {value: 'id,score,success_status,completion_status,progress_measure,description'}),
    'cmi.progress_measure': el('RW', T2004.real, {range: between(0, 1)}),
    'cmi.scaled_passing_score': el('RO', null),
    'cmi.score._children': el('RO', null, {value: 'scaled,raw,min,max'}),
    'cmi.score.scaled': el('RW', T2004.real, {range: between(-1, 1)}),
    'cmi.score.raw': el('RW', T2004.real),
    'cmi.score.min': el('RW', T2004.real),
    'cmi.score.max': el('RW', T2004.real),
    'cmi.session_time': el('WO', T2004.timeinterval),
    'cmi.success_status': el('RW', oneOf(['passed', 'failed', 'unknown']), {value: 'unknown'}),
    'cmi.suspend_data': el('RW', T2004.characterstring(64000)),
    'cmi.time_limit_action': el('RO', null, {value: 'continue,no message'}),
    'cmi.total_time': el('RO', null, {value: 'PT0H0M0S'}),
    'adl.nav.request': el('RW', matches(NAV), {value: '_none_'}),
    'adl.nav.request_valid.continue': el('RO', null, {value: 'true'}),
    'adl.nav.request_valid.previous': el('RO', null, {value: 'true'})
  };
  var ARRAYS2004 = {
    'cmi.interactions': {
      'id': el('RW', T2004.longIdentifier),
      'type': el('RW', oneOf(['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other']), {needs: 'id'}),
      'timestamp': el('RW', T2004.time, {needs: 'id'}),
      'weighting': el('RW', T2004.real, {needs: 'id'}),
      'learner_response': el('RW', 'response', {needs: 'type'}),
      'result': el('RW', function (v) { return ['correct', 'incorrect', 'unanticipated', 'neutral'].indexOf(v) !== -1 || T2004.real(v); }, {needs: 'id'}),
      'latency': el('RW', T2004.timeinterval, {needs: 'id'}),
      'description': el('RW', T2004.localized(250), {needs: 'id'})
    },
    'cmi.interactions.n.objectives': {'id': el('RW', T2004.longIdentifier, {needsParent: 'id'})},
    'cmi.interactions.n.correct_responses': {'pattern': el('RW', 'pattern', {needsParent: 'type'})},
    'cmi.objectives': {
      'id': el('RW', T2004.longIdentifier),
      'score._children': el('RO', null, {value: 'scaled,raw,min,max'}),
      'score.scaled': el('RW', T2004.real, {needs: 'id', range: between(-1, 1)}),
      'score.raw': el('RW', T2004.real, {needs: 'id'}),
      'score.min': el('RW', T2004.real, {needs: 'id'}),
      'score.max': el('RW', T2004.real, {needs: 'id'}),
      'success_status': el('RW', oneOf(['passed', 'failed', 'unknown']), {needs: 'id', value: 'unknown'}),
      'completion_status': el('RW', oneOf(['completed', 'incomplete', 'not attempted', 'unknown']), {needs: 'id', value: 'unknown'}),
      'progress_measure': el('RW', T2004.real, {needs: 'id', range: between(0, 1)}),
      'description': el('RW', T2004.localized(250), {needs: 'id'})
    },
    'cmi.comments_from_learner': {
      'comment': el('RW', T2004.localized(4000)),
      'location': el('RW', T2004.characterstring(250)),
      'timestamp': el('RW', T2004.time)
    },
    'cmi.comments_from_lms': {
      'comment': el('RO', null), 'location': el('RO', null), 'timestamp': el('RO', null)
    }
  };

  /* --------------------------------------------------------------- error codes -------------- */

  var E12 = {
    OK: '0', GENERAL: '101', ARGUMENT: '201', NO_CHILDREN: '202', NO_COUNT: '203', NOT_INITIALIZED: '301',
    NOT_IMPLEMENTED: '401', KEYWORD: '402', READ_ONLY: '403', WRITE_ONLY: '404', TYPE: '405'
  };
  var TEXT12 = {
    '0': 'No error', '101': 'General exception', '201': 'Invalid argument error',
    '202': 'Element cannot have children', '203': 'Element not an array - cannot have count',
    '301': 'Not initialized', '401': 'Not implemented error', '402': 'Invalid set value, element is a keyword',
    '403': 'Element is read only', '404': 'Element is write only', '405': 'Incorrect data type'
  };
  var TEXT2004 = {
    '0': 'No Error', '101': 'General Exception', '102': 'General Initialization Failure',
    '103': 'Already Initialized', '104': 'Content Instance Terminated', '111': 'General Termination Failure',
    '112': 'Termination Before Initialization', '113': 'Termination After Termination',
    '122': 'Retrieve Data Before Initialization', '123': 'Retrieve Data After Termination',
    '132': 'Store Data Before Initialization', '133': 'Store Data After Termination',
    '142': 'Commit Before Initialization', '143': 'Commit After Termination', '201': 'General Argument Error',
    '301': 'General Get Failure', '351': 'General Set Failure', '391': 'General Commit Failure',
    '401': 'Undefined Data Model Element', '402': 'Unimplemented Data Model Element',
    '403': 'Data Model Element Value Not Initialized', '404': 'Data Model Element Is Read Only',
    '405': 'Data Model Element Is Write Only', '406': 'Data Model Element Type Mismatch',
    '407': 'Data Model Element Value Out Of Range', '408': 'Data Model Dependency Not Established'
  };

  function Failure(code, diagnostic) { this.code = code; this.diagnostic = diagnostic || ''; }

  /* ------------------------------------------------------------------ the store -------------- */

  /* The data model's values: plain elements by name, collections as arrays of records (each
   * record: {field: value}, with nested collections as arrays under their name). */
  function Store(model, arrays, saved) {
    var values = {};
    Object.keys(model).forEach(function (name) {
      if (model[name].value !== undefined) { values[name] = model[name].value; }
    });
    var collections = {};
    Object.keys(arrays).forEach(function (name) { if (!/\.n\./.test(name)) { collections[name] = []; } });
    Object.keys(saved || {}).forEach(function (name) {
      if (collections[name]) { collections[name] = JSON.parse(JSON.stringify(saved[name])); } else { values[name] = saved[name]; }
    });
    this.values = values;
    this.collections = collections;
  }

  /* A parsed element name: a plain element, a collection keyword, or a field of a record. */
  function parse(name, model, arrays) {
    if (Object.prototype.hasOwnProperty.call(model, name)) { return {kind: 'plain', def: model[name], name: name}; }
    var m;
    /* cmi.interactions.3.correct_responses.0.pattern, cmi.interactions.3.objectives._count */
    if ((m = /^(cmi\.\w+)\.(\d+)\.(\w+)\.(\d+)\.(\w+)$/.exec(name)) && arrays[m[1] + '.n.' + m[3]]) {
      return field(arrays[m[1] + '.n.' + m[3]], m[5], {collection: m[1], index: +m[2], sub: m[3], subIndex: +m[4]}, arrays[m[1]]);
    }
    if ((m = /^(cmi\.\w+)\.(\d+)\.(\w+)\._count$/.exec(name)) && arrays[m[1] + '.n.' + m[3]]) {
      return {kind: 'count', collection: m[1], index: +m[2], sub: m[3]};
    }
    if ((m = /^(cmi\.\w+)\.(\d+)\.(\w+)\._children$/.exec(name)) && arrays[m[1] + '.n.' + m[3]]) {
      return {kind: 'children', value: Object.keys(arrays[m[1] + '.n.' + m[3]]).join(',')};
    }
    if ((m = /^(cmi\.\w+)\._count$/.exec(name)) && arrays[m[1]]) { return {kind: 'count', collection: m[1]}; }
    if ((m = /^(cmi\.\w+)\.(\d+)\.(.+)$/.exec(name)) && arrays[m[1]]) {
      return field(arrays[m[1]], m[3], {collection: m[1], index: +m[2]}, null);
    }
    if ((m = /^(.*)\._(children|count|version)$/.exec(name))) { return {kind: 'badKeyword', keyword: m[2], base: m[1]}; }
    return {kind: 'unknown'};
  }
  function field(fields, fieldName, where, parentFields) {
    if (!Object.prototype.hasOwnProperty.call(fields, fieldName)) { return {kind: 'unknown'}; }
    return Object.assign({kind: 'field', def: fields[fieldName], field: fieldName, parentFields: parentFields}, where);
  }

  function isKnownBase(base, model, arrays) {
    return Object.prototype.hasOwnProperty.call(model, base) ||
      Object.keys(model).some(function (k) { return k.indexOf(base + '.') === 0; }) ||
      Object.keys(arrays).some(function (k) { return k === base; });
  }

  /* ------------------------------------------------------------------ the API --------------- */

  function Api(version, saved, options) {
    var v2004 = version === '2004';
    var model = v2004 ? MODEL2004 : MODEL12;
    var arrays = v2004 ? ARRAYS2004 : ARRAYS12;
    var store = new Store(model, arrays, saved);
    var state = 'not-initialized';
    var lastError = '0', lastDiagnostic = '';
    var calls = [];
    var self = this;
    options = options || {};

    function finish(name, args, run) {
      var result;
      try {
        result = run();
        lastError = '0';
        lastDiagnostic = '';
      } catch (failure) {
        if (!(failure instanceof Failure)) { throw failure; }
        lastError = failure.code;
        lastDiagnostic = failure.diagnostic;
        result = name.indexOf('GetValue') !== -1 ? '' : 'false';
      }
      calls.push({call: name, args: Array.prototype.slice.call(args), result: result, error: lastError,
                  diagnostic: lastDiagnostic});
      return result;
    }

    /* state checks, with each edition's codes */
    function running(codes) {
      if (state === 'not-initialized') { throw new Failure(codes[0], 'called before initialization'); }
      if (state === 'terminated') { throw new Failure(codes[1], 'called after termination'); }
    }
    var C = v2004 ? {
      get: ['122', '123'], set: ['132', '133'], commit: ['142', '143'], terminate: ['112', '113'],
      noElement: '401', getFailure: '301', setFailure: '351', readOnly: '404', writeOnly: '405', type: '406',
      range: '407', keywordSet: '404', notInitialized: '403', dependency: '408', arg: '201'
    } : {
      get: [E12.NOT_INITIALIZED, E12.GENERAL], set: [E12.NOT_INITIALIZED, E12.GENERAL],
      commit: [E12.NOT_INITIALIZED, E12.GENERAL], terminate: [E12.NOT_INITIALIZED, E12.GENERAL],
      noElement: E12.ARGUMENT, getFailure: E12.ARGUMENT, setFailure: E12.ARGUMENT, readOnly: E12.READ_ONLY,
      writeOnly: E12.WRITE_ONLY, type: E12.TYPE, range: E12.TYPE, keywordSet: E12.KEYWORD, arg: E12.ARGUMENT
    };

    function emptyParameter(p) {
      if (p !== '' && p !== undefined && p !== null) { throw new Failure(C.arg, 'the parameter must be ""'); }
    }

    function initialize(p) {
      emptyParameter(p);
      if (options.refuseInitialize) { throw new Failure(v2004 ? '102' : E12.GENERAL, 'this LMS refuses the session'); }
      if (state === 'running') { throw new Failure(v2004 ? '103' : E12.GENERAL, 'already initialized'); }
      if (state === 'terminated') { throw new Failure(v2004 ? '104' : E12.GENERAL, 'already terminated'); }
      state = 'running';
      return 'true';
    }

    function terminate(p) {
      emptyParameter(p);
      running(C.terminate);
      state = 'terminated';
      self.commits += 1;
      return 'true';
    }

    function commit(p) {
      emptyParameter(p);
      running(C.commit);
      self.commits += 1;
      return 'true';
    }

    function records(ref) {
      var list = store.collections[ref.collection];
      if (ref.sub === undefined) { return list; }
      var record = list[ref.index];
      if (!record) { return null; }
      record[ref.sub] = record[ref.sub] || [];
      return record[ref.sub];
    }

    function getValue(name) {
      running(C.get);
      if (!isString(name) || name === '') { throw new Failure(C.getFailure, 'no element named'); }
      var ref = parse(name, model, arrays);
      if (ref.kind === 'unknown') { throw new Failure(C.noElement, name + ' is not in the data model'); }
      if (ref.kind === 'badKeyword') {
        if (!v2004) {
          if (!isKnownBase(ref.base, model, arrays)) { throw new Failure(E12.ARGUMENT, name + ' is not in the data model'); }
          throw new Failure(ref.keyword === 'count' ? E12.NO_COUNT : E12.NO_CHILDREN, ref.base + ' has no ' + ref.keyword);
        }
        throw new Failure(isKnownBase(ref.base, model, arrays) ? '301' : '401', ref.base + ' has no ' + ref.keyword);
      }
      if (ref.kind === 'children') { return ref.value; }
      if (ref.kind === 'count') {
        var list = records(ref);
        if (list === null) { throw new Failure(C.getFailure, 'no record ' + ref.index); }
        return String(list.length);
      }
      if (ref.def.access === 'WO') { throw new Failure(C.writeOnly, name + ' is write-only'); }
      var value;
      if (ref.kind === 'plain') {
        value = store.values[name];
      } else {
        var rows = records(ref.sub === undefined ? {collection: ref.collection} : ref);
        var target = ref.sub === undefined ? rows && rows[ref.index] : rows && rows[ref.subIndex];
        if (!target) { throw new Failure(C.getFailure, 'no record at ' + name); }
        value = target[ref.field] !== undefined ? target[ref.field] : ref.def.value;
      }
      if (value === undefined) {
        if (v2004) { throw new Failure('403', name + ' has no value yet'); }
        value = '';
      }
      return value;
    }

    function setValue(name, value) {
      running(C.set);
      if (!isString(name) || name === '') { throw new Failure(C.setFailure, 'no element named'); }
      var ref = parse(name, model, arrays);
      if (ref.kind === 'unknown') { throw new Failure(C.noElement, name + ' is not in the data model'); }
      if (ref.kind === 'badKeyword' || ref.kind === 'count' || ref.kind === 'children' ||
          /\._(children|count|version)$/.test(name)) {
        throw new Failure(C.keywordSet, name + ' is a keyword');
      }
      if (ref.def.access === 'RO') { throw new Failure(C.readOnly, name + ' is read-only'); }
      if (!isString(value)) { throw new Failure(C.type, 'values are strings'); }
      var check = ref.def.check;
      var record = null, list = null, index = null;
      if (ref.kind === 'field') {
        if (ref.sub === undefined) {
          list = store.collections[ref.collection];
          index = ref.index;
        } else {
          var parent = store.collections[ref.collection][ref.index];
          if (!parent) { throw new Failure(C.setFailure, 'no record ' + ref.index + ' in ' + ref.collection); }
          if (ref.def.needsParent && parent[ref.def.needsParent] === undefined) {
            throw new Failure(v2004 ? '408' : C.setFailure, ref.collection + '.' + ref.index + '.' + ref.def.needsParent + ' must be set first');
          }
          parent[ref.sub] = parent[ref.sub] || [];
          list = parent[ref.sub];
          index = ref.subIndex;
        }
        if (index > list.length) {
          throw new Failure(C.setFailure, 'index ' + index + ' skips records (the count is ' + list.length + ')');
        }
        record = list[index] || {};
        if (v2004 && ref.def.needs && record[ref.def.needs] === undefined && !(ref.field === ref.def.needs)) {
          throw new Failure('408', 'set ' + ref.def.needs + ' of this record first');
        }
        if (check === 'feedback') { check = FEEDBACK12[typeOf(ref, record)] || T12.string255; }
        if (check === 'response' || check === 'pattern') {
          var type = typeOf(ref, record);
          if (check === 'pattern' && type === 'true-false' && index > 0) {
            throw new Failure('351', 'a true-false interaction has one correct response (RTE 4.2.9.1)');
          }
          check = (check === 'response' ? RESPONSE2004 : PATTERN2004)[type];
        }
      }
      if (!check(value)) { throw new Failure(C.type, JSON.stringify(value).slice(0, 80) + ' does not fit ' + name); }
      if (ref.def.range && value !== '' && !ref.def.range(value)) { throw new Failure(C.range, value + ' is out of range for ' + name); }
      if (ref.kind === 'plain') {
        store.values[name] = value;
      } else {
        record[ref.field] = value;
        list[index] = record;
      }
      return 'true';
    }

    function typeOf(ref, record) {
      if (ref.sub === 'correct_responses') { return store.collections[ref.collection][ref.index].type; }
      return record.type;
    }

    var names = v2004
      ? {init: 'Initialize', term: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit',
         last: 'GetLastError', text: 'GetErrorString', diag: 'GetDiagnostic'}
      : {init: 'LMSInitialize', term: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit',
         last: 'LMSGetLastError', text: 'LMSGetErrorString', diag: 'LMSGetDiagnostic'};
    this[names.init] = function (p) { return finish(names.init, arguments, function () { return initialize(p); }); };
    this[names.term] = function (p) { return finish(names.term, arguments, function () { return terminate(p); }); };
    this[names.get] = function (n) { return finish(names.get, arguments, function () { return getValue(n); }); };
    this[names.set] = function (n, v) { return finish(names.set, arguments, function () { return setValue(n, v); }); };
    this[names.commit] = function (p) { return finish(names.commit, arguments, function () { return commit(p); }); };
    this[names.last] = function () { return lastError; };
    this[names.text] = function (code) { return (v2004 ? TEXT2004 : TEXT12)[String(code)] || ''; };
    this[names.diag] = function () { return lastDiagnostic; };

    this.version = version;
    this.calls = calls;
    this.commits = 0;
    this.state = function () { return state; };
    /* Every call that failed: [] is a SCO that plays in any conformant LMS. */
    this.failures = function () { return calls.filter(function (c) { return c.error !== '0'; }); };
    /* The data model as the LMS keeps it between sessions; `entry` follows the exit the SCO
     * chose (resume after suspend). Pass it to the next session's constructor. */
    this.saved = function () {
      var kept = JSON.parse(JSON.stringify(store.values));
      var exit = v2004 ? store.values['cmi.exit'] : store.values['cmi.core.exit'];
      var entryKey = v2004 ? 'cmi.entry' : 'cmi.core.entry';
      kept[entryKey] = exit === 'suspend' ? 'resume' : '';
      delete kept[v2004 ? 'cmi.exit' : 'cmi.core.exit'];
      delete kept[v2004 ? 'cmi.session_time' : 'cmi.core.session_time'];
      if (v2004 && exit !== 'suspend') {
        /* A new attempt: the run-time data starts again (RTE 4.2.8, cmi.exit) */
        return {'cmi.entry': 'ab-initio'};
      }
      Object.keys(store.collections).forEach(function (name) { kept[name] = store.collections[name]; });
      return kept;
    };
    /* The data model as this session left it (saved() is what the next session starts from). */
    this.data = function () {
      var all = JSON.parse(JSON.stringify(store.values));
      Object.keys(store.collections).forEach(function (name) { all[name] = store.collections[name]; });
      return all;
    };
    this.value = function (name) { return store.values[name]; };
    this.collection = function (name) { return store.collections[name]; };
  }

  var exported = {
    Scorm12: function (saved, options) { return new Api('1.2', saved, options); },
    Scorm2004: function (saved, options) { return new Api('2004', saved, options); }
  };
  if (typeof module !== 'undefined' && module.exports) { module.exports = exported; } else { root.StrictScorm = exported; }
})(this);
