// A category page's code panel (#code): the call being edited or last run, written by the
// server (POST /api/call_code) in the stack the reader chose, remembered for the next pages;
// a copy button. It follows every call editor as it is typed in (the server checks the
// fields as a run would: values not whole yet keep the code shown), a deep link's call from
// the start, and each call the page sends (the wasm sets the panel's data-sent).
// Every word comes from #code-strings; the code is set as text.
(function () {
  'use strict';
  var panel = document.getElementById('code');
  if (!panel || !window.fetch || !window.URLSearchParams) return;
  var T = JSON.parse(document.getElementById('code-strings').textContent);
  var KEY = 'wxpg.code-stack';
  var buttons = Array.prototype.slice.call(panel.querySelectorAll('.code_stack'));
  var stacks = buttons.map(function (b) { return b.getAttribute('data-stack'); });
  var stack = panel.getAttribute('data-stack');
  var current = null; // { api, args } or { api, fields }: what to write
  var latest = 0; // the newest request; older answers are dropped
  var shown = null; // the text shown, for the copy button
  var pre = null;
  var copyButton = null;

  try {
    var saved = localStorage.getItem(KEY);
    if (saved && stacks.indexOf(saved) >= 0) stack = saved;
  } catch (e) { /* no storage: the default stack */ }

  function press() {
    buttons.forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-stack') === stack));
    });
  }

  function show(text, writtenIn) {
    if (!pre) {
      pre = document.createElement('pre');
      pre.id = 'snippet';
      pre.appendChild(document.createElement('code'));
      copyButton = document.createElement('button');
      copyButton.type = 'button';
      copyButton.id = 'copy-code';
      copyButton.className = 'link_button';
      copyButton.addEventListener('click', copy);
      var empty = document.getElementById('snippet-empty');
      empty.hidden = true;
      empty.parentNode.insertBefore(copyButton, empty.nextSibling);
      empty.parentNode.insertBefore(pre, copyButton);
    }
    shown = text;
    pre.setAttribute('data-stack', writtenIn);
    pre.firstChild.textContent = text;
    copyButton.textContent = T.copy;
  }

  function write() {
    if (!current) return;
    var request = ++latest;
    var writtenIn = stack;
    var body = new URLSearchParams();
    body.set('api', current.api);
    body.set('stack', writtenIn);
    if (current.fields) body.set('fields', JSON.stringify(current.fields));
    else body.set('args', JSON.stringify(current.args));
    body.set('lang', panel.getAttribute('data-lang'));
    fetch('/api/call_code', {
      method: 'POST', body: body, credentials: 'same-origin', headers: { accept: 'application/json' },
    })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (request !== latest || !answer) return;
          if (response.ok && typeof answer.code === 'string') show(answer.code, writtenIn);
          // Refused fields are being typed: the last code stays.
          else if (!response.ok && typeof answer.message === 'string') show('// ' + answer.message, writtenIn);
        });
      })
      .catch(function () { /* offline: the last code stays */ });
  }

  function copy() {
    if (shown === null) return;
    if (navigator.clipboard) navigator.clipboard.writeText(shown).catch(function () {});
    copyButton.textContent = T.copied;
  }

  /** Follows a call editor: its fields as typed, [name, value] in the form's order. */
  function follow(form) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') fields.push([name, value]);
    });
    current = { api: form.getAttribute('data-editor'), fields: fields };
    write();
  }

  buttons.forEach(function (b) {
    b.addEventListener('click', function () {
      stack = b.getAttribute('data-stack');
      try { localStorage.setItem(KEY, stack); } catch (e) { /* not remembered */ }
      press();
      write();
    });
  });
  ['input', 'change'].forEach(function (kind) {
    document.addEventListener(kind, function (event) {
      var form = event.target && event.target.closest && event.target.closest('form[data-editor]');
      if (form) follow(form);
    });
  });
  new MutationObserver(function () {
    var sent;
    try { sent = JSON.parse(panel.getAttribute('data-sent')); } catch (e) { return; }
    if (!sent || typeof sent.api !== 'string') return;
    current = { api: sent.api, args: sent.args || {} };
    write();
  }).observe(panel, { attributes: true, attributeFilter: ['data-sent'] });

  press();
  var linked = document.querySelector('.api_item.linked form[data-editor]');
  if (linked) follow(linked);
})();
