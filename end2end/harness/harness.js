// Drives the simulated bridge through the official jweixin, for tests and by hand.
// window.harness: { ready, error, events, call(name, args) → Promise<{kind, res}>, listen(name, args), show(localIds) }
(() => {
  'use strict';
  const params = new URLSearchParams(location.search);
  if (params.get('lang')) document.documentElement.lang = params.get('lang');

  // Every wx.* function of the catalog the simulator was handed (config is not a jsApiList entry).
  const ALL = window.__wxSimCatalog.functions.map((f) => f.name).filter((name) => name !== 'config');
  const list = (name) => (params.get(name) || '').split(',').filter(Boolean);
  const jsApiList = params.has('apis') ? list('apis') : ALL.filter((name) => !list('deny').includes(name));

  const out = document.getElementById('out');
  const status = document.getElementById('status');
  const plain = (value) => JSON.parse(JSON.stringify(value === undefined ? null : value));
  const print = (line, value) => { out.textContent = `${line} ${JSON.stringify(value)}\n${out.textContent}`; };

  const harness = {
    ready: false,
    error: null,
    events: [], // { name, kind, res } from listeners (trigger/success/cancel/fail/complete)
    jsApiList,
    call(name, args) {
      return new Promise((resolve) => {
        let settled = false;
        const settle = (kind) => (res) => {
          print(`${name} ${kind}`, res);
          if (!settled) { settled = true; resolve({ kind, res: plain(res) }); }
        };
        window.wx[name](Object.assign({}, args, { success: settle('success'), fail: settle('fail'), cancel: settle('cancel') }));
      });
    },
    listen(name, args) {
      const note = (kind) => (res) => { harness.events.push({ name, kind, res: plain(res) }); print(`${name} ${kind}`, res); };
      window.wx[name](Object.assign({}, args, {
        trigger: note('trigger'), success: note('success'), cancel: note('cancel'), fail: note('fail'), complete: note('complete'),
      }));
    },
    show(localIds) {
      const box = document.getElementById('shown');
      box.textContent = '';
      localIds.forEach((id) => {
        const img = document.createElement('img');
        img.alt = id;
        img.src = id; // a localId is an <img> src, as in WeChat
        box.appendChild(img);
      });
      return Array.from(box.querySelectorAll('img'));
    },
  };
  window.harness = harness;

  if (!params.has('noconfig')) {
    window.wx.config({
      debug: false,
      appId: 'wx_sim_harness',
      timestamp: Math.floor(Date.now() / 1000),
      nonceStr: 'harnessNonce',
      signature: params.get('sig') || 'f'.repeat(40),
      jsApiList,
    });
  }
  window.wx.ready(() => {
    harness.ready = true;
    if (!harness.error) { status.textContent = 'wx.ready'; status.dataset.status = 'ready'; }
  });
  window.wx.error((res) => {
    harness.error = plain(res);
    status.textContent = `wx.error ${res.errMsg}`;
    status.dataset.status = 'error';
  });

  // Buttons for trying things by hand.
  let localIds = [];
  let serverId = '';
  let voiceId = '';
  const demos = {
    chooseImage: () => harness.call('chooseImage', {}).then((r) => { if (r.res.localIds) { localIds = r.res.localIds; harness.show(localIds); } }),
    previewImage: () => harness.call('previewImage', { current: localIds[0] || '../assets/sim/samples/photo-2.svg', urls: localIds.length ? localIds : ['../assets/sim/samples/photo-2.svg', 'http://img3.douban.com/view/photo/photo/public/p2152117150.jpg'] }),
    uploadImage: () => harness.call('uploadImage', { localId: localIds[0] }).then((r) => { serverId = r.res.serverId || ''; }),
    downloadImage: () => harness.call('downloadImage', { serverId }),
    getLocalImgData: () => harness.call('getLocalImgData', { localId: localIds[0] }),
    startRecord: () => harness.call('startRecord', {}),
    stopRecord: () => harness.call('stopRecord', {}).then((r) => { voiceId = r.res.localId || ''; }),
    playVoice: () => harness.call('playVoice', { localId: voiceId }),
    translateVoice: () => harness.call('translateVoice', { localId: voiceId }),
    getNetworkType: () => harness.call('getNetworkType', {}),
    getLocation: () => harness.call('getLocation', { type: 'wgs84' }),
    openLocation: () => harness.call('openLocation', { latitude: 23.099994, longitude: 113.32452, name: 'TIT 创意园', address: '广州市海珠区新港中路 397 号', scale: 14 }),
    scanQRCode: () => harness.call('scanQRCode', { needResult: 1 }),
    chooseWXPay: () => harness.call('chooseWXPay', { timestamp: 1414723227, nonceStr: 'noncestr', package: 'prepay_id=wx_sandbox_demo', signType: 'MD5', paySign: 'C380BEC2BFD727A4B6845133519F3AD6' }),
    openAddress: () => harness.call('openAddress', {}),
    chooseCard: () => harness.call('chooseCard', { timestamp: 1414723227, nonceStr: 'n', cardSign: 'sign' }),
    addCard: () => harness.call('addCard', { cardList: [{ cardId: 'pDF3iY9tv9zCGCj4jTXFOo1DxHdo', cardExt: '{"timestamp":"1418301401","signature":"f6628bf94d8e56d56bfa6598e798d5bad54892e5"}' }] }),
    hideMenuItems: () => harness.call('hideMenuItems', { menuList: ['menuItem:readMode', 'menuItem:copyUrl'] }),
    showMenuItems: () => harness.call('showMenuItems', { menuList: ['menuItem:readMode', 'menuItem:copyUrl'] }),
    closeWindow: () => harness.call('closeWindow', {}),
    onMenuShareAppMessage: () => harness.listen('onMenuShareAppMessage', { title: '互联网之子', desc: '分享描述', link: location.href, imgUrl: '../assets/sim/samples/photo-1.svg' }),
  };
  const buttons = document.getElementById('buttons');
  Object.entries(demos).forEach(([name, run]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = `demo-${name}`;
    button.textContent = name;
    button.addEventListener('click', run);
    buttons.appendChild(button);
  });
})();
