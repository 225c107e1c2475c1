// On a page opened from /setup's QR code (`?setup=<session>`): once the page's wx.config is
// verified (the page's status turns `ready` without having failed), tells the server, which
// passes it on to that /setup page. wx.error is reported by the page itself (config_error).
// A status that turns ready after a failure is a second configuration: jweixin runs a new
// ready callback at once then, before verifying, so that ready proves nothing and is not sent.
(function () {
  'use strict';
  if (!/[?&]setup=[A-Za-z0-9]{8,32}(&|$)/.test(location.search)) return;
  var sent = false;
  var failed = false;
  function look(records) {
    // Every value the status took since the last look, not only the current one.
    (records || []).forEach(function (r) { if (r.oldValue === 'failed') failed = true; });
    var status = document.getElementById('config-status');
    if (!status || sent) return;
    var now = status.getAttribute('data-status');
    if (now === 'failed') failed = true;
    if (now !== 'ready' || failed) return;
    sent = true;
    var form = new URLSearchParams();
    form.append('href', location.href);
    form.append('user_agent', navigator.userAgent);
    if (!(navigator.sendBeacon && navigator.sendBeacon('/api/config_ready', form))) {
      fetch('/api/config_ready', { method: 'POST', body: form, keepalive: true }).catch(function () {});
    }
  }
  new MutationObserver(look).observe(document.body, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-status'],
    attributeOldValue: true,
    childList: true,
  });
  look();
})();
