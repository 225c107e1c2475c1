// /setup's live list: each phone opened from the page's QR code reports its wx.ready or
// wx.error to the server, which passes it on here as a server-sent event. Every string shown
// comes from the page (data-t-* attributes, in the page's language) or is the phone's own
// errMsg / device, set as text.
(function () {
  'use strict';
  var list = document.getElementById('setup-phones');
  if (!list || !window.EventSource) return;
  var t = function (key) { return list.getAttribute('data-t-' + key) || ''; };
  var session = list.getAttribute('data-session');
  var source = new EventSource('/api/setup/events?session=' + encodeURIComponent(session));
  list.setAttribute('data-listening', 'connecting');
  source.onopen = function () { list.setAttribute('data-listening', 'open'); };
  source.addEventListener('phone', function (event) {
    var result;
    try { result = JSON.parse(event.data); } catch (e) { return; }
    var waiting = document.getElementById('setup-phones-waiting');
    if (waiting) waiting.remove();
    var item = document.createElement('li');
    item.className = 'setup_phone_result';
    item.setAttribute('data-outcome', result.outcome === 'ready' ? 'ready' : 'error');
    item.setAttribute('data-err-msg', String(result.err_msg || ''));
    var head = document.createElement('strong');
    head.textContent = t(result.outcome === 'ready' ? 'ready' : 'error') + ' ';
    var msg = document.createElement('code');
    msg.className = 'setup_err_msg';
    msg.textContent = String(result.err_msg || '');
    var device = document.createElement('span');
    device.className = 'setup_device';
    var wechat = result.wechat_version ? 'WeChat ' + result.wechat_version : t('simulated');
    device.textContent = ' · ' + String(result.os || '') + ' · ' + wechat + ' · ' +
      String(result.path || '') + ' · ' + new Date().toLocaleTimeString();
    item.append(head, msg, device);
    if (result.cause) {
      var cause = document.createElement('p');
      cause.className = 'setup_cause';
      cause.setAttribute('data-cause', String(result.cause));
      cause.textContent = t(String(result.cause));
      item.append(cause);
    }
    list.prepend(item);
  });
})();
