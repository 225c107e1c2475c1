/*
 * Simulated WeChat: an in-browser stand-in for WeChat's native bridge (window.WeixinJSBridge)
 * so that the official jweixin-1.6.0.js runs unchanged in a desktop browser.
 *
 * Load contract (classic scripts, in this order, only outside real WeChat or with ?sim=1):
 *   <script src="/assets/sim/simulator.js"></script>
 *   <script src="/assets/vendor/jweixin-1.6.0.js"></script>
 * When this script runs it synchronously: makes navigator.userAgent contain
 * "MicroMessenger/8.0.50" (jweixin reads it at load), installs window.WeixinJSBridge, injects
 * simulator.css (resolved next to this file), and exposes window.__wxSimulator. Shortly after
 * (next task) it dispatches the `WeixinJSBridgeReady` document event; the panel mounts once
 * <body> exists. Optional settings, read once at load: window.__wxSimulatorOptions =
 * { verifyUrl, recordLimitMs, locationTimeoutMs, microphoneTimeoutMs }.
 *
 * wx.config is verified for real: preVerifyJSAPI POSTs {appId, timestamp, nonceStr, signature,
 * url} to /api/sim/verify_config and answers with the server's errMsg. Nothing here talks to
 * Tencent's hosts: the one request jweixin itself would make (its report image to
 * open.weixin.qq.com/sdk/report, sent from phones) is dropped by a guard on <img src>, and
 * external images (e.g. share icons) are only shown when the presenter allows it, never from
 * Tencent hosts. The same guard lets a localId (wxLocalResource://…) be an <img> src, as in
 * WeChat. No eval, no dependencies.
 *
 * window.__wxSimulator: realUserAgent, userAgent, calls (live array, oldest first, of
 * {seq, time, kind: invoke|on|event|report, name, jsName, args, result, pending}), verify,
 * menu ({optionMenu, hidden, visible, items}), outcome, shareData, state (internals),
 * setOutcome('ok'|'cancel'|'fail'), setAsk(bool), share(event or menu item id), openMenu(),
 * finishRecording() (as if 60 s had passed), reset().
 * DOM hooks: #wx-sim-panel, #wx-sim-status[data-status=none|verifying|ok|failed],
 * #wx-sim-outcome, #wx-sim-ask, #wx-sim-external, #wx-sim-menu-button, #wx-sim-menu,
 * [data-menu-item=<menuItem id>][data-group], [data-share=<menu event>], #wx-sim-calls >
 * li[data-bridge-call=<native name>][data-kind][data-status], overlays .wxsim-overlay[data-sim=<JS
 * API name or "share">] with one [data-close] and, when asking, [data-sim-action=ok|cancel|fail].
 */
