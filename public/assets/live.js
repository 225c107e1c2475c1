// The presenter's screen of a live session (/live/<id>/present): steps through the APIs
// (←/→), sends the call editor's fields to the server (which checks them as the category
// pages do) to select an API or run it on every phone (Enter), and draws the phones' answers
// from the session's event stream. Everything a phone sent is set as text, never as HTML;
// every word shown comes from the page (#live-strings, in the page's language).
(function () {
  'use strict';
  var root = document.getElementById('live-present');
  if (!root || !window.EventSource || !window.fetch) return;
  var T = JSON.parse(document.getElementById('live-strings').textContent);
  var session = root.getAttribute('data-session');
  var base = '/api/live/' + session;
  var $ = function (id) { return document.getElementById(id); };

  // The presenter's key: in the fragment the first time, then kept in this tab only, and
  // taken out of the address bar (a projector shows it).
  var stored = 'live-key:' + session;
  var fromHash = (location.hash.match(/key=([A-Za-z0-9]+)/) || [])[1];
  if (fromHash) {
    sessionStorage.setItem(stored, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  var key = sessionStorage.getItem(stored) || '';
  if (!key) $('live-refusal').textContent = T.no_key;

  var sections = Array.prototype.slice.call(root.querySelectorAll('.live_api'));
  var select = $('live-api-select');
  var index = 0;
  var state = { phones: [], runs: [], answers: [], current: null, ended: false };
  var timer = null;

  function sectionOf(api) {
    for (var i = 0; i < sections.length; i++) if (sections[i].getAttribute('data-api') === api) return i;
    return -1;
  }

  /// The editor's fields of the shown API, as [name, value] pairs.
  function params(section) {
    var form = section.querySelector('form[data-editor]');
    var out = [];
    if (!form) return out;
    new FormData(form).forEach(function (value, name) {
      if (name !== 'api') out.push([name, String(value)]);
    });
    return out;
  }

  function show(i, tell) {
    index = (i + sections.length) % sections.length;
    sections.forEach(function (s, j) { s.hidden = j !== index; });
    var section = sections[index];
    var details = section.querySelector('details.call_editor');
    if (details) details.open = true;
    select.value = section.getAttribute('data-api');
    $('run-on-phones').disabled = section.getAttribute('data-runnable') !== 'true';
    $('live-refusal').textContent = '';
    if (tell) post('/select', callBody(section)).then(function (current) {
      if (current) setCode(current.code);
    });
  }

  function callBody(section) {
    return { key: key, api: section.getAttribute('data-api'), params: params(section) };
  }

  /// POSTs JSON; a refusal's message is shown; resolves to the answer's JSON, or null.
  function post(path, body) {
    return fetch(base + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (response.status === 204) return {};
      return response.json().then(function (json) {
        if (!response.ok) {
          $('live-refusal').textContent = String(json.message || response.status);
          return null;
        }
        $('live-refusal').textContent = '';
        return json;
      });
    }).catch(function (error) {
      $('live-refusal').textContent = String(error);
      return null;
    });
  }

  function run() {
    var section = sections[index];
    if (section.getAttribute('data-runnable') !== 'true') return;
    post('/run', callBody(section));
  }

  function setCode(code) {
    $('live-code').firstChild.textContent = code || '';
  }

  function cell(row, className, text) {
    var td = document.createElement('td');
    td.className = className;
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function client(phone) {
    return phone.wechat_version ? 'WeChat ' + phone.wechat_version : T.simulated;
  }

  function statusOf(run, answer) {
    if (answer) return answer.status;
    return Date.now() > run.started_at + run.timeout_ms ? 'timeout' : 'waiting';
  }

  function render() {
    $('live-phone-count').textContent = String(state.phones.length);
    var run = state.runs[state.runs.length - 1];
    var body = $('live-results');
    body.textContent = '';
    $('live-tally').textContent = '';
    if (!run) return;
    $('live-no-run').hidden = true;
    $('live-run-label').textContent = T.run_label.replace('{}', run.run) + ' · wx.' + run.function;
    var byStatus = {};
    var byClient = {};
    state.phones.forEach(function (phone) {
      var answer = state.answers.filter(function (a) { return a.run === run.run && a.phone === phone.id; })[0];
      var status = statusOf(run, answer);
      var row = document.createElement('tr');
      row.setAttribute('data-phone', phone.id);
      row.setAttribute('data-status', status);
      cell(row, 'live_name', phone.name);
      cell(row, 'live_os', phone.os);
      cell(row, 'live_wechat', client(phone));
      cell(row, 'live_status', T[status] || status).setAttribute('data-status', status);
      cell(row, 'live_err_msg', answer ? answer.err_msg : '');
      cell(row, 'live_data', answer ? JSON.stringify(answer.data) : '');
      cell(row, 'live_duration', answer ? answer.duration_ms + ' ms' : '');
      body.appendChild(row);
      byStatus[status] = (byStatus[status] || 0) + 1;
      var c = phone.os + ' · ' + client(phone);
      byClient[c] = byClient[c] || {};
      byClient[c][status] = (byClient[c][status] || 0) + 1;
    });
    tally(T.by_status, Object.keys(byStatus).map(function (s) {
      return { label: T[s] || s, status: s, count: byStatus[s] };
    }), 'status');
    tally(T.by_client, Object.keys(byClient).map(function (c) {
      var parts = Object.keys(byClient[c]).map(function (s) { return (T[s] || s) + ' ' + byClient[c][s]; });
      return { label: c + ': ' + parts.join(', '), status: '', count: null };
    }), 'client');
    // Redraw when the first waiting phone times out.
    clearTimeout(timer);
    var left = run.started_at + run.timeout_ms - Date.now();
    if (left > 0) timer = setTimeout(render, left + 50);
  }

  function tally(title, items, kind) {
    var box = document.createElement('div');
    box.className = 'live_tally_group';
    box.setAttribute('data-tally', kind);
    var head = document.createElement('strong');
    head.textContent = title + ' ';
    box.appendChild(head);
    items.forEach(function (item) {
      var span = document.createElement('span');
      span.className = 'live_tally_item';
      if (item.status) span.setAttribute('data-status', item.status);
      span.textContent = item.count === null ? item.label : item.label + ' ' + item.count;
      box.appendChild(span);
    });
    $('live-tally').appendChild(box);
  }

  function listen() {
    var source = new EventSource(base + '/events');
    $('live-connection').textContent = T.connecting;
    source.addEventListener('snapshot', function (event) {
      state = JSON.parse(event.data);
      $('live-connection').textContent = '';
      root.setAttribute('data-listening', 'open');
      if (state.current) {
        var i = sectionOf(state.current.api);
        if (i >= 0 && i !== index) show(i, false);
        setCode(state.current.code);
      } else if (key && !state.ended) {
        show(index, true); // the phones follow from the first API on
      }
      render();
    });
    source.addEventListener('joined', function (event) {
      state.phones.push(JSON.parse(event.data));
      render();
    });
    source.addEventListener('api', function (event) {
      state.current = JSON.parse(event.data);
      setCode(state.current.code);
    });
    source.addEventListener('run', function (event) {
      var run = JSON.parse(event.data);
      state.runs.push(run);
      setCode(run.code);
      render();
    });
    source.addEventListener('answer', function (event) {
      state.answers.push(JSON.parse(event.data));
      render();
    });
    source.addEventListener('ended', function () {
      source.close();
      $('live-connection').textContent = T.ended;
      root.setAttribute('data-listening', 'ended');
    });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) {
        $('live-connection').textContent = T.gone;
        root.setAttribute('data-listening', 'closed');
      } else {
        $('live-connection').textContent = T.reconnecting;
        root.setAttribute('data-listening', 'reconnecting');
      }
    };
  }

  select.addEventListener('change', function () { show(sectionOf(select.value), true); });
  $('live-prev').addEventListener('click', function () { show(index - 1, true); });
  $('live-next').addEventListener('click', function () { show(index + 1, true); });
  $('run-on-phones').addEventListener('click', run);
  $('live-toggle-code').addEventListener('click', toggleCode);
  $('live-end').addEventListener('click', function () { post('/end', { key: key }); });
  $('live-save').addEventListener('click', function () {
    post('/save', { key: key }).then(function (answer) {
      if (!answer) return;
      var box = $('live-saved');
      box.textContent = T.saved + ' ';
      answer.reports.forEach(function (r) {
        var a = document.createElement('a');
        a.href = r.url;
        a.className = 'live_report';
        a.textContent = r.name + ' #' + r.id;
        box.append(a, ' ');
      });
      if (answer.reports.length >= 2) {
        var compare = document.createElement('a');
        compare.id = 'live-compare';
        compare.href = '/qa/compare?a=' + answer.reports[0].id + '&b=' + answer.reports[1].id;
        compare.textContent = T.compare;
        box.append(compare);
      }
    });
  });

  function toggleCode() {
    var code = $('live-code');
    code.hidden = !code.hidden;
    $('live-toggle-code').setAttribute('aria-pressed', String(!code.hidden));
  }

  // The editors' forms are GET forms (their "make a link" button opens the call's link);
  // any other submit (Enter in a field) runs on phones instead of leaving the page.
  root.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    if (submitter && submitter.classList.contains('make_link')) return;
    event.preventDefault();
    run();
  });
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var tag = (event.target && event.target.tagName) || '';
    var typing = tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
    if (typing) {
      // Enter in a one-line field runs on phones (rather than the form's first button,
      // "make a link", which implicit submission would press); arrows edit the field.
      if (event.key === 'Enter' && tag === 'INPUT') { event.preventDefault(); run(); }
      return;
    }
    if (event.key === 'ArrowLeft') { show(index - 1, true); event.preventDefault(); }
    else if (event.key === 'ArrowRight') { show(index + 1, true); event.preventDefault(); }
    else if (event.key === 'Enter' && tag !== 'BUTTON' && tag !== 'A') { run(); event.preventDefault(); }
    else if (event.key === 'c' || event.key === 'C') toggleCode();
  });

  show(Math.max(0, sectionOf(root.getAttribute('data-first-api'))), false);
  listen();
})();
