// A phone's page of a live session (/live/<id>): loads jweixin (WeChat's own inside WeChat,
// else the simulator of its bridge with the same official SDK), has wx.config signed by the
// server for this page's URL like any page, joins under a name with one tap, then runs each
// call the presenter starts (once: a run is marked before it starts, and the server refuses a
// second answer) and sends back what came of it. Between runs it follows the presenter's API.
// Everything from other phones is set as text; every word comes from #live-strings.
(function () {
  'use strict';
  var root = document.getElementById('live-phone');
  if (!root || !window.EventSource || !window.fetch) return;
  var T = JSON.parse(document.getElementById('live-strings').textContent);
  var session = root.getAttribute('data-session');
  var base = '/api/live/' + session;
  var $ = function (id) { return document.getElementById(id); };
  var stored = 'live-phone:' + session;
  // Read before the simulator dresses the user agent up as WeChat.
  var simulated = /[?&]sim=1(&|$)/.test(location.search) || !/micromessenger/i.test(navigator.userAgent);
  var me = null;
  try { me = JSON.parse(localStorage.getItem(stored) || 'null'); } catch (e) { me = null; }
  var state = { phones: [], runs: [], answers: [], current: null };
  var ready = false;
  var queued = [];
  var asked = null;

  function save() { localStorage.setItem(stored, JSON.stringify(me)); }

  function loadScripts(list) {
    return list.reduce(function (chain, src) {
      return chain.then(function () {
        return new Promise(function (resolve, reject) {
          var script = document.createElement('script');
          script.src = src;
          script.onload = resolve;
          script.onerror = function () { reject(new Error('cannot load ' + src)); };
          document.head.appendChild(script);
        });
      });
    }, Promise.resolve());
  }

  function loadSdk() {
    if (simulated) return loadScripts(root.getAttribute('data-sim-sdk').split(' '));
    var hosts = root.getAttribute('data-wechat-sdk').split(' ');
    return loadScripts([hosts[0]]).catch(function () { return loadScripts([hosts[1]]); });
  }

  function setConfig(status, text) {
    var el = $('live-config');
    el.setAttribute('data-status', status);
    el.textContent = T.config + text;
  }

  /// Signs this page's URL (iOS verifies the landing URL: this page never changes its own).
  function configure() {
    var form = new URLSearchParams();
    form.append('url', location.href.split('#')[0]);
    root.getAttribute('data-apis').split(' ').forEach(function (api, i) { form.append('apis[' + i + ']', api); });
    return fetch('/api/js_config', { method: 'POST', body: form })
      .then(function (response) { return response.json(); })
      .then(function (signed) {
        if (!signed.config) throw new Error(signed.message || 'js_config');
        var failed = false;
        wx.error(function (res) {
          failed = true;
          setConfig('failed', String(res.errMsg || 'config:fail'));
        });
        wx.ready(function () {
          if (failed) return;
          ready = true;
          setConfig('ready', 'config:ok');
          follow();
          queued.splice(0).forEach(execute);
        });
        wx.config(signed.config);
        setConfig('verifying', '…');
      });
  }

  function status() {
    var el = $('live-status');
    if (me) {
      el.setAttribute('data-state', 'joined');
      el.textContent = T.joined + ' ' + session + T.as + me.name;
      $('live-join-form').hidden = true;
      $('live-follow').hidden = false;
    } else {
      el.setAttribute('data-state', 'not_joined');
      el.textContent = T.not_joined;
      $('live-join-form').hidden = false;
    }
  }

  function answered(run) {
    return state.answers.some(function (a) { return a.run === run && me && a.phone === me.phone; });
  }

  /// Runs the presenter's run here, unless it already ran on this phone.
  function consider(run) {
    if (!me || !run) return;
    if (me.ran.indexOf(run.run) >= 0 || answered(run.run)) return;
    if (me.ask_first) {
      asked = run;
      $('live-ask-api').textContent = 'wx.' + run.function;
      $('live-ask').hidden = false;
      return;
    }
    execute(run);
  }

  function execute(run) {
    if (!ready) { queued.push(run); return; }
    if (me.ran.indexOf(run.run) >= 0) return;
    // Marked before the call: a page that reloads or reconnects mid-call never runs it again.
    me.ran.push(run.run);
    save();
    call(run.function, run.args, function (status, res, ms) {
      mine(run.function, status, res, ms);
      send({ phone: me.phone, key: me.key, run: run.run, status: status, err_msg: res.errMsg, data: res.data, duration_ms: ms }, 0);
    });
  }

  /// Calls wx.<fn> with exactly `args` and the callbacks; `done` once, on the first outcome.
  function call(fn, args, done) {
    var started = Date.now();
    var finished = false;
    var a = JSON.parse(JSON.stringify(args || {}));
    // Share content with an empty link shares this page (a JS safe domain's URL).
    if (a.link === '') a.link = location.href.split('#')[0];
    function finish(status) {
      return function (res) {
        if (finished) return;
        finished = true;
        var data = {};
        Object.keys(res || {}).forEach(function (k) { if (k !== 'errMsg') data[k] = res[k]; });
        done(status, { errMsg: String((res && res.errMsg) || ''), data: data }, Date.now() - started);
      };
    }
    a.success = finish('ok');
    a.fail = finish('fail');
    a.cancel = finish('cancel');
    try {
      if (typeof wx[fn] !== 'function') throw new Error('wx.' + fn + ' is not a function');
      wx[fn](a);
    } catch (e) {
      finish('fail')({ errMsg: fn + ':fail ' + e.message });
    }
  }

  function send(body, tries) {
    fetch(base + '/answer', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (response.status >= 500 && tries < 5) setTimeout(function () { send(body, tries + 1); }, 1000 * (tries + 1));
    }).catch(function () {
      if (tries < 5) setTimeout(function () { send(body, tries + 1); }, 1000 * (tries + 1));
    });
  }

  function mine(fn, status, res, ms) {
    var el = $('live-mine');
    el.setAttribute('data-status', status);
    el.textContent = T.mine + 'wx.' + fn + ' · ' + (T[status] || status) + ' · ' + res.errMsg + ' · ' + ms + ' ms';
  }

  function follow() {
    var current = state.current;
    $('live-api').textContent = current ? 'wx.' + current.function : '';
    $('live-code').firstChild.textContent = current ? current.code : '';
    $('live-run-again').disabled = !current || !ready;
    var run = state.runs[state.runs.length - 1];
    $('live-needs-user').hidden = !(run && run.needs_user && current && run.api === current.api);
    var body = $('live-room');
    body.textContent = '';
    if (!run) return;
    $('live-run-label').textContent = T.run_label.replace('{}', run.run) + ' · wx.' + run.function;
    state.phones.forEach(function (phone) {
      var answer = state.answers.filter(function (a) { return a.run === run.run && a.phone === phone.id; })[0];
      var status = answer ? answer.status : (Date.now() > run.started_at + run.timeout_ms ? 'timeout' : 'waiting');
      var row = document.createElement('tr');
      row.setAttribute('data-phone', phone.id);
      row.setAttribute('data-status', status);
      [phone.name, phone.os, T[status] || status, answer ? answer.err_msg : ''].forEach(function (text) {
        var td = document.createElement('td');
        td.textContent = text;
        row.appendChild(td);
      });
      body.appendChild(row);
    });
  }

  function listen() {
    var source = new EventSource(base + '/events');
    $('live-connection').textContent = T.connecting;
    source.addEventListener('snapshot', function (event) {
      state = JSON.parse(event.data);
      $('live-connection').textContent = '';
      root.setAttribute('data-listening', 'open');
      // A phone the session does not know (another session's, or one that expired) joins anew.
      if (me && !state.phones.some(function (p) { return p.id === me.phone; })) {
        me = null;
        localStorage.removeItem(stored);
      }
      status();
      follow();
      consider(state.runs[state.runs.length - 1]);
    });
    source.addEventListener('joined', function (event) { state.phones.push(JSON.parse(event.data)); follow(); });
    source.addEventListener('api', function (event) { state.current = JSON.parse(event.data); follow(); });
    source.addEventListener('run', function (event) {
      var run = JSON.parse(event.data);
      state.runs.push(run);
      state.current = { api: run.api, function: run.function, args: run.args, code: run.code };
      follow();
      consider(run);
    });
    source.addEventListener('answer', function (event) { state.answers.push(JSON.parse(event.data)); follow(); });
    source.addEventListener('ended', function () {
      source.close();
      $('live-connection').textContent = T.ended;
      root.setAttribute('data-listening', 'ended');
    });
    source.onerror = function () {
      var closed = source.readyState === EventSource.CLOSED;
      $('live-connection').textContent = closed ? T.gone : T.reconnecting;
      root.setAttribute('data-listening', closed ? 'closed' : 'reconnecting');
    };
  }

  $('live-name').value = me ? me.name : '';
  if (!$('live-name').value) $('live-name').placeholder = 'Phone ' + Math.floor(1000 + Math.random() * 9000);
  $('live-join-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var name = $('live-name').value.trim() || $('live-name').placeholder;
    var askFirst = $('live-ask-first').checked;
    fetch(base + '/join', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: name, ask_first: askFirst, simulated: simulated }),
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) {
          $('live-status').textContent = String(json.message || response.status);
          $('live-status').setAttribute('data-state', 'refused');
          return;
        }
        // Runs over before the join are not this phone's to answer; one still on is.
        var ran = state.runs.filter(function (r) { return Date.now() > r.started_at + r.timeout_ms; })
          .map(function (r) { return r.run; });
        me = { phone: json.phone.id, key: json.key, name: json.phone.name, ask_first: askFirst, ran: ran };
        save();
        status();
        follow();
        consider(state.runs[state.runs.length - 1]);
      });
    });
  });
  $('live-run-now').addEventListener('click', function () {
    $('live-ask').hidden = true;
    if (asked) execute(asked);
    asked = null;
  });
  $('live-run-again').addEventListener('click', function () {
    var current = state.current;
    if (current && ready) call(current.function, current.args, function (s, res, ms) { mine(current.function, s, res, ms); });
  });

  status();
  loadSdk().then(configure).then(function () { follow(); }).catch(function (e) { setConfig('failed', String(e.message || e)); });
  listen();
})();