(() => {
  'use strict';
  if (window.WeixinJSBridge || window.__wxSimulator) return; // real WeChat, or loaded twice

  /* ── 1. Settings and environment ─────────────────────────────────────────────────────── */

  const script = document.currentScript;
  const BASE = new URL('.', (script && script.src) || location.href).href;
  const OPTIONS = Object.assign(
    { verifyUrl: '/api/sim/verify_config', recordLimitMs: 60000, locationTimeoutMs: 3000, microphoneTimeoutMs: 2500 },
    window.__wxSimulatorOptions || {},
  );
  const CLIENT_VERSION = '8.0.50';
  const asset = (path) => new URL(path, BASE).href;
  const SAMPLE_IMAGES = [
    { url: asset('samples/photo-1.svg'), name: 'photo-1' },
    { url: asset('samples/photo-2.svg'), name: 'photo-2' },
    { url: asset('samples/photo-3.svg'), name: 'photo-3' },
  ];
  const VOICE_CLIP = { url: asset('samples/voice.wav'), ms: 1200 };
  const SAMPLE_LOCATION = { latitude: 23.099994, longitude: 113.32452, speed: 0, accuracy: 65 };

  // jweixin decides at load whether it runs inside WeChat, from the user agent.
  const realUserAgent = navigator.userAgent;
  const simulatedUserAgent = `${realUserAgent} MicroMessenger/${CLIENT_VERSION} WeChatPlaygroundSimulator`;
  try {
    Object.defineProperty(navigator, 'userAgent', { configurable: true, get: () => simulatedUserAgent });
  } catch (e) { /* jweixin then stays inert; the bridge still answers direct calls */ }
  // The same platform tests as jweixin: some answers differ by platform (JSON strings on Android).
  const lowerUA = realUserAgent.toLowerCase();
  const ANDROID = lowerUA.includes('android');
  const IOS = lowerUA.includes('iphone') || lowerUA.includes('ipad');

  /* ── 2. Small helpers ────────────────────────────────────────────────────────────────── */

  const zh = () => !/^en/i.test(document.documentElement.getAttribute('lang') || 'zh-CN');
  const t = (zhText, enText) => (zh() ? zhText : enText);
  const esc = (value) => String(value == null ? '' : value).replace(/[&<>"']/g, (c) =>
    ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const clone = (value) => {
    if (value === undefined) return undefined;
    try { return JSON.parse(JSON.stringify(value)); } catch (e) { return String(value); }
  };
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const later = (fn, ms) => setTimeout(fn, ms == null ? 30 : ms);
  const randomFrom = (alphabet, length) => {
    const bytes = crypto.getRandomValues(new Uint8Array(length));
    return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  };
  const digits = (n) => randomFrom('0123456789', n);
  const mediaId = () => randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-', 64);
  const isTencentHost = (host) => /(^|\.)(qq\.com|qpic\.cn|gtimg\.cn|wechat\.com|weixin\.com|qlogo\.cn)$/.test(host);
  const storage = (area) => { try { return window[area]; } catch (e) { return null; } };
  const fmtTime = (ms) => new Date(ms).toTimeString().slice(0, 8);

  /* ── 3. State ────────────────────────────────────────────────────────────────────────── */

  const state = {
    verify: { status: 'none', errMsg: '', detail: '', url: '', appId: '', jsApiList: [], openTagList: [] },
    verifySeq: 0,
    outcome: 'ok', // the presenter's answer to user-driven calls: ok | cancel | fail
    ask: false, // true: show a sheet and let the presenter decide each time
    external: (storage('localStorage') || {}).getItem?.('wxsim:external') === '1',
    calls: [], // every bridge call and event, oldest first
    listeners: {}, // event name → the callback jweixin registered with on()
    menu: { optionMenu: true, hidden: new Set(), open: true, night: false },
    share: { appMessage: null, timeline: null },
    pendingScene: null,
    images: {}, serverImages: {}, voices: {}, serverVoices: {}, // lowercased id → { id, url, name, ms }
    recording: null,
    playing: null,
    beacons: null,
    seq: 0,
  };
  const OUTCOMES = ['ok', 'cancel', 'fail'];

  // Media ids outlive a reload (as in WeChat) when they point at bundled files.
  const MEDIA_KEY = 'wxsim:media';
  function saveMedia() {
    const keep = (map) => Object.fromEntries(Object.entries(map).filter(([, v]) => !String(v.url).startsWith('blob:')));
    try {
      storage('sessionStorage')?.setItem(MEDIA_KEY, JSON.stringify({
        images: keep(state.images), serverImages: keep(state.serverImages), voices: keep(state.voices), serverVoices: keep(state.serverVoices),
      }));
    } catch (e) { /* storage full or disabled: ids then last as long as the page */ }
  }
  try {
    const saved = JSON.parse(storage('sessionStorage')?.getItem(MEDIA_KEY) || 'null');
    if (saved) ['images', 'serverImages', 'voices', 'serverVoices'].forEach((k) => Object.assign(state[k], saved[k] || {}));
  } catch (e) { /* ignore a damaged entry */ }

  const lookup = (map, id) => (id ? map[String(id).toLowerCase()] : undefined);
  function addMedia(map, prefix, item) {
    const id = prefix + digits(21);
    map[id.toLowerCase()] = Object.assign({ id }, item);
    saveMedia();
    return id;
  }
  const newImageId = (item) => addMedia(state.images, 'wxLocalResource://imageid', item);
  const newVoiceId = (item) => addMedia(state.voices, 'weixin://resourceid/', item);
  function newServerId(map, item) {
    const id = mediaId();
    map[id.toLowerCase()] = Object.assign({ id }, item);
    saveMedia();
    return id;
  }

  /* ── 4. <img src> guard: localIds display, jweixin's report never leaves ─────────────── */

  const isLocalId = (value) => /^(wxlocalresource:\/\/|weixin:\/\/resourceid\/)/i.test(value);
  const isReport = (value) => /^(https?:)?\/\/open\.weixin\.qq\.com\/sdk\/report/i.test(value);
  function rewriteImageSrc(img, value) {
    const text = String(value);
    if (isReport(text)) {
      const entry = record('report', 'open.weixin.qq.com/sdk/report', Object.fromEntries(new URL(text, location.href).searchParams));
      answerEntry(entry, { blocked: true, reason: 'the simulator sends nothing to Tencent' });
      return null;
    }
    if (isLocalId(text)) {
      const image = lookup(state.images, text.trim());
      if (image) {
        img.dataset.wxLocalId = text;
        return image.url;
      }
    }
    return value;
  }
  try {
    const srcDescriptor = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src');
    Object.defineProperty(HTMLImageElement.prototype, 'src', {
      configurable: true,
      enumerable: srcDescriptor.enumerable,
      get: srcDescriptor.get,
      set(value) {
        const next = rewriteImageSrc(this, value);
        if (next !== null) srcDescriptor.set.call(this, next);
      },
    });
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (name, value) {
      if (this instanceof HTMLImageElement && String(name).toLowerCase() === 'src') {
        const next = rewriteImageSrc(this, value);
        if (next === null) return undefined;
        return setAttribute.call(this, name, next);
      }
      return setAttribute.call(this, name, value);
    };
  } catch (e) { /* an exotic browser: localIds then show through jweixin's getLocalImgData fallback */ }

  /* ── 5. Names, permissions, support ──────────────────────────────────────────────────── */

  // jweixin's table `a` (JS name → native name), reversed: native name → JS name.
  const JS_NAME = {
    preVerifyJSAPI: 'config', 'menu:share:timeline': 'onMenuShareTimeline', 'menu:share:appmessage': 'onMenuShareAppMessage',
    'menu:share:qq': 'onMenuShareQQ', 'menu:share:weiboApp': 'onMenuShareWeibo', 'menu:share:QZone': 'onMenuShareQZone',
    imagePreview: 'previewImage', geoLocation: 'getLocation', openProductViewWithPid: 'openProductSpecificView',
    batchAddCard: 'addCard', batchViewCard: 'openCard', getBrandWCPayRequest: 'chooseWXPay',
    getRecevieBizHongBaoRequest: 'openEnterpriseRedPacket', startMonitoringBeacons: 'startSearchBeacons',
    stopMonitoringBeacons: 'stopSearchBeacons', onBeaconsInRange: 'onSearchBeacons',
    consumedShareCard: 'consumeAndShareCard', editAddress: 'openAddress',
  };
  const jsName = (native) => JS_NAME[native] || native;
  // The share invokes are allowed by their menu event's entry in jsApiList.
  const PERMISSION = {
    sendAppMessage: 'menu:share:appmessage', shareTimeline: 'menu:share:timeline', shareQQ: 'menu:share:qq',
    shareWeiboApp: 'menu:share:weiboApp', shareQZone: 'menu:share:QZone',
  };
  const EVENTS = ['menu:share:timeline', 'menu:share:appmessage', 'menu:share:qq', 'menu:share:weiboApp',
    'menu:share:QZone', 'onVoiceRecordEnd', 'onVoicePlayEnd', 'onBeaconsInRange'];
  // Allowed once config is verified whatever jsApiList says.
  const ALWAYS_ALLOWED = ['checkJsApi'];
  // The err_msg prefixes WeChat's client uses where they differ from the invoke name
  // (jweixin ignores the prefix; the panel shows the raw answer).
  const PREFIX = {
    getNetworkType: 'network_type', sendAppMessage: 'send_app_msg', shareTimeline: 'share_timeline',
    getBrandWCPayRequest: 'get_brand_wcpay_request', editAddress: 'edit_address', chooseCard: 'choose_card',
  };
  const OK_WORD = { sendAppMessage: 'confirm' }; // jweixin turns "confirm" into "ok"

  /* ── 6. The call log ─────────────────────────────────────────────────────────────────── */

  function record(kind, name, args) {
    const entry = { seq: ++state.seq, time: Date.now(), kind, name, jsName: jsName(name), args: clone(args), result: null, pending: true };
    state.calls.push(entry);
    if (state.calls.length > 200) state.calls.shift();
    scheduleRender();
    return entry;
  }
  function answerEntry(entry, result) {
    entry.result = clone(result);
    entry.pending = false;
    scheduleRender();
  }
  function statusOf(result) {
    const msg = (result && (result.err_msg || result.errMsg)) || '';
    const tail = msg.slice(msg.indexOf(':') + 1);
    if (/^(ok|confirm)$/.test(tail)) return 'ok';
    if (tail === 'cancel') return 'cancel';
    return msg ? 'fail' : 'ok';
  }

  /* ── 7. The bridge ───────────────────────────────────────────────────────────────────── */

  const ok = (fields) => ({ status: 'ok', fields: fields || {} });
  const fail = (desc, fields) => ({ status: 'fail', desc, fields: fields || {} });
  const cancelled = () => ({ status: 'cancel', fields: {} });
  const byOutcome = (outcome) => (outcome === 'cancel' ? cancelled()
    : fail(t('模拟器：演示者选择了“失败”', 'Simulator: the presenter chose “fail”')));

  function toRaw(native, result) {
    const word = result.status === 'ok' ? OK_WORD[native] || 'ok' : result.status;
    const raw = Object.assign({ err_msg: result.rawMsg || `${PREFIX[native] || native}:${word}` }, result.fields);
    if (result.desc) raw.err_desc = result.desc; // jweixin deletes err_desc; the panel shows it
    return raw;
  }

  function gate(native) {
    if (!HANDLERS[native]) return { err_msg: 'system:function_not_exist' };
    const verify = state.verify;
    if (verify.status === 'none' || verify.status === 'verifying') {
      return { err_msg: 'system:the permission value is offline verifying' };
    }
    if (verify.status !== 'ok') return { err_msg: 'system:access_denied', err_desc: `wx.config failed: ${verify.errMsg}` };
    const needed = PERMISSION[native] || native;
    if (!ALWAYS_ALLOWED.includes(native) && !verify.jsApiList.includes(needed)) {
      return { err_msg: 'system:access_denied', err_desc: `${jsName(needed)} is not in wx.config's jsApiList` };
    }
    return null;
  }

  function invoke(name, args, callback) {
    const native = String(name);
    const input = args && typeof args === 'object' ? args : {};
    const entry = record('invoke', native, input);
    const answer = (raw) => {
      answerEntry(entry, raw);
      if (typeof callback === 'function') callback(raw);
    };
    if (native === 'preVerifyJSAPI') {
      preVerify(input).then((raw) => later(() => answer(raw), 0));
      return;
    }
    const refusal = gate(native);
    if (refusal) {
      later(() => answer(refusal));
      return;
    }
    Promise.resolve()
      .then(() => HANDLERS[native](input))
      .then((result) => toRaw(native, result), (error) => ({
        err_msg: `${native}:fail`, err_desc: `simulator error: ${error && error.message}`,
      }))
      .then((raw) => later(() => answer(raw)));
  }

  function on(event, callback) {
    const name = String(event);
    state.listeners[name] = callback;
    const entry = record('on', name, null);
    answerEntry(entry, EVENTS.includes(name) ? { listening: true } : { listening: false, reason: 'unknown event' });
  }

  const permitted = (name) => state.verify.status === 'ok' && state.verify.jsApiList.includes(name);

  // Fires a native event at the page; false when nobody may hear it.
  function fire(event, payload) {
    const entry = record('event', event, payload);
    const callback = state.listeners[event];
    const reason = !callback ? 'no listener' : !permitted(event) ? `${jsName(event)} is not permitted by wx.config` : '';
    answerEntry(entry, reason ? { delivered: false, reason } : { delivered: true });
    if (!reason) callback(payload);
    return !reason;
  }

  window.WeixinJSBridge = {
    invoke,
    on,
    call: (name) => invoke(name, {}, null), // old pages call WeixinJSBridge.call('hideOptionMenu')
  };

  /* ── 8. Verifying wx.config (preVerifyJSAPI) ─────────────────────────────────────────── */

  // iOS WeChat verifies against the URL the page was entered with, even after
  // client-side navigation; elsewhere against the current one.
  const LANDING_URL = location.href.split('#')[0];

  function preVerify(args) {
    const seq = ++state.verifySeq;
    const url = IOS ? LANDING_URL : location.href.split('#')[0];
    state.verify = {
      status: 'verifying', errMsg: '', detail: '', url, appId: args.verifyAppId || '',
      jsApiList: Array.isArray(args.verifyJsApiList) ? args.verifyJsApiList.map(String) : [],
      openTagList: Array.isArray(args.verifyOpenTagList) ? args.verifyOpenTagList.map(String) : [],
    };
    scheduleRender();
    // Each wx.config gets its own verdict; only the latest one sets the permissions.
    const settle = (errMsg, detail) => {
      if (seq === state.verifySeq) {
        Object.assign(state.verify, { status: errMsg === 'config:ok' ? 'ok' : 'failed', errMsg, detail: detail || '' });
        scheduleRender();
      }
      return detail ? { err_msg: errMsg, err_desc: detail } : { err_msg: errMsg };
    };
    const missing = ['verifyAppId', 'verifyTimestamp', 'verifyNonceStr', 'verifySignature']
      .filter((k) => args[k] == null || args[k] === '' || args[k] === 'undefined');
    if (missing.length) {
      return Promise.resolve(settle('config:fail', `wx.config is missing ${missing.map((k) => k.replace('verify', '')).join(', ')}`));
    }
    const body = {
      appId: String(args.verifyAppId), timestamp: String(args.verifyTimestamp), nonceStr: String(args.verifyNonceStr),
      signature: String(args.verifySignature), url,
    };
    return fetch(OPTIONS.verifyUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin',
    })
      .then((response) => response.json().catch(() => ({})).then((json) => {
        if (json && typeof json.errMsg === 'string') return settle(json.errMsg, json.detail);
        return settle('config:fail', `verify endpoint answered HTTP ${response.status} without errMsg`);
      }))
      .catch((error) => settle('config:fail', `verify endpoint unreachable: ${error && error.message}`));
  }

  /* ── 9. Sheets, toasts, images ───────────────────────────────────────────────────────── */

  function ensureCss() {
    if (document.querySelector('link[data-wxsim-css]') || !document.head) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = asset('simulator.css');
    link.dataset.wxsimCss = '';
    document.head.appendChild(link);
  }

  // An overlay named by data-sim="<JS API name>", with one [data-close] button.
  // opts: { title, body, style: 'sheet'|'dialog'|'full', actions: [{label, action, primary, value}], onClose, setup }
  function sheet(kind, opts) {
    document.querySelectorAll(`.wxsim-overlay[data-sim="${kind}"]`).forEach((el) => el.wxsimClose('replaced'));
    const el = document.createElement('div');
    el.className = `wxsim-overlay wxsim-overlay--${opts.style || 'sheet'}`;
    el.dataset.sim = kind;
    el.setAttribute('role', 'dialog');
    el.setAttribute('aria-label', opts.title || kind);
    el.lang = zh() ? 'zh-CN' : 'en';
    const actions = (opts.actions || []).map((a) =>
      `<button type="button" class="wxsim-btn${a.primary ? ' wxsim-btn--primary' : ''}${a.action === 'fail' ? ' wxsim-btn--warn' : ''}" data-sim-action="${esc(a.action)}">${esc(a.label)}</button>`).join('');
    el.innerHTML = `<div class="wxsim-sheet"><button type="button" class="wxsim-x" data-close aria-label="${esc(t('关闭', 'Close'))}">×</button>` +
      (opts.title ? `<h3 class="wxsim-title">${esc(opts.title)}</h3>` : '') +
      `<div class="wxsim-content">${opts.body || ''}</div>` +
      (actions ? `<div class="wxsim-actions">${actions}</div>` : '') + '</div>';
    let closed = false;
    el.wxsimClose = (reason, value) => {
      if (closed) return;
      closed = true;
      el.remove();
      if (opts.onClose) opts.onClose(reason, value);
    };
    el.addEventListener('click', (ev) => {
      const target = ev.target instanceof Element ? ev.target : null;
      if (!target) return;
      if (target === el || target.closest('[data-close]')) { el.wxsimClose('close'); return; }
      const button = target.closest('[data-sim-action]');
      if (button && !button.disabled) {
        const action = button.getAttribute('data-sim-action');
        el.wxsimClose(action, opts.value ? opts.value(el, action) : undefined);
      }
    });
    (document.body || document.documentElement).appendChild(el);
    syncOverlayRoom();
    if (opts.setup) opts.setup(el);
    return el;
  }
  // While the panel is open, sheets keep clear of it (beside it when wide, above it when narrow).
  function syncOverlayRoom() {
    const open = Boolean(panel && panel.querySelector('details').open);
    document.querySelectorAll('.wxsim-overlay').forEach((el) => el.classList.toggle('wxsim-beside-panel', open));
  }
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Escape') return;
    const overlays = document.querySelectorAll('.wxsim-overlay');
    if (overlays.length) overlays[overlays.length - 1].wxsimClose('close');
  });

  // The presenter's decision for a user-driven call: the preset outcome, or a sheet.
  function decide(kind, opts) {
    if (!state.ask) return Promise.resolve({ outcome: state.outcome, value: undefined });
    return new Promise((resolve) => {
      sheet(kind, Object.assign({}, opts, {
        actions: [
          { label: opts.okLabel || t('确定', 'OK'), action: 'ok', primary: true },
          { label: opts.cancelLabel || t('取消', 'Cancel'), action: 'cancel' },
          { label: t('模拟失败', 'Simulate failure'), action: 'fail' },
        ],
        onClose: (reason, value) => resolve({ outcome: OUTCOMES.includes(reason) ? reason : 'cancel', value }),
      }));
    });
  }

  function toast(text, kind, ms) {
    const el = document.createElement('div');
    el.className = `wxsim-toast wxsim-toast--${kind || 'none'}`;
    el.setAttribute('role', 'status');
    el.innerHTML = (kind === 'loading' ? '<i class="wxsim-spinner"></i>' : kind === 'success' ? '<i class="wxsim-check">✓</i>' : '') +
      `<span>${esc(text)}</span>`;
    (document.body || document.documentElement).appendChild(el);
    setTimeout(() => el.remove(), ms || 1200);
  }
  // WeChat's progress tip for isShowProgressTips:1, or a short native delay.
  function progress(args, zhText, enText) {
    if (Number(args.isShowProgressTips) === 1) {
      toast(t(zhText, enText), 'loading', 650);
      return wait(650);
    }
    return wait(200);
  }

  // Where an image may be shown from without any request the presenter did not allow.
  function displayUrl(url) {
    const text = String(url || '');
    if (!text) return null;
    if (isLocalId(text)) return (lookup(state.images, text) || {}).url || null;
    if (/^(data|blob):/i.test(text)) return text;
    let parsed;
    try { parsed = new URL(text, location.href); } catch (e) { return null; }
    if (parsed.origin === location.origin) return parsed.href;
    if (!state.external || isTencentHost(parsed.hostname) || !/^https?:$/.test(parsed.protocol)) return null;
    if (location.protocol === 'https:' && parsed.protocol === 'http:') parsed.protocol = 'https:';
    return parsed.href;
  }
  function imageHtml(url, cls) {
    const shown = displayUrl(url);
    if (shown) return `<img class="${cls || ''}" src="${esc(shown)}" alt="">`;
    const label = String(url || '').replace(/^https?:\/\//, '');
    return `<span class="wxsim-ph ${cls || ''}" title="${esc(url)}"><b class="wxsim-ph-icon" aria-hidden="true"></b><small>${esc(label.length > 60 ? `${label.slice(0, 28)}…${label.slice(-28)}` : label || t('无图片', 'no image'))}</small></span>`;
  }

  /* ── 10. Media helpers ───────────────────────────────────────────────────────────────── */

  // A localData WeChat-style: base64 JPEG (header included except on Android).
  function localDataOf(url) {
    return new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => {
        try {
          const scale = Math.min(1, 1280 / Math.max(img.naturalWidth || 1, img.naturalHeight || 1));
          const canvas = document.createElement('canvas');
          canvas.width = Math.max(1, Math.round((img.naturalWidth || 320) * scale));
          canvas.height = Math.max(1, Math.round((img.naturalHeight || 240) * scale));
          const ctx = canvas.getContext('2d');
          ctx.fillStyle = '#fff';
          ctx.fillRect(0, 0, canvas.width, canvas.height);
          ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
          resolve(canvas.toDataURL('image/jpeg', 0.85));
        } catch (error) { reject(error); }
      };
      img.onerror = () => reject(new Error('cannot read the image'));
      img.src = url;
    });
  }

  function stopPlayback(notify) {
    const playing = state.playing;
    if (!playing) return;
    state.playing = null;
    clearTimeout(playing.timer);
    playing.audio.onended = null;
    playing.audio.pause();
    if (notify) fire('onVoicePlayEnd', { err_msg: 'onVoicePlayEnd:ok', localId: playing.localId });
  }

  function startRecording() {
    const rec = { started: Date.now(), chunks: [], source: 'clip' };
    state.recording = rec;
    rec.limit = setTimeout(() => {
      if (state.recording !== rec) return;
      finishRecording(rec).then((localId) => fire('onVoiceRecordEnd', { err_msg: 'onVoiceRecordEnd:ok', localId }));
    }, OPTIONS.recordLimitMs);
    rec.tick = setInterval(scheduleRender, 1000);
    tryMicrophone(rec);
    scheduleRender();
  }

  // The browser's microphone where it is allowed quickly; otherwise the bundled clip is the voice.
  async function tryMicrophone(rec) {
    const media = navigator.mediaDevices;
    if (!media || !media.getUserMedia || typeof MediaRecorder !== 'function' || !window.isSecureContext) return;
    try {
      if ((await navigator.permissions.query({ name: 'microphone' })).state === 'denied') return;
    } catch (e) { /* permissions API without "microphone": just ask */ }
    const asked = media.getUserMedia({ audio: true }).then((s) => s, () => null);
    const stream = await Promise.race([asked, wait(OPTIONS.microphoneTimeoutMs).then(() => null)]);
    if (!stream || state.recording !== rec) {
      asked.then((s) => s && s.getTracks().forEach((track) => track.stop()));
      return;
    }
    try {
      const recorder = new MediaRecorder(stream);
      recorder.ondataavailable = (ev) => { if (ev.data && ev.data.size) rec.chunks.push(ev.data); };
      recorder.start();
      Object.assign(rec, { recorder, stream, source: 'microphone' });
      scheduleRender();
    } catch (e) {
      stream.getTracks().forEach((track) => track.stop());
    }
  }

  async function finishRecording(rec) {
    state.recording = null;
    clearTimeout(rec.limit);
    clearInterval(rec.tick);
    let voice = { url: VOICE_CLIP.url, ms: VOICE_CLIP.ms, source: 'clip' };
    if (rec.recorder && rec.recorder.state !== 'inactive') {
      await new Promise((resolve) => { rec.recorder.onstop = resolve; rec.recorder.stop(); });
      rec.stream.getTracks().forEach((track) => track.stop());
      if (rec.chunks.length) {
        const blob = new Blob(rec.chunks, { type: rec.recorder.mimeType || 'audio/webm' });
        voice = { url: URL.createObjectURL(blob), ms: Date.now() - rec.started, source: 'microphone' };
      }
    }
    scheduleRender();
    return newVoiceId(voice);
  }

  /* ── 11. Menu model (appendix 3) ─────────────────────────────────────────────────────── */

  // [id, class, icon, 中文, English, share target]; only propagation and protection items may be hidden.
  const MENU = [
    ['menuItem:share:appMessage', 'propagation', '➤', '发送给朋友', 'Send to chat', 'appMessage'],
    ['menuItem:share:timeline', 'propagation', '◎', '分享到朋友圈', 'Share to Moments', 'timeline'],
    ['menuItem:favorite', 'propagation', '☆', '收藏', 'Favorite', 'favorite'],
    ['menuItem:share:qq', 'propagation', 'Q', '分享到QQ', 'Share to QQ', 'qq'],
    ['menuItem:share:weiboApp', 'propagation', 'W', '分享到微博', 'Share to Weibo', 'weiboApp'],
    ['menuItem:share:QZone', 'propagation', '✦', '分享到QQ空间', 'Share to QZone', 'QZone'],
    ['menuItem:share:facebook', 'propagation', 'f', '分享到Facebook', 'Share to Facebook', null],
    ['menuItem:copyUrl', 'protection', '⧉', '复制链接', 'Copy link'],
    ['menuItem:openWithQQBrowser', 'protection', '◍', '在QQ浏览器中打开', 'Open in QQ Browser'],
    ['menuItem:openWithSafari', 'protection', '↗', '在浏览器中打开', 'Open in browser'],
    ['menuItem:readMode', 'protection', '¶', '阅读模式', 'Reading mode'],
    ['menuItem:share:email', 'protection', '✉', '邮件', 'Email'],
    ['menuItem:originPage', 'protection', '⎘', '原网页', 'Original page'],
    ['menuItem:editTag', 'protection', '#', '编辑标签', 'Edit tags'],
    ['menuItem:delete', 'protection', '✕', '删除', 'Delete'],
    ['menuItem:share:brand', 'protection', '★', '一些特殊公众号', 'Special accounts'],
    ['menuItem:exposeArticle', 'basic', '!', '投诉', 'Report'],
    ['menuItem:setFont', 'basic', 'Aa', '调整字体', 'Font size'],
    ['menuItem:dayMode', 'basic', '☀', '日间模式', 'Day mode'],
    ['menuItem:nightMode', 'basic', '☾', '夜间模式', 'Night mode'],
    ['menuItem:refresh', 'basic', '⟳', '刷新', 'Refresh'],
    ['menuItem:profile', 'basic', '◉', '查看公众号（已添加）', 'View account'],
    ['menuItem:addContact', 'basic', '+', '查看公众号（未添加）', 'Follow account'],
  ].map(([id, group, icon, zhLabel, enLabel, share]) => ({ id, group, icon, zhLabel, enLabel, share: share || null }));
  const MENU_BY_ID = Object.fromEntries(MENU.map((item) => [item.id, item]));
  // Items WeChat only shows in other contexts (a page from an account's message, favorites,
  // reading mode, a special account, night mode on): they exist but are not offered here.
  function available(item) {
    if (item.id === 'menuItem:dayMode') return state.menu.night;
    if (item.id === 'menuItem:nightMode') return !state.menu.night;
    return !['menuItem:addContact', 'menuItem:share:brand', 'menuItem:editTag', 'menuItem:delete', 'menuItem:originPage',
      'menuItem:share:facebook', 'menuItem:openWithQQBrowser'].includes(item.id);
  }
  const itemVisible = (item) => state.menu.optionMenu && available(item) && !state.menu.hidden.has(item.id);
  function menuSnapshot() {
    return {
      optionMenu: state.menu.optionMenu,
      hidden: Array.from(state.menu.hidden),
      visible: MENU.filter(itemVisible).map((item) => item.id),
      items: MENU.map((item) => ({ id: item.id, group: item.group, available: available(item), visible: itemVisible(item) })),
    };
  }
  function menuList(args) {
    return (Array.isArray(args.menuList) ? args.menuList : []).map(String);
  }

  /* ── 12. Sharing ─────────────────────────────────────────────────────────────────────── */

  const SHARE = {
    appMessage: { event: 'menu:share:appmessage', slot: 'appMessage', zh: '发送给朋友', en: 'Send to chat' },
    timeline: { event: 'menu:share:timeline', slot: 'timeline', zh: '分享到朋友圈', en: 'Share to Moments' },
    favorite: { event: 'menu:share:appmessage', slot: 'appMessage', zh: '收藏', en: 'Favorite' },
    qq: { event: 'menu:share:qq', slot: 'appMessage', zh: '分享到QQ', en: 'Share to QQ' },
    weiboApp: { event: 'menu:share:weiboApp', slot: 'appMessage', zh: '分享到微博', en: 'Share to Weibo' },
    QZone: { event: 'menu:share:QZone', slot: 'timeline', zh: '分享到QQ空间', en: 'Share to QZone' },
  };
  const SHARE_TARGET_OF_INVOKE = { sendAppMessage: 'appMessage', shareTimeline: 'timeline', shareQQ: 'qq', shareWeiboApp: 'weiboApp', shareQZone: 'QZone' };

  function shareCardHtml(data) {
    return `<div class="wxsim-share-card"><div class="wxsim-share-text"><b>${esc(data.title || document.title)}</b>` +
      `<p>${esc(data.desc || '')}</p><small>${esc(data.link || location.href.split('#')[0])}</small></div>` +
      `${imageHtml(data.imgUrl, 'wxsim-share-icon')}</div>`;
  }
  const outcomeLabel = (outcome) => ({ ok: t('已发送', 'Sent'), cancel: t('已取消', 'Cancelled'), fail: t('失败', 'Failed') })[outcome];

  // The user picked a share item in the top-right menu.
  function shareFrom(which) {
    const key = Object.keys(SHARE).find((k) => k === which || SHARE[k].event === which || `menuItem:share:${k}` === which) ||
      (which === 'menuItem:favorite' ? 'favorite' : null);
    if (!key) return false;
    const target = SHARE[key];
    // A listener from onMenuShare*: it calls trigger, then invokes the share itself.
    if (state.listeners[target.event]) {
      const payload = { err_msg: `${jsName(target.event)}:ok` };
      if (target.event === 'menu:share:appmessage') payload.scene = key === 'favorite' ? 'favorite' : 'friend';
      state.pendingScene = key;
      if (fire(target.event, payload)) return true;
      state.pendingScene = null;
    }
    // Otherwise WeChat shares what update*ShareData set, or the page itself.
    const data = state.share[target.slot] || { title: document.title, desc: '', link: location.href.split('#')[0], imgUrl: '' };
    decide('share', { title: t(target.zh, target.en), body: shareCardHtml(data), okLabel: t('发送', 'Send') }).then(({ outcome }) => {
      if (!state.ask) showShareResult(key, data, outcome);
      else toast(outcomeLabel(outcome), outcome === 'ok' ? 'success' : 'none');
    });
    return true;
  }
  function showShareResult(key, data, outcome) {
    const target = SHARE[key];
    sheet('share', {
      title: t(target.zh, target.en),
      body: `${shareCardHtml(data)}<p class="wxsim-result" data-outcome="${outcome}">${esc(outcomeLabel(outcome))}</p>`,
    });
  }

  /* ── 13. The APIs, by native name ────────────────────────────────────────────────────── */

  function shareInvoke(native) {
    return async (args) => {
      const key = state.pendingScene || SHARE_TARGET_OF_INVOKE[native];
      state.pendingScene = null;
      const data = { title: args.title, desc: args.desc, link: args.link, imgUrl: args.img_url };
      const { outcome } = await decide('share', { title: t(SHARE[key].zh, SHARE[key].en), body: shareCardHtml(data), okLabel: t('发送', 'Send') });
      if (!state.ask) showShareResult(key, data, outcome);
      return outcome === 'ok' ? ok() : byOutcome(outcome);
    };
  }

  function imagesHtml(ids) {
    return `<div class="wxsim-images">${ids.map((id) => imageHtml(id)).join('')}</div>`;
  }

  function pickerHtml(count, camera) {
    return `<p class="wxsim-muted">${esc(t(`最多选择 ${count} 张`, `Choose up to ${count}`))}</p>` +
      `<div class="wxsim-images wxsim-pick">${SAMPLE_IMAGES.map((s, i) =>
        `<button type="button" class="wxsim-pick-item" data-sample="${i}" aria-pressed="false"><img src="${esc(s.url)}" alt="${esc(s.name)}"></button>`).join('')}</div>` +
      `<label class="wxsim-file">${esc(camera ? t('拍照…', 'Take a photo…') : t('从本机选择…', 'From this device…'))}` +
      `<input type="file" accept="image/*" ${camera ? 'capture="environment"' : 'multiple'} data-sim-file></label>`;
  }
  function wirePicker(el, count, chosen) {
    const done = el.querySelector('[data-sim-action="ok"]');
    const refresh = () => {
      done.disabled = chosen.length === 0;
      done.textContent = `${t('完成', 'Done')}${chosen.length ? ` (${chosen.length}/${count})` : ''}`;
    };
    el.querySelectorAll('[data-sample]').forEach((button) => button.addEventListener('click', () => {
      const sample = SAMPLE_IMAGES[Number(button.getAttribute('data-sample'))];
      const at = chosen.indexOf(sample);
      if (at >= 0) chosen.splice(at, 1);
      else if (chosen.length < count) chosen.push(sample);
      button.setAttribute('aria-pressed', String(chosen.includes(sample)));
      refresh();
    }));
    el.querySelector('[data-sim-file]').addEventListener('change', (ev) => {
      Array.from(ev.target.files || []).slice(0, count - chosen.length).forEach((file) =>
        chosen.push({ url: URL.createObjectURL(file), name: file.name }));
      refresh();
      if (chosen.length) done.click();
    });
    refresh();
  }

  function mapHtml(lat, lng, scale) {
    return `<div class="wxsim-map" role="img" aria-label="map"><svg viewBox="0 0 400 180" preserveAspectRatio="xMidYMid slice" aria-hidden="true">` +
      '<rect width="400" height="180" fill="#eef3e8"/><path d="M0 120 C120 90 220 150 400 100" stroke="#fff" stroke-width="14" fill="none"/>' +
      '<path d="M150 0 L190 180 M0 40 L400 60 M300 0 L270 180" stroke="#fff" stroke-width="8"/><path d="M0 150 C80 140 140 170 220 180 L0 180Z" fill="#bcdcf5"/>' +
      '<rect x="40" y="60" width="60" height="40" fill="#dfe8d4"/><rect x="320" y="120" width="50" height="36" fill="#dfe8d4"/></svg>' +
      `<span class="wxsim-pin" aria-hidden="true"></span><span class="wxsim-scale">${esc(t('缩放', 'zoom'))} ${esc(scale)}</span>` +
      `<span class="wxsim-coords">${esc(Number(lat).toFixed(6))}, ${esc(Number(lng).toFixed(6))}</span></div>`;
  }

  // WGS-84 → GCJ-02 ("火星坐标"), the usual published approximation; outside China unchanged.
  function toGcj02(lat, lng) {
    if (lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271) return [lat, lng];
    const a = 6378245.0;
    const ee = 0.00669342162296594323;
    const x = lng - 105.0;
    const y = lat - 35.0;
    let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
    dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
    dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
    let dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    dLng += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
    dLng += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
    dLng += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
    const radLat = (lat / 180.0) * Math.PI;
    let magic = Math.sin(radLat);
    magic = 1 - ee * magic * magic;
    const sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
    dLng = (dLng * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
    return [lat + dLat, lng + dLng];
  }

  // The browser's position if it comes within the time box (never a hang).
  async function browserPosition() {
    if (!navigator.geolocation || !window.isSecureContext) return null;
    try {
      if ((await navigator.permissions.query({ name: 'geolocation' })).state === 'denied') return null;
    } catch (e) { /* no permissions API: just ask */ }
    const asked = new Promise((resolve) => navigator.geolocation.getCurrentPosition(resolve, () => resolve(null),
      { enableHighAccuracy: false, maximumAge: 60000, timeout: OPTIONS.locationTimeoutMs }));
    return Promise.race([asked, wait(OPTIONS.locationTimeoutMs).then(() => null)]);
  }

  function networkType() {
    if (navigator.onLine === false) return 'none';
    const connection = navigator.connection || {};
    if (connection.type === 'wifi' || connection.type === 'ethernet') return 'wifi';
    const effective = String(connection.effectiveType || '').replace('slow-', '');
    if (connection.type === 'cellular') return effective || '4g';
    return effective && effective !== '4g' ? effective : 'wifi';
  }

  // chooseCard's encrypt_code: opaque in WeChat; here the server's sandbox encoding (hex of code XOR 0x5a).
  const encryptCode = (code) => Array.from(code, (ch) => (ch.charCodeAt(0) ^ 0x5a).toString(16).padStart(2, '0')).join('');
  const SAMPLE_CARDS = [
    { card_id: 'pDF3iY9tv9zCGCj4jTXFOo1DxHdo', zh: '满 100 减 10 元代金券', en: '¥10 off ¥100 voucher' },
    { card_id: 'pDF3iYx7KDQVGzB7kDg6Tge5OKFo', zh: '咖啡买一送一', en: 'Coffee, buy one get one' },
  ];
  const ADDRESS = {
    userName: '张三', telNumber: '020-81167888', nationalCode: '440105', addressPostalCode: '510000',
    proviceFirstStageName: '广东省', addressCitySecondStageName: '广州市', addressCountiesThirdStageName: '海珠区',
    addressDetailInfo: '新港中路397号',
  };
  function addressHtml(a) {
    return `<div class="wxsim-address"><b>${esc(a.userName)}</b> <span>${esc(a.telNumber)}</span>` +
      `<p>${esc(a.proviceFirstStageName + a.addressCitySecondStageName + a.addressCountiesThirdStageName + a.addressDetailInfo)}</p>` +
      `<small>${esc(t('邮编', 'Postcode'))} ${esc(a.addressPostalCode)} · ${esc(t('国标码', 'National code'))} ${esc(a.nationalCode)}</small></div>`;
  }
  function cardsHtml(cards) {
    return `<ul class="wxsim-cards">${cards.map((c) => `<li><b>${esc(c.title || c.card_id)}</b>` +
      `<small>card_id ${esc(c.card_id)}${c.code ? ` · code ${esc(c.code)}` : ''}</small>${c.note ? `<em>${esc(c.note)}</em>` : ''}</li>`).join('')}</ul>`;
  }

  const HANDLERS = {
    checkJsApi(args) {
      const result = {};
      (Array.isArray(args.jsApiList) ? args.jsApiList : []).forEach((name) => {
        result[name] = Boolean(HANDLERS[name]) || EVENTS.includes(name);
      });
      delete result.preVerifyJSAPI;
      // Android's client answers checkResult as a JSON string (jweixin parses it there).
      return ok({ checkResult: ANDROID ? JSON.stringify(result) : result });
    },
    preVerifyJSAPI: () => ok(), // answered by preVerify(); listed so it "exists"

    // Sharing
    updateAppMessageShareData(args) {
      state.share.appMessage = { title: args.title, desc: args.desc, link: args.link, imgUrl: args.imgUrl };
      return ok();
    },
    updateTimelineShareData(args) {
      state.share.timeline = { title: args.title, desc: '', link: args.link, imgUrl: args.imgUrl };
      return ok();
    },
    sendAppMessage: shareInvoke('sendAppMessage'),
    shareTimeline: shareInvoke('shareTimeline'),
    shareQQ: shareInvoke('shareQQ'),
    shareWeiboApp: shareInvoke('shareWeiboApp'),
    shareQZone: shareInvoke('shareQZone'),

    // Images
    async chooseImage(args) {
      const count = Math.max(1, Math.min(9, Number(args.count) || 9));
      const camera = Array.isArray(args.sourceType) && args.sourceType.length === 1 && args.sourceType[0] === 'camera';
      const chosen = [];
      const pick = await decide('chooseImage', {
        title: camera ? t('拍照', 'Camera') : t('图片和视频', 'Photos'),
        body: pickerHtml(count, camera),
        okLabel: t('完成', 'Done'),
        setup: (el) => wirePicker(el, count, chosen),
      });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      const images = state.ask ? chosen : SAMPLE_IMAGES.slice(0, count);
      const localIds = images.map((image) => newImageId({ url: image.url, name: image.name }));
      if (!state.ask) {
        sheet('chooseImage', {
          title: t(`已选择 ${localIds.length} 张图片`, `${localIds.length} image(s) chosen`),
          body: `${imagesHtml(localIds)}<p class="wxsim-muted">${localIds.map(esc).join('<br>')}</p>`,
        });
      }
      return ok({ localIds: ANDROID ? JSON.stringify(localIds) : localIds });
    },
    imagePreview(args) {
      const urls = (Array.isArray(args.urls) ? args.urls : []).map(String);
      const current = args.current ? String(args.current) : urls[0];
      if (!current) return fail('urls is empty');
      const list = urls.includes(current) ? urls : [current].concat(urls);
      let index = list.indexOf(current);
      const el = sheet('previewImage', {
        style: 'full',
        body: `<div class="wxsim-preview"><div class="wxsim-preview-main"></div><p class="wxsim-preview-count"></p>` +
          `<div class="wxsim-preview-thumbs">${list.map((u, i) => `<button type="button" data-index="${i}">${imageHtml(u)}</button>`).join('')}</div></div>`,
      });
      const show = () => {
        el.querySelector('.wxsim-preview-main').innerHTML = imageHtml(list[index], 'wxsim-preview-img');
        el.querySelector('.wxsim-preview-count').textContent = `${index + 1} / ${list.length}`;
      };
      el.querySelectorAll('[data-index]').forEach((b) => b.addEventListener('click', () => { index = Number(b.dataset.index); show(); }));
      show();
      return ok();
    },
    async uploadImage(args) {
      const image = lookup(state.images, args.localId);
      if (!image) return fail(`invalid localId: ${args.localId}`);
      await progress(args, '上传中', 'Uploading');
      return ok({ serverId: newServerId(state.serverImages, { url: image.url, name: image.name }) });
    },
    async downloadImage(args) {
      const image = lookup(state.serverImages, args.serverId);
      if (!image) return fail(`invalid serverId (not uploaded in this browser session): ${args.serverId}`);
      await progress(args, '下载中', 'Downloading');
      return ok({ localId: newImageId({ url: image.url, name: image.name }) });
    },
    async getLocalImgData(args) {
      const image = lookup(state.images, args.localId);
      if (!image) return fail(`invalid localId: ${args.localId}`);
      const data = await localDataOf(image.url);
      return ok({ localData: ANDROID ? data.replace(/^data:[^,]*,/, '') : data });
    },

    // Voice
    async startRecord() {
      if (state.recording) return fail('already recording');
      const pick = await decide('startRecord', {
        title: t('“网页”申请使用你的麦克风', 'This page wants to use your microphone'),
        body: `<p>${esc(t('允许后开始录音（最长 60 秒）。', 'Recording starts once allowed (60 s at most).'))}</p>`,
        okLabel: t('允许', 'Allow'), cancelLabel: t('拒绝', 'Deny'),
      });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      if (state.recording) return fail('already recording');
      startRecording();
      return ok();
    },
    async stopRecord() {
      if (!state.recording) return fail('not recording');
      return ok({ localId: await finishRecording(state.recording) });
    },
    playVoice(args) {
      const voice = lookup(state.voices, args.localId);
      if (!voice) return fail(`invalid localId: ${args.localId}`);
      if (state.playing && state.playing.localId === voice.id && state.playing.audio.paused) {
        state.playing.audio.play().catch(() => {});
        return ok();
      }
      stopPlayback(false);
      const audio = document.createElement('audio');
      audio.preload = 'auto';
      const playing = { localId: voice.id, audio, timer: 0 };
      state.playing = playing;
      const ended = () => {
        if (state.playing !== playing) return;
        state.playing = null;
        clearTimeout(playing.timer);
        fire('onVoicePlayEnd', { err_msg: 'onVoicePlayEnd:ok', localId: voice.id });
        scheduleRender();
      };
      // Where the browser refuses to play (autoplay rules, no codec), the end still comes on time.
      const fallback = () => { clearTimeout(playing.timer); playing.timer = setTimeout(ended, voice.ms || VOICE_CLIP.ms); };
      audio.onended = ended;
      audio.onerror = fallback;
      audio.src = voice.url;
      audio.play().catch(fallback);
      scheduleRender();
      return ok();
    },
    pauseVoice(args) {
      if (state.playing && (!args.localId || String(args.localId).toLowerCase() === state.playing.localId.toLowerCase())) {
        state.playing.audio.pause();
        clearTimeout(state.playing.timer);
      }
      return ok();
    },
    stopVoice() {
      stopPlayback(false);
      scheduleRender();
      return ok();
    },
    async uploadVoice(args) {
      const voice = lookup(state.voices, args.localId);
      if (!voice) return fail(`invalid localId: ${args.localId}`);
      await progress(args, '上传中', 'Uploading');
      return ok({ serverId: newServerId(state.serverVoices, { url: voice.url, ms: voice.ms, source: voice.source }) });
    },
    async downloadVoice(args) {
      const voice = lookup(state.serverVoices, args.serverId);
      if (!voice) return fail(`invalid serverId (not uploaded in this browser session): ${args.serverId}`);
      await progress(args, '下载中', 'Downloading');
      return ok({ localId: newVoiceId({ url: voice.url, ms: voice.ms, source: voice.source }) });
    },
    async translateVoice(args) {
      const voice = lookup(state.voices, args.localId);
      if (!voice) return fail(`invalid localId: ${args.localId}`);
      await progress(args, '识别中', 'Recognising');
      return ok({ translateResult: t('你好，欢迎体验微信 JS-SDK。', 'Hello, welcome to the WeChat JS-SDK.') });
    },

    // Device and location
    getNetworkType() {
      const type = networkType();
      const raw = type === 'wifi' ? 'wifi' : type === 'none' ? 'fail' : 'wwan';
      // The raw err_msg carries the type too ("network_type:wifi" / ":wwan"); subtype refines it.
      return { status: 'ok', fields: { subtype: type === 'none' ? '' : type }, rawMsg: `network_type:${raw}` };
    },
    openLocation(args) {
      const lat = Number(args.latitude);
      const lng = Number(args.longitude);
      if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
        return fail('invalid latitude or longitude');
      }
      const scale = Math.max(1, Math.min(28, Math.round(Number(args.scale) || 28)));
      sheet('openLocation', {
        style: 'full',
        title: args.name || t('位置', 'Location'),
        body: `${mapHtml(lat, lng, scale)}<div class="wxsim-place"><b>${esc(args.name || t('地图选点', 'Dropped pin'))}</b>` +
          `<p>${esc(args.address || '')}</p>${args.infoUrl ? `<a href="${esc(args.infoUrl)}" target="_blank" rel="noopener noreferrer">${esc(t('查看详情', 'More info'))}</a>` : ''}</div>`,
      });
      return ok();
    },
    async geoLocation(args) {
      const pick = await decide('getLocation', {
        title: t('“网页”申请获取你的地理位置', 'This page wants to know your location'),
        body: mapHtml(SAMPLE_LOCATION.latitude, SAMPLE_LOCATION.longitude, 16),
        okLabel: t('允许', 'Allow'), cancelLabel: t('拒绝', 'Deny'),
      });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      const position = await browserPosition();
      let fix = position
        ? { latitude: position.coords.latitude, longitude: position.coords.longitude, speed: position.coords.speed || 0, accuracy: Math.round(position.coords.accuracy || 30) }
        : Object.assign({}, SAMPLE_LOCATION);
      if (args.type === 'gcj02') {
        const [lat, lng] = toGcj02(fix.latitude, fix.longitude);
        fix = Object.assign(fix, { latitude: lat, longitude: lng });
      }
      fix.latitude = Number(fix.latitude.toFixed(6));
      fix.longitude = Number(fix.longitude.toFixed(6));
      const result = ok(Object.assign(fix, { type: args.type || 'wgs84' })); // the client echoes type; jweixin deletes it
      if (!position) result.desc = 'sample position (browser geolocation unavailable or too slow)';
      return result;
    },
    startMonitoringBeacons(args) {
      if (state.beacons) clearInterval(state.beacons.timer);
      let round = 0;
      const beacons = () => [
        { uuid: 'FDA50693-A4E2-4FB1-AFCF-C6EB07647825', major: 10001, minor: 12102 },
        { uuid: 'FDA50693-A4E2-4FB1-AFCF-C6EB07647825', major: 10001, minor: 12103 },
      ].map((b, i) => Object.assign(b, {
        accuracy: (0.3 + i * 1.7 + Math.random() * 0.4).toFixed(6), proximity: String(i + 1),
        rssi: String(-60 - i * 12 - Math.round(Math.random() * 6)), heading: (Math.random() * 360).toFixed(4),
      }));
      state.beacons = {
        ticket: args.ticket,
        timer: setInterval(() => {
          round += 1;
          fire('onBeaconsInRange', { err_msg: 'onBeaconsInRange:ok', beacons: beacons() });
          if (round >= 20) HANDLERS.stopMonitoringBeacons();
        }, 2000),
      };
      later(() => fire('onBeaconsInRange', { err_msg: 'onBeaconsInRange:ok', beacons: beacons() }), 600);
      return ok();
    },
    stopMonitoringBeacons() {
      if (state.beacons) clearInterval(state.beacons.timer);
      state.beacons = null;
      return ok();
    },

    // The top-right menu and the window
    hideOptionMenu() { state.menu.optionMenu = false; scheduleRender(); return ok(); },
    showOptionMenu() { state.menu.optionMenu = true; scheduleRender(); return ok(); },
    hideMenuItems(args) {
      // WeChat silently ignores basic items (and unknown ones); the panel notes them.
      const ignored = [];
      menuList(args).forEach((id) => {
        const item = MENU_BY_ID[id];
        if (item && item.group !== 'basic') state.menu.hidden.add(id);
        else ignored.push(id);
      });
      scheduleRender();
      const result = ok();
      if (ignored.length) result.desc = `not hidden (basic or unknown items): ${ignored.join(', ')}`;
      return result;
    },
    showMenuItems(args) {
      menuList(args).forEach((id) => state.menu.hidden.delete(id));
      scheduleRender();
      return ok();
    },
    hideAllNonBaseMenuItem() {
      MENU.forEach((item) => { if (item.group !== 'basic') state.menu.hidden.add(item.id); });
      scheduleRender();
      return ok();
    },
    showAllNonBaseMenuItem() {
      state.menu.hidden.clear();
      scheduleRender();
      return ok();
    },
    closeWindow() {
      stopPlayback(false);
      sheet('closeWindow', {
        style: 'full',
        title: t('网页已关闭', 'The page was closed'),
        body: `<p>${esc(t('在微信里，这个网页窗口现在已经关闭。点“关闭”回到模拟的页面。', 'In WeChat this web view would now be closed. Close this to return to the simulated page.'))}</p>`,
      });
      return ok();
    },

    // WeChat Scan, shop, cards, pay, address
    async scanQRCode(args) {
      const types = Array.isArray(args.scanType) && args.scanType.length ? args.scanType : ['qrCode', 'barCode'];
      const barOnly = !types.includes('qrCode');
      const fallback = barOnly ? 'EAN_13,6901234567892' : `${location.origin}/`;
      const pick = await decide('scanQRCode', {
        title: t('扫一扫', 'Scan'),
        body: `<div class="wxsim-scan"><i></i></div><label class="wxsim-field">${esc(t('扫描到的内容', 'Scanned content'))}` +
          `<input type="text" data-sim-scan value="${esc(fallback)}"></label>`,
        okLabel: t('识别', 'Recognise'),
        value: (el) => el.querySelector('[data-sim-scan]').value,
      });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      const text = pick.value || fallback;
      if (Number(args.needResult) === 1) {
        const scanType = barOnly ? 'barcode' : 'qrcode';
        // iOS answers JSON (jweixin extracts scan_code.scan_result there).
        return ok({ resultStr: IOS ? JSON.stringify({ scan_code: { scan_type: scanType, scan_result: text } }) : text });
      }
      sheet('scanQRCode', {
        title: t('扫描结果由微信处理', 'WeChat handles the result'),
        body: `<p class="wxsim-muted">needResult: 0</p><p class="wxsim-code">${esc(text)}</p>` +
          `<p>${esc(/^https?:/.test(text) ? t('微信会打开这个链接。', 'WeChat would open this link.') : t('微信会显示这段内容。', 'WeChat would show this text.'))}</p>`,
      });
      return ok();
    },
    openProductViewWithPid(args) {
      if (!args.pid) return fail('productId is empty');
      sheet('openProductSpecificView', {
        style: 'full',
        title: t('微信小店', 'WeChat Shop'),
        body: `<div class="wxsim-product"><div class="wxsim-product-img" aria-hidden="true"><svg viewBox="0 0 64 64" width="96" height="96"><path d="M14 22h36l-3 32H17z" fill="#07c160"/><path d="M24 24v-6a8 8 0 0 1 16 0v6" stroke="#06ad56" stroke-width="4" fill="none"/></svg></div><b>${esc(t('商品', 'Product'))} ${esc(args.pid)}</b>` +
          `<p class="wxsim-muted">view_type ${esc(args.view_type)}${args.ext_info ? ` · ext_info ${esc(args.ext_info)}` : ''}</p></div>`,
      });
      return ok();
    },
    async chooseCard(args) {
      if (!args.card_sign) return fail('card_sign is empty: WeChat shows an empty card list');
      const cards = args.card_id ? [{ card_id: args.card_id, title: args.card_type || t('指定卡券', 'The requested card') }]
        : SAMPLE_CARDS.map((c) => ({ card_id: c.card_id, title: t(c.zh, c.en) }));
      const pick = await decide('chooseCard', {
        title: t('选择卡券', 'Choose a card'),
        body: cardsHtml(cards),
        okLabel: t('使用', 'Use'),
      });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      const chosen = cards.slice(0, 1).map((c) => ({ card_id: c.card_id, encrypt_code: encryptCode(digits(12)) }));
      return ok({ choose_card_info: JSON.stringify(chosen) });
    },
    async batchAddCard(args) {
      const list = Array.isArray(args.card_list) ? args.card_list : [];
      if (!list.length) return fail('cardList is empty');
      const results = list.map((c) => {
        let ext = null;
        try { ext = typeof c.card_ext === 'string' ? JSON.parse(c.card_ext) : c.card_ext; } catch (e) { ext = null; }
        const good = Boolean(ext && ext.signature && ext.timestamp);
        return { card_id: c.card_id, card_ext: c.card_ext, is_succ: good ? 1 : 0, note: good ? '' : t('cardExt 缺少 signature/timestamp', 'cardExt lacks signature/timestamp') };
      });
      const pick = await decide('addCard', { title: t('领取卡券', 'Add cards'), body: cardsHtml(results), okLabel: t('领取', 'Add') });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      if (!state.ask) sheet('addCard', { title: t('已添加到卡包', 'Added to Cards'), body: cardsHtml(results) });
      return ok({ card_list: JSON.stringify(results.map(({ note, ...rest }) => rest)) });
    },
    batchViewCard(args) {
      const list = Array.isArray(args.card_list) ? args.card_list : [];
      if (!list.length) return fail('cardList is empty');
      sheet('openCard', { style: 'full', title: t('卡包', 'Cards'), body: cardsHtml(list) });
      return ok();
    },
    async consumedShareCard(args) {
      if (!args.consumedCardId) return fail('cardId is empty');
      const cards = [{ card_id: args.consumedCardId, code: args.consumedCode,
        note: args.consumedCode ? '' : t('code 为空：真实微信会拒绝错误的 code', 'empty code: real WeChat refuses a wrong code') }];
      const pick = await decide('consumeAndShareCard', { title: t('核销后赠送卡券', 'Give the card to a friend'), body: cardsHtml(cards), okLabel: t('赠送', 'Give') });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      if (!state.ask) sheet('consumeAndShareCard', { title: t('已赠送', 'Given'), body: cardsHtml(cards) });
      const result = ok();
      if (!args.consumedCode) result.desc = 'consumedCode is empty';
      return result;
    },
    async getBrandWCPayRequest(args) {
      const missing = ['timeStamp', 'nonceStr', 'package', 'paySign'].filter((k) => !args[k] || args[k] === 'undefined');
      if (missing.length) return fail(`missing ${missing.join(', ')}`);
      if (!/^prepay_id=/.test(args.package)) return fail('package must be prepay_id=…');
      const body = `<div class="wxsim-pay"><p class="wxsim-muted">${esc(document.title || location.host)}</p>` +
        `<p class="wxsim-amount">¥0.01 <small>${esc(t('（沙箱订单，金额仅为示意）', '(sandbox order; amount illustrative)'))}</small></p>` +
        `<dl><dt>package</dt><dd>${esc(args.package)}</dd><dt>signType</dt><dd>${esc(args.signType)}</dd>` +
        `<dt>paySign</dt><dd>${esc(String(args.paySign).slice(0, 24))}…</dd></dl></div>`;
      const pick = await decide('chooseWXPay', { title: t('微信支付', 'WeChat Pay'), body, okLabel: t('确认支付', 'Pay') });
      if (!state.ask) {
        const label = { ok: t('支付成功', 'Paid'), cancel: t('已取消支付', 'Payment cancelled'), fail: t('支付失败', 'Payment failed') }[pick.outcome];
        sheet('chooseWXPay', { title: t('微信支付', 'WeChat Pay'), body: `${body}<p class="wxsim-result" data-outcome="${pick.outcome}">${esc(label)}</p>` });
      }
      return pick.outcome === 'ok' ? ok() : byOutcome(pick.outcome);
    },
    async editAddress() {
      const pick = await decide('openAddress', { title: t('选择收货地址', 'Choose an address'), body: addressHtml(ADDRESS), okLabel: t('使用此地址', 'Use this address') });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      if (!state.ask) sheet('openAddress', { title: t('收货地址', 'Address'), body: addressHtml(ADDRESS) });
      return ok(Object.assign({}, ADDRESS));
    },
  };
  /* ── 14. The panel ───────────────────────────────────────────────────────────────────── */

  let panel = null;
  let renderQueued = false;
  function scheduleRender() {
    if (renderQueued) return;
    renderQueued = true;
    setTimeout(() => { renderQueued = false; render(); }, 0);
  }

  function statusText() {
    const v = state.verify;
    if (v.status === 'none') return t('未调用 wx.config', 'wx.config not called');
    if (v.status === 'verifying') return t('正在验证 wx.config…', 'verifying wx.config…');
    return v.errMsg;
  }

  function build() {
    if (!document.body) return;
    const wasOpen = panel ? panel.querySelector('details').open : false;
    if (!panel) {
      panel = document.createElement('aside');
      panel.id = 'wx-sim-panel';
      panel.className = 'wxsim-panel';
      panel.addEventListener('click', onPanelClick);
      panel.addEventListener('change', onPanelChange);
      panel.addEventListener('toggle', syncOverlayRoom, true);
      document.body.appendChild(panel);
    }
    panel.lang = zh() ? 'zh-CN' : 'en';
    panel.setAttribute('aria-label', t('模拟微信', 'Simulated WeChat'));
    panel.innerHTML = `<details${wasOpen ? ' open' : ''}><summary id="wx-sim-status" data-status="none">` +
      `<span class="wxsim-logo" aria-hidden="true"></span><b>${esc(t('模拟微信', 'Simulated WeChat'))}</b>` +
      '<span class="wxsim-badge" data-sim-status-text></span><span class="wxsim-rec" data-sim-rec hidden></span></summary>' +
      '<div class="wxsim-body">' +
      '<section class="wxsim-verify" data-sim-verify></section>' +
      `<section class="wxsim-controls"><label>${esc(t('用户操作的结果', 'Outcome of user actions'))} <select id="wx-sim-outcome">` +
      `<option value="ok">ok · ${esc(t('确认', 'confirm'))}</option><option value="cancel">cancel · ${esc(t('取消', 'cancel'))}</option>` +
      `<option value="fail">fail · ${esc(t('失败', 'fail'))}</option></select></label>` +
      `<label class="wxsim-check-label"><input type="checkbox" id="wx-sim-ask"> ${esc(t('每次弹出界面让我选择', 'Ask me each time (show the sheet)'))}</label>` +
      `<label class="wxsim-check-label"><input type="checkbox" id="wx-sim-external"> ${esc(t('显示外部图片（腾讯域名除外）', 'Show external images (never Tencent hosts)'))}</label></section>` +
      `<section class="wxsim-phone"><div class="wxsim-titlebar"><span aria-hidden="true">✕</span><span class="wxsim-page-title" data-sim-title></span>` +
      `<button type="button" id="wx-sim-menu-button" aria-label="${esc(t('右上角菜单', 'Top-right menu'))}" aria-controls="wx-sim-menu">···</button></div>` +
      '<div id="wx-sim-menu" class="wxsim-menu" data-sim-menu></div></section>' +
      '<section class="wxsim-sharedata" data-sim-sharedata></section>' +
      `<section class="wxsim-log"><h4>${esc(t('桥接调用（最新在前）', 'Bridge calls (newest first)'))}` +
      `<button type="button" class="wxsim-link" data-sim-clear>${esc(t('清空', 'Clear'))}</button></h4><ol id="wx-sim-calls"></ol></section>` +
      '</div></details>';
    panel.querySelector('#wx-sim-outcome').value = state.outcome;
    panel.querySelector('#wx-sim-ask').checked = state.ask;
    panel.querySelector('#wx-sim-external').checked = state.external;
    render();
  }

  function render() {
    if (!panel) return;
    const v = state.verify;
    const summary = panel.querySelector('#wx-sim-status');
    summary.dataset.status = v.status === 'failed' ? 'failed' : v.status;
    summary.dataset.verified = String(v.status === 'ok');
    panel.querySelector('[data-sim-status-text]').textContent = statusText();
    const rec = panel.querySelector('[data-sim-rec]');
    rec.hidden = !state.recording && !state.playing;
    rec.textContent = state.recording
      ? `● ${t('录音中', 'REC')} ${Math.round((Date.now() - state.recording.started) / 1000)}s${state.recording.source === 'microphone' ? ` · ${t('麦克风', 'mic')}` : ''}`
      : state.playing ? `▶ ${t('播放中', 'playing')}` : '';
    panel.querySelector('[data-sim-verify]').innerHTML = v.status === 'none' ? ''
      : `<p><b>${esc(statusText())}</b>${v.detail ? ` — ${esc(v.detail)}` : ''}</p>` +
        `<p class="wxsim-muted">url ${esc(v.url)} · appId ${esc(v.appId)} · jsApiList ${v.jsApiList.length}</p>`;
    if (panel.querySelector('#wx-sim-outcome').value !== state.outcome) panel.querySelector('#wx-sim-outcome').value = state.outcome;
    panel.querySelector('#wx-sim-ask').checked = state.ask;
    panel.querySelector('[data-sim-title]').textContent = document.title || location.host;
    panel.querySelector('#wx-sim-menu-button').hidden = !state.menu.optionMenu;
    renderMenu();
    const share = state.share;
    panel.querySelector('[data-sim-sharedata]').innerHTML = share.appMessage || share.timeline
      ? `<h4>${esc(t('分享内容（update*ShareData）', 'Share content (update*ShareData)'))}</h4>` +
        ['appMessage', 'timeline'].filter((k) => share[k]).map((k) =>
          `<p><b>${esc(k)}</b> ${esc(share[k].title)} · <span class="wxsim-muted">${esc(share[k].link)}</span></p>`).join('')
      : '';
    panel.querySelector('#wx-sim-calls').innerHTML = state.calls.slice(-60).reverse().map(callHtml).join('');
  }

  function renderMenu() {
    const box = panel.querySelector('[data-sim-menu]');
    box.hidden = !state.menu.open || !state.menu.optionMenu;
    box.dataset.open = String(!box.hidden);
    if (box.hidden) {
      box.innerHTML = '';
      return;
    }
    const row = (group) => MENU.filter((item) => item.group === group && itemVisible(item)).map((item) =>
      `<button type="button" class="wxsim-menu-item" data-menu-item="${esc(item.id)}" data-group="${group}"` +
      `${item.share && SHARE[item.share] && item.share !== 'favorite' ? ` data-share="${esc(SHARE[item.share].event)}"` : ''}>` +
      `<i aria-hidden="true">${esc(item.icon)}</i><span>${esc(zh() ? item.zhLabel : item.enLabel)}</span></button>`).join('');
    box.innerHTML = `<div class="wxsim-menu-row">${row('propagation')}</div><div class="wxsim-menu-row">${row('protection')}</div>` +
      `<div class="wxsim-menu-row">${row('basic')}</div>` +
      `<button type="button" class="wxsim-menu-cancel" data-menu-close>${esc(t('取消', 'Cancel'))}</button>`;
  }

  // One row per call: a headline, then the raw arguments and answer (one line each; click for all).
  const expandedCalls = new Set();
  function callHtml(call) {
    const result = call.result || {};
    const status = call.pending ? 'pending' : call.kind === 'invoke' ? statusOf(result) : call.kind;
    const headline = call.pending ? t('等待中…', 'pending…')
      : result.err_msg || (call.kind === 'on' ? t('监听', 'listening') : call.kind === 'event' ? (result.delivered ? t('已送达', 'delivered') : result.reason)
        : call.kind === 'report' ? t('已拦截', 'blocked') : '');
    const alias = call.jsName !== call.name ? ` <small>(${esc(call.jsName)})</small>` : '';
    const open = expandedCalls.has(call.seq);
    return `<li data-bridge-call="${esc(call.name)}" data-kind="${call.kind}" data-status="${esc(status)}"${open ? ' data-open' : ''}>` +
      `<button type="button" class="wxsim-call-head" data-call-seq="${call.seq}" aria-expanded="${open}">` +
      `<span class="wxsim-kind">${esc(call.kind)}</span> <b>${esc(call.name)}</b>${alias} <code>${esc(headline)}</code>` +
      ` <time>${fmtTime(call.time)}</time></button>` +
      `<pre>args ${esc(JSON.stringify(call.args, null, open ? 1 : 0))}</pre><pre>answer ${esc(JSON.stringify(call.result, null, open ? 1 : 0))}</pre></li>`;
  }

  function menuAction(id) {
    const item = MENU_BY_ID[id];
    if (!item || !itemVisible(item)) return;
    if (item.share && shareFrom(item.share === 'favorite' ? 'favorite' : item.share)) return;
    const url = location.href;
    switch (id) {
      case 'menuItem:copyUrl':
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).catch(() => {});
        toast(t('已复制链接', 'Link copied'), 'success');
        break;
      case 'menuItem:refresh':
        location.reload();
        break;
      case 'menuItem:openWithSafari':
        window.open(url, '_blank', 'noopener');
        break;
      case 'menuItem:nightMode':
      case 'menuItem:dayMode':
        state.menu.night = id === 'menuItem:nightMode';
        toast(state.menu.night ? t('已开启夜间模式（模拟）', 'Night mode on (simulated)') : t('已关闭夜间模式（模拟）', 'Night mode off (simulated)'));
        scheduleRender();
        break;
      default:
        toast(`${zh() ? item.zhLabel : item.enLabel}${t('（模拟）', ' (simulated)')}`);
    }
  }

  function onPanelClick(ev) {
    const target = ev.target instanceof Element ? ev.target : null;
    if (!target) return;
    if (target.closest('#wx-sim-menu-button')) {
      state.menu.open = true;
      render();
      const first = panel.querySelector('[data-menu-item]');
      if (first) first.focus();
      return;
    }
    if (target.closest('[data-menu-close]')) { state.menu.open = false; render(); return; }
    if (target.closest('[data-sim-clear]')) { state.calls.length = 0; render(); return; }
    const head = target.closest('[data-call-seq]');
    if (head) {
      const seq = Number(head.getAttribute('data-call-seq'));
      if (!expandedCalls.delete(seq)) expandedCalls.add(seq);
      render();
      return;
    }
    const item = target.closest('[data-menu-item]');
    if (item) menuAction(item.getAttribute('data-menu-item'));
  }
  function onPanelChange(ev) {
    const target = ev.target;
    if (target.id === 'wx-sim-outcome') api.setOutcome(target.value);
    if (target.id === 'wx-sim-ask') state.ask = target.checked;
    if (target.id === 'wx-sim-external') {
      state.external = target.checked;
      try { storage('localStorage')?.setItem('wxsim:external', state.external ? '1' : '0'); } catch (e) { /* ignore */ }
    }
  }

  /* ── 15. Public API, start-up ────────────────────────────────────────────────────────── */

  const api = {
    version: 1,
    realUserAgent,
    userAgent: simulatedUserAgent,
    calls: state.calls,
    state, // the live internals, read-only by convention (e.g. state.recording while recording)
    get verify() { return clone(state.verify); },
    get menu() { return menuSnapshot(); },
    get outcome() { return state.outcome; },
    get shareData() { return clone(state.share); },
    setOutcome(outcome) {
      if (!OUTCOMES.includes(outcome)) throw new Error(`outcome must be one of ${OUTCOMES.join(', ')}`);
      state.outcome = outcome;
      scheduleRender();
    },
    setAsk(ask) { state.ask = Boolean(ask); scheduleRender(); },
    share: (which) => shareFrom(which),
    openMenu() { state.menu.open = true; if (panel) panel.querySelector('details').open = true; scheduleRender(); },
    finishRecording() { // as if 60 s had passed: onVoiceRecordEnd fires
      const rec = state.recording;
      if (!rec) return Promise.resolve(null);
      return finishRecording(rec).then((localId) => { fire('onVoiceRecordEnd', { err_msg: 'onVoiceRecordEnd:ok', localId }); return localId; });
    },
    reset() {
      state.outcome = 'ok';
      state.ask = false;
      state.calls.length = 0;
      state.menu = { optionMenu: true, hidden: new Set(), open: true, night: false };
      state.share = { appMessage: null, timeline: null };
      if (state.recording) { const rec = state.recording; finishRecording(rec); }
      stopPlayback(false);
      HANDLERS.stopMonitoringBeacons();
      document.querySelectorAll('.wxsim-overlay').forEach((el) => el.wxsimClose('reset'));
      if (panel) build();
    },
  };
  Object.defineProperty(window, '__wxSimulator', { value: api, configurable: true });

  ensureCss();
  const mount = () => {
    ensureCss();
    build();
    new MutationObserver(build).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    new MutationObserver(scheduleRender).observe(document.head || document.documentElement, { childList: true, subtree: true, characterData: true });
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
  later(() => {
    let event;
    try { event = new Event('WeixinJSBridgeReady', { bubbles: true }); } catch (e) {
      event = document.createEvent('Event');
      event.initEvent('WeixinJSBridgeReady', true, true);
    }
    document.dispatchEvent(event);
  }, 0);
})();
