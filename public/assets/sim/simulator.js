/*
 * A simulator of WeChat's native bridge (window.WeixinJSBridge) for desktop browsers.
 *
 * The official jweixin 1.6.0 runs unchanged on top of it, so a page's wx.* calls take the
 * same path as in WeChat, and this file sees what WeChat's client would see
 * (preVerifyJSAPI, imagePreview, geoLocation, batchAddCard, ...). Load it before
 * /assets/vendor/jweixin-1.6.0.js. The config is verified for real by the server
 * (POST /api/sim/verify_config). Nothing here talks to Tencent's hosts.
 */
(function () {
  'use strict';
  if (window.WeixinJSBridge) return;

  // ── Look like WeChat to jweixin (it reads the user agent once, at load) ──
  var realUserAgent = navigator.userAgent;
  var simulatedUserAgent = realUserAgent + ' MicroMessenger/8.0.50 WeChatPlaygroundSimulator';
  try {
    Object.defineProperty(navigator, 'userAgent', { get: function () { return simulatedUserAgent; } });
    // jweixin reports config timings to open.weixin.qq.com from phones; a desktop
    // platform turns that report off, so the simulator never calls Tencent.
    Object.defineProperty(navigator, 'platform', { get: function () { return 'Win32'; } });
  } catch (e) { /* an old browser: jweixin will stay inert */ }

  var isIOS = /iphone|ipad|ipod/i.test(realUserAgent);
  var landingUrl = location.href.split('#')[0];
  var zh = function () { return (document.documentElement.lang || 'zh').indexOf('zh') === 0; };
  var L = function (zhText, enText) { return zh() ? zhText : enText; };

  // ── State ──
  var state = {
    verified: null, // null: verifying; true: ok; string: the error
    jsApiList: [],
    outcome: 'ok',
    calls: [],
    listeners: {},
    menuHidden: false,
    hiddenItems: {},
    localImages: {},
    voices: {},
    recording: null,
    playing: null,
    shareData: {},
    seq: 0,
  };
  var SAMPLE_IMAGES = ['/assets/sim/sample-1.svg', '/assets/sim/sample-2.svg', '/assets/sim/sample-3.svg'];
  var BASIC_MENU = ['menuItem:exposeArticle', 'menuItem:setFont', 'menuItem:dayMode', 'menuItem:nightMode',
    'menuItem:refresh', 'menuItem:profile', 'menuItem:addContact'];
  var MENU = [
    ['menuItem:share:appMessage', '发送给朋友', 'Send to friend', 'menu:share:appmessage'],
    ['menuItem:share:timeline', '分享到朋友圈', 'Share to Moments', 'menu:share:timeline'],
    ['menuItem:share:qq', '分享到QQ', 'Share to QQ', 'menu:share:qq'],
    ['menuItem:share:weiboApp', '分享到Weibo', 'Share to Weibo', 'menu:share:weiboApp'],
    ['menuItem:share:QZone', '分享到 QQ 空间', 'Share to QZone', 'menu:share:QZone'],
    ['menuItem:favorite', '收藏', 'Favourite', null],
    ['menuItem:copyUrl', '复制链接', 'Copy link', null],
    ['menuItem:readMode', '阅读模式', 'Reading mode', null],
    ['menuItem:openWithSafari', '在浏览器中打开', 'Open in browser', null],
    ['menuItem:refresh', '刷新', 'Refresh', null],
  ];
  // Native names jweixin invokes → the JS API names a page puts in jsApiList.
  var JS_NAME = {
    imagePreview: 'previewImage', geoLocation: 'getLocation', openProductViewWithPid: 'openProductSpecificView',
    batchAddCard: 'addCard', batchViewCard: 'openCard', getBrandWCPayRequest: 'chooseWXPay',
    startMonitoringBeacons: 'startSearchBeacons', stopMonitoringBeacons: 'stopSearchBeacons',
    consumedShareCard: 'consumeAndShareCard', editAddress: 'openAddress',
    shareTimeline: 'onMenuShareTimeline', sendAppMessage: 'onMenuShareAppMessage', shareQQ: 'onMenuShareQQ',
    shareWeiboApp: 'onMenuShareWeibo', shareQZone: 'onMenuShareQZone',
    // jweixin sends jsApiList in native names too (its table `a`).
    'menu:share:timeline': 'onMenuShareTimeline', 'menu:share:appmessage': 'onMenuShareAppMessage',
    'menu:share:qq': 'onMenuShareQQ', 'menu:share:weiboApp': 'onMenuShareWeibo', 'menu:share:QZone': 'onMenuShareQZone',
    onBeaconsInRange: 'onSearchBeacons', preVerifyJSAPI: 'config',
  };
  // APIs that need the user; the presenter's outcome applies to them.
  var USER_DRIVEN = ['sendAppMessage', 'shareTimeline', 'shareQQ', 'shareWeiboApp', 'shareQZone', 'chooseImage', 'imagePreview', 'startRecord', 'geoLocation', 'scanQRCode', 'chooseCard',
    'batchAddCard', 'batchViewCard', 'getBrandWCPayRequest', 'editAddress', 'openProductViewWithPid',
    'consumedShareCard', 'startMonitoringBeacons', 'openLocation'];
  var ALWAYS_ALLOWED = ['preVerifyJSAPI', 'checkJsApi'];

  function id(prefix) { state.seq += 1; return prefix + Date.now().toString(36) + state.seq; }
  function clone(value) { try { return JSON.parse(JSON.stringify(value)); } catch (e) { return String(value); } }
  function later(fn, ms) { setTimeout(fn, ms || 30); }

  // ── Overlays ──
  function overlay(html, onClose) {
    var el = document.createElement('div');
    el.className = 'wxsim-overlay';
    el.innerHTML = '<div class="wxsim-sheet">' + html + '<button class="wxsim-close" data-close>' +
      L('关闭', 'Close') + '</button></div>';
    el.addEventListener('click', function (ev) {
      if (ev.target === el || (ev.target.hasAttribute && ev.target.hasAttribute('data-close'))) {
        el.remove();
        if (onClose) onClose();
      }
    });
    document.body.appendChild(el);
    return el;
  }
  function esc(text) {
    return String(text == null ? '' : text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function toast(text) {
    var el = document.createElement('div');
    el.className = 'wxsim-toast';
    el.textContent = text;
    document.body.appendChild(el);
    setTimeout(function () { el.remove(); }, 900);
  }

  // ── The simulated answers, by native name ──
  var handlers = {
    checkJsApi: function (args) {
      var result = {};
      (args.jsApiList || []).forEach(function (name) { result[name] = KNOWN.indexOf(name) >= 0; });
      return { checkResult: result };
    },
    updateAppMessageShareData: function (args) { state.shareData.appMessage = clone(args); return {}; },
    updateTimelineShareData: function (args) { state.shareData.timeline = clone(args); return {}; },
    chooseImage: function (args) {
      var count = Math.max(1, Math.min(Number(args.count) || 9, 3));
      var ids = [];
      for (var i = 0; i < count && i < SAMPLE_IMAGES.length; i++) {
        var localId = 'wxLocalResource://' + id('img');
        state.localImages[localId] = SAMPLE_IMAGES[i];
        ids.push(localId);
      }
      var el = overlay('<h3>' + L('已选择的图片', 'Chosen images') + '</h3><div class="wxsim-images">' +
        ids.map(function (l) { return '<img src="' + esc(state.localImages[l]) + '" alt="">'; }).join('') + '</div>');
      el.setAttribute('data-sim', 'chooseImage');
      return { localIds: ids };
    },
    imagePreview: function (args) {
      var urls = args.urls || [];
      var el = overlay('<h3>' + L('图片预览', 'Image preview') + '</h3><p class="wxsim-muted">' + esc(args.current) +
        '</p><ol>' + urls.map(function (u) { return '<li>' + esc(u) + '</li>'; }).join('') + '</ol>');
      el.setAttribute('data-sim', 'previewImage');
      return {};
    },
    uploadImage: function (args) {
      if (!state.localImages[args.localId]) return { fail: 'invalid localId' };
      if (args.isShowProgressTips) toast(L('上传中…', 'Uploading…'));
      var serverId = id('media_');
      state.localImages[serverId] = state.localImages[args.localId];
      return { serverId: serverId };
    },
    downloadImage: function (args) {
      if (!state.localImages[args.serverId]) return { fail: 'invalid serverId' };
      var localId = 'wxLocalResource://' + id('img');
      state.localImages[localId] = state.localImages[args.serverId];
      return { localId: localId };
    },
    getLocalImgData: function (args) {
      if (!state.localImages[args.localId]) return { fail: 'invalid localId' };
      return { localData: 'data:image/svg+xml;base64,' + btoa('<svg xmlns="http://www.w3.org/2000/svg"/>') };
    },
    startRecord: function () {
      state.recording = { at: Date.now(), chunks: [], recorder: null };
      toast(L('录音中…', 'Recording…'));
      var media = navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.MediaRecorder
        ? navigator.mediaDevices.getUserMedia({ audio: true }) : Promise.reject(new Error('no microphone'));
      var recording = state.recording;
      // WeChat stops a recording at one minute and calls onVoiceRecordEnd.
      setTimeout(function () { if (state.recording === recording) window.__wxSimulator.finishRecording(); }, 60000);
      return within(media.then(function (stream) {
        var recorder = new MediaRecorder(stream);
        recorder.ondataavailable = function (ev) { recording.chunks.push(ev.data); };
        recorder.start();
        recording.recorder = recorder;
        recording.stream = stream;
        return {};
      }), 1500, {});
    },
    stopRecord: function () {
      var recording = state.recording;
      if (!recording) return { fail: 'not recording' };
      state.recording = null;
      var localId = 'weixin://resourceid/' + id('voice');
      if (!recording.recorder) {
        state.voices[localId] = { url: toneUrl(), ms: Date.now() - recording.at };
        return { localId: localId };
      }
      // The microphone's recording, playable through playVoice.
      return new Promise(function (resolve) {
        recording.recorder.onstop = function () {
          recording.stream.getTracks().forEach(function (t) { t.stop(); });
          state.voices[localId] = { url: URL.createObjectURL(new Blob(recording.chunks)), ms: Date.now() - recording.at };
          resolve({ localId: localId });
        };
        recording.recorder.stop();
      });
    },
    playVoice: function (args) {
      var voice = state.voices[args.localId];
      if (!voice) return { fail: 'invalid localId' };
      if (state.audio) state.audio.pause();
      var audio = new Audio(voice.url);
      state.audio = audio;
      state.playing = args.localId;
      var ended = function () {
        if (state.playing !== args.localId) return;
        state.playing = null;
        fire('onVoicePlayEnd', { err_msg: 'onVoicePlayEnd:ok', localId: args.localId });
      };
      audio.onended = ended;
      // Autoplay may be refused (no user gesture, headless): end as WeChat would.
      audio.play().catch(function () { later(ended, 300); });
      return {};
    },
    pauseVoice: function () { if (state.audio) state.audio.pause(); return {}; },
    stopVoice: function () {
      if (state.audio) { state.audio.pause(); state.audio.currentTime = 0; }
      state.playing = null;
      return {};
    },
    uploadVoice: function (args) {
      if (!state.voices[args.localId]) return { fail: 'invalid localId' };
      var serverId = id('voice_');
      state.voices[serverId] = state.voices[args.localId];
      return { serverId: serverId };
    },
    downloadVoice: function (args) {
      if (!state.voices[args.serverId]) return { fail: 'invalid serverId' };
      var localId = 'weixin://resourceid/' + id('voice');
      state.voices[localId] = state.voices[args.serverId];
      return { localId: localId };
    },
    translateVoice: function (args) {
      if (!state.voices[args.localId]) return { fail: 'invalid localId' };
      return { translateResult: L('你好，微信', 'Hello, WeChat') };
    },
    getNetworkType: function () {
      var type = (navigator.connection && navigator.connection.effectiveType) || 'wifi';
      return { err_msg: 'network_type:wifi', subtype: type === '4g' ? 'wifi' : type };
    },
    openLocation: function (args) {
      var el = overlay('<h3>' + esc(args.name) + '</h3><p>' + esc(args.address) + '</p><p class="wxsim-muted">' +
        esc(args.latitude) + ', ' + esc(args.longitude) + ' · scale ' + esc(args.scale) + '</p>');
      el.setAttribute('data-sim', 'openLocation');
      return {};
    },
    geoLocation: function () {
      var sample = { latitude: 23.099994, longitude: 113.32452, speed: 0, accuracy: 65 };
      if (!navigator.geolocation) return sample;
      // The browser's position when it is granted quickly, else WeChat HQ's.
      return within(new Promise(function (resolve, reject) {
        navigator.geolocation.getCurrentPosition(function (p) {
          resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude,
            speed: p.coords.speed || 0, accuracy: p.coords.accuracy });
        }, reject, { timeout: 1500, maximumAge: 60000 });
      }), 1600, sample);
    },
    startMonitoringBeacons: function () {
      later(function () {
        fire('onBeaconsInRange', { err_msg: 'onBeaconsInRange:ok', beacons: [
          { major: 10001, minor: 12102, uuid: 'FDA50693-A4E2-4FB1-AFCF-C6EB07647825', accuracy: '0.235344', proximity: '1', rssi: '-66', heading: '288.1355' },
        ] });
      }, 300);
      return {};
    },
    stopMonitoringBeacons: function () { return {}; },
    hideOptionMenu: function () { state.menuHidden = true; renderPanel(); return {}; },
    showOptionMenu: function () { state.menuHidden = false; renderPanel(); return {}; },
    closeWindow: function () {
      overlay('<h3>' + L('窗口已关闭', 'Window closed') + '</h3><p>' +
        L('在微信里，页面现在会关闭。', 'In WeChat the page would close now.') + '</p>').setAttribute('data-sim', 'closeWindow');
      return {};
    },
    hideMenuItems: function (args) {
      var list = args.menuList || [];
      var basic = list.filter(function (item) { return BASIC_MENU.indexOf(item) >= 0; });
      if (basic.length) return { fail: 'basic menu items cannot be hidden: ' + basic.join(', ') };
      list.forEach(function (item) { state.hiddenItems[item] = true; });
      renderPanel();
      return {};
    },
    showMenuItems: function (args) {
      (args.menuList || []).forEach(function (item) { delete state.hiddenItems[item]; });
      renderPanel();
      return {};
    },
    hideAllNonBaseMenuItem: function () {
      MENU.forEach(function (item) { if (BASIC_MENU.indexOf(item[0]) < 0) state.hiddenItems[item[0]] = true; });
      renderPanel();
      return {};
    },
    showAllNonBaseMenuItem: function () { state.hiddenItems = {}; renderPanel(); return {}; },
    scanQRCode: function (args) {
      if (Number(args.needResult) === 1) return { resultStr: 'https://weixin.qq.com/', scan_code: { scan_type: 'qrcode' } };
      overlay('<h3>' + L('微信扫一扫', 'WeChat Scan') + '</h3><p>' +
        L('扫描结果由微信处理（needResult: 0）。', 'WeChat handles the result (needResult: 0).') + '</p>').setAttribute('data-sim', 'scanQRCode');
      return {};
    },
    openProductViewWithPid: function (args) {
      overlay('<h3>' + L('微信小店商品', 'WeChat Shop product') + '</h3><p>' + esc(args.pid || args.productId) + '</p>');
      return {};
    },
    chooseCard: function (args) {
      if (!args.card_sign) return { fail: 'invalid card_sign' };
      return { choose_card_info: JSON.stringify([{ card_id: args.card_id || 'pDF3iY9tv9zCGCj4jTXFOo1DxHdo', encrypt_code: '6b686e6b6a6b686e6b6a' }]) };
    },
    batchAddCard: function (args) {
      // The native side answers card_list as a JSON string; jweixin parses and renames it.
      var list = (args.card_list || []).map(function (c) { return { card_id: c.card_id, card_ext: c.card_ext, is_succ: 1 }; });
      return { card_list: JSON.stringify(list) };
    },
    batchViewCard: function (args) {
      overlay('<h3>' + L('卡包', 'Card wallet') + '</h3><ul>' + (args.card_list || []).map(function (c) {
        return '<li>' + esc(c.card_id) + ' · ' + esc(c.code) + '</li>';
      }).join('') + '</ul>').setAttribute('data-sim', 'openCard');
      return {};
    },
    consumedShareCard: function () { return {}; },
    getBrandWCPayRequest: function (args) {
      overlay('<h3>' + L('微信支付（沙箱）', 'WeChat Pay (sandbox)') + '</h3><p class="wxsim-muted">' + esc(args.package) +
        '</p><p>signType ' + esc(args.signType) + '</p>').setAttribute('data-sim', 'chooseWXPay');
      return {};
    },
    sendAppMessage: function (args) { return shared('appMessage', args); },
    shareTimeline: function (args) { return shared('timeline', args); },
    shareQQ: function (args) { return shared('qq', args); },
    shareWeiboApp: function (args) { return shared('weibo', args); },
    shareQZone: function (args) { return shared('qzone', args); },
    editAddress: function () {
      return { userName: '张三', postalCode: '510000', provinceName: '广东省', cityName: '广州市', countryName: '海珠区',
        detailInfo: '新港中路 397 号', nationalCode: '440105', telNumber: '020-81167888' };
    },
  };
  var LISTENERS = ['onVoiceRecordEnd', 'onVoicePlayEnd', 'onBeaconsInRange', 'menu:share:timeline',
    'menu:share:appmessage', 'menu:share:qq', 'menu:share:weiboApp', 'menu:share:QZone'];
  var KNOWN = Object.keys(handlers).map(function (n) { return JS_NAME[n] || n; })
    .concat(['onMenuShareTimeline', 'onMenuShareAppMessage', 'onMenuShareQQ', 'onMenuShareWeibo', 'onMenuShareQZone',
      'onVoiceRecordEnd', 'onVoicePlayEnd', 'onSearchBeacons', 'previewImage', 'getLocation']);

  // The share sheet WeChat shows, with the content the page registered.
  function shared(target, args) {
    var el = overlay('<h3>' + L('分享预览', 'Share preview') + ' · ' + esc(target) + '</h3><div class="wxsim-share">' +
      '<div><b>' + esc(args.title) + '</b><p>' + esc(args.desc) + '</p><p class="wxsim-muted">' + esc(args.link) + '</p><p class="wxsim-muted">' +
      esc(args.img_url) + '</p></div></div>');
    el.setAttribute('data-sim', 'share');
    return {};
  }

  function fire(event, payload) {
    var callback = state.listeners[event];
    record(event, null, payload);
    if (callback) callback(payload);
  }

  function record(name, args, result) {
    state.calls.unshift({ name: name, args: clone(args), result: clone(result) });
    if (state.calls.length > 100) state.calls.pop();
    renderPanel();
  }

  // ── The bridge ──
  function answer(name, args, callback) {
    var jsName = JS_NAME[name] || name;
    var reply;
    if (ALWAYS_ALLOWED.indexOf(name) < 0) {
      if (state.verified === null) reply = { err_msg: name + ':the permission value is offline verifying' };
      else if (state.verified !== true) reply = { err_msg: name + ':permission denied' };
      else if (state.jsApiList.indexOf(jsName) < 0) reply = { err_msg: name + ':permission denied' };
    }
    if (!reply && !handlers[name]) reply = { err_msg: name + ':function not exist' };
    if (!reply && USER_DRIVEN.indexOf(name) >= 0 && state.outcome !== 'ok') {
      reply = { err_msg: name + (state.outcome === 'cancel' ? ':cancel' : ':fail') };
    }
    if (reply) { deliver(name, args, reply, callback); return; }
    Promise.resolve(handlers[name](args || {})).then(function (result) {
      result = result || {};
      if (result.fail) reply = { err_msg: name + ':fail_' + result.fail };
      else {
        reply = result;
        if (!reply.err_msg) reply.err_msg = name + ':ok';
      }
      deliver(name, args, reply, callback);
    });
  }

  function deliver(name, args, reply, callback) {
    record(name, args, reply);
    if (callback) later(function () { callback(reply); });
  }

  // Resolves with `fallback` if `promise` takes longer than `ms` or fails.
  function within(promise, ms, fallback) {
    return new Promise(function (resolve) {
      var done = false;
      var finish = function (value) { if (!done) { done = true; resolve(value); } };
      setTimeout(function () { finish(fallback); }, ms);
      promise.then(finish, function () { finish(fallback); });
    });
  }

  // A one-second 440 Hz tone as a WAV blob URL: the recording when no microphone is allowed.
  function toneUrl() {
    var rate = 8000, n = rate, data = new DataView(new ArrayBuffer(44 + n * 2));
    var str = function (o, t) { for (var i = 0; i < t.length; i++) data.setUint8(o + i, t.charCodeAt(i)); };
    str(0, 'RIFF'); data.setUint32(4, 36 + n * 2, true); str(8, 'WAVE'); str(12, 'fmt ');
    data.setUint32(16, 16, true); data.setUint16(20, 1, true); data.setUint16(22, 1, true);
    data.setUint32(24, rate, true); data.setUint32(28, rate * 2, true); data.setUint16(32, 2, true);
    data.setUint16(34, 16, true); str(36, 'data'); data.setUint32(40, n * 2, true);
    for (var i = 0; i < n; i++) data.setInt16(44 + i * 2, Math.sin(i / rate * 2 * Math.PI * 440) * 8000 * Math.min(1, (n - i) / 800), true);
    return URL.createObjectURL(new Blob([data], { type: 'audio/wav' }));
  }

  function verify(args, callback) {
    state.jsApiList = (args.verifyJsApiList || []).map(function (n) { return JS_NAME[n] || n; });
    var url = (isIOS ? landingUrl : location.href.split('#')[0]);
    fetch('/api/sim/verify_config', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appId: args.verifyAppId || '', timestamp: String(args.verifyTimestamp || ''),
        nonceStr: args.verifyNonceStr || '', signature: args.verifySignature || '', url: url }),
    }).then(function (r) { return r.json(); }).then(function (res) {
      var errMsg = res.errMsg || 'config:fail';
      state.verified = errMsg === 'config:ok' ? true : errMsg;
      state.verifyDetail = res.detail || res.message || '';
      var reply = { err_msg: errMsg.replace(/^config:/, 'preVerifyJSAPI:') };
      record('preVerifyJSAPI', args, { err_msg: reply.err_msg, detail: state.verifyDetail });
      callback(reply);
    }, function (error) {
      state.verified = 'config:fail';
      callback({ err_msg: 'preVerifyJSAPI:fail' });
      record('preVerifyJSAPI', args, { err_msg: 'preVerifyJSAPI:fail', detail: String(error) });
    });
  }

  window.WeixinJSBridge = {
    invoke: function (name, args, callback) {
      if (name === 'preVerifyJSAPI') { state.verified = null; verify(args || {}, callback); return; }
      answer(name, args, callback);
    },
    on: function (event, callback) {
      state.listeners[event] = callback;
      if (LISTENERS.indexOf(event) < 0) record('on:' + event, null, { err_msg: event + ':function not exist' });
    },
  };

  // ── Sharing from the simulated top-right menu ──
  function shareFrom(event) {
    var listener = state.listeners[event];
    if (!listener) { toast(L('页面没有注册分享内容', 'The page registered no share content')); return; }
    // jweixin's listener calls `trigger`, then invokes the share itself (sendAppMessage…).
    listener({ err_msg: event + ':ok', scene: 'friend' });
  }

  // ── The panel ──
  var panel;
  function renderPanel() {
    if (!panel || !document.body) return;
    var status = state.verified === null ? L('验证中…', 'verifying…')
      : state.verified === true ? 'config:ok' : String(state.verified);
    var menu = state.menuHidden ? '<p class="wxsim-muted">' + L('右上角菜单已隐藏', 'Top-right menu hidden') + '</p>'
      : MENU.filter(function (m) { return !state.hiddenItems[m[0]]; }).map(function (m) {
        return '<button class="wxsim-menu-item" data-menu-item="' + m[0] + '"' + (m[3] ? ' data-share="' + m[3] + '"' : '') +
          '>' + (zh() ? m[1] : m[2]) + '</button>';
      }).join('');
    panel.querySelector('.wxsim-status').textContent = L('模拟微信 · ', 'Simulated WeChat · ') + status;
    panel.querySelector('.wxsim-status').setAttribute('data-verified', String(state.verified === true));
    panel.querySelector('.wxsim-menu').innerHTML = menu;
    panel.querySelector('.wxsim-calls').innerHTML = state.calls.slice(0, 30).map(function (c) {
      return '<li data-bridge-call="' + esc(c.name) + '"><b>' + esc(c.name) + '</b> <code>' +
        esc(JSON.stringify(c.args)) + '</code> → <code>' + esc(JSON.stringify(c.result)) + '</code></li>';
    }).join('');
  }

  function mountPanel() {
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/assets/sim/simulator.css';
    document.head.appendChild(css);
    panel = document.createElement('aside');
    panel.id = 'wx-sim-panel';
    panel.className = 'wxsim-panel';
    panel.innerHTML = '<details><summary class="wxsim-status"></summary>' +
      '<label>' + L('用户操作结果', 'Outcome of user actions') + ' <select id="wx-sim-outcome">' +
      '<option value="ok">ok</option><option value="cancel">cancel</option><option value="fail">fail</option></select></label>' +
      '<h4>' + L('右上角菜单', 'Top-right menu') + '</h4><div class="wxsim-menu"></div>' +
      '<h4>' + L('桥接调用', 'Bridge calls') + '</h4><ol class="wxsim-calls"></ol></details>';
    panel.querySelector('#wx-sim-outcome').addEventListener('change', function (ev) { state.outcome = ev.target.value; });
    panel.addEventListener('click', function (ev) {
      var share = ev.target.getAttribute && ev.target.getAttribute('data-share');
      if (share) shareFrom(share);
    });
    document.body.appendChild(panel);
    renderPanel();
  }

  window.__wxSimulator = {
    realUserAgent: realUserAgent,
    state: state,
    calls: state.calls,
    setOutcome: function (outcome) { state.outcome = outcome; },
    share: shareFrom,
    finishRecording: function () {
      if (!state.recording) return;
      if (state.recording.recorder) {
        state.recording.recorder.stop();
        state.recording.stream.getTracks().forEach(function (t) { t.stop(); });
      }
      var localId = 'weixin://resourceid/' + id('voice');
      state.voices[localId] = { url: toneUrl(), ms: 60000 };
      state.recording = null;
      fire('onVoiceRecordEnd', { err_msg: 'onVoiceRecordEnd:ok', localId: localId });
    },
  };

  function ready() {
    mountPanel();
    var event;
    try { event = new Event('WeixinJSBridgeReady'); } catch (e) { event = document.createEvent('Event'); event.initEvent('WeixinJSBridgeReady', true, true); }
    document.dispatchEvent(event);
  }
  if (document.body) later(ready, 0); else document.addEventListener('DOMContentLoaded', ready);
})();
