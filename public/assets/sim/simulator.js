// @ts-check
/*
 * Simulated WeChat: an in-browser stand-in for WeChat's native bridge (window.WeixinJSBridge)
 * so that the official jweixin-1.6.0.js runs unchanged in a desktop browser.
 *
 * Load contract (classic scripts, in this order, only outside real WeChat or with ?sim=1):
 *   <script src="/api/sim/catalog.js"></script>      (the server's catalog: window.__wxSimCatalog)
 *   <script src="/assets/sim/simulator.js"></script>
 *   <script src="/assets/vendor/jweixin-1.6.0.js"></script>
 * The simulator keeps no list of functions, parameters, menu items, errors or UI strings of its
 * own: it reads them from the catalog (app/src/catalog, typed by app/bindings/*.ts, which
 * `cargo test -p app --features ssr` generates). It is plain JS with JSDoc types, checked by
 * `tsc -p end2end/simulator` (no build step: it must run synchronously before jweixin).
 *
 * When this script runs it synchronously: makes navigator.userAgent contain
 * "MicroMessenger/8.0.50" (jweixin reads it at load), installs window.WeixinJSBridge, injects
 * simulator.css (resolved next to this file), and exposes window.__wxSimulator. Shortly after
 * (next task) it dispatches the `WeixinJSBridgeReady` document event; the panel mounts once
 * <body> exists. Optional settings, read once at load: window.__wxSimulatorOptions =
 * { verifyUrl, signatureUrl, recordLimitMs, locationTimeoutMs, microphoneTimeoutMs }.
 *
 * wx.config is verified for real: preVerifyJSAPI POSTs {appId, timestamp, nonceStr, signature,
 * url} to /api/sim/verify_config and answers with the server's errMsg (and, on `invalid
 * signature`, the `realAuthUrl` real clients add: the URL verified). So is every signature
 * after it: cardSign (chooseCard), each cardExt (addCard) and paySign (chooseWXPay) go to
 * /api/sim/verify_signature with the values the call carries. Nothing here talks to
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
/**
 * @typedef {import('../../../app/bindings/SimCatalog').SimCatalog} SimCatalog
 * @typedef {import('../../../app/bindings/SimFunction').SimFunction} SimFunction
 * @typedef {import('../../../app/bindings/MenuItem').MenuItem} MenuItem
 * @typedef {import('../../../app/bindings/ShareTarget').ShareTarget} ShareTarget
 * @typedef {import('../../../app/bindings/SimText').SimText} SimText
 * @typedef {import('../../../app/bindings/Device').Device} Device
 * @typedef {import('../../../app/bindings/Account').Account} Account
 * @typedef {import('../../../app/bindings/Scenario').Scenario} Scenario
 * @typedef {import('../../../app/bindings/Effect').Effect} Effect
 * @typedef {{ device: Device, wechat: string, account: Account, scenario: Scenario | null, ignored: string[] }} Profile
 *   Who the simulator is: chosen in the panel or by ?device= ?wechat= ?account= ?scenario=, kept for the session.
 * @typedef {'ok' | 'cancel' | 'fail'} Outcome
 * @typedef {{ status: Outcome, fields: Record<string, unknown>, desc?: string, rawMsg?: string }} Answer
 *   What a handler decides; toRaw() turns it into the client's RawAnswer.
 * @typedef {(args: BridgeArgs) => Answer | Promise<Answer>} Handler
 * @typedef {'invoke' | 'on' | 'event' | 'report'} CallKind
 * @typedef {{ seq: number, time: number, kind: CallKind, name: string, jsName: string,
 *   args: unknown, result: Record<string, unknown> | null, pending: boolean }} Call
 * @typedef {{ status: 'none' | 'verifying' | 'ok' | 'failed', errMsg: string, detail: string,
 *   url: string, appId: string, jsApiList: string[], openTagList: string[] }} Verify
 * @typedef {{ id: string, url: string, name?: string, ms?: number, source?: string }} Media
 * @typedef {Record<string, Media>} MediaMap  lowercased id → media
 * @typedef {{ title: string, desc: string, link: string, imgUrl: string }} ShareContent
 * @typedef {{ started: number, source: string, chunks: Blob[], limit?: number, tick?: number,
 *   recorder?: MediaRecorder, stream?: MediaStream }} Recording
 * @typedef {{ localId: string, audio: HTMLAudioElement, timer: number }} Playing
 * @typedef {{ label: string, action: string, primary?: boolean }} SheetAction
 * @typedef {{ title?: string, body?: string, style?: 'sheet' | 'dialog' | 'full',
 *   actions?: SheetAction[], onClose?: (reason: string, value?: string) => void,
 *   setup?: (el: HTMLDivElement) => void, value?: (el: HTMLDivElement, action: string) => string | undefined }} SheetOptions
 * @typedef {{ title: string, body: string, okLabel?: string, cancelLabel?: string,
 *   setup?: (el: HTMLDivElement) => void, value?: (el: HTMLDivElement) => string | undefined }} DecideOptions
 * @typedef {{ card_id: string, title?: string, code?: string, note?: string }} CardView
 */
(() => {
  'use strict';
  if (window.WeixinJSBridge || Object.prototype.hasOwnProperty.call(window, '__wxSimulator')) return; // real WeChat, or loaded twice
  const handed = window.__wxSimCatalog;
  if (!handed) {
    console.error('simulator.js: load /api/sim/catalog.js first (window.__wxSimCatalog is missing)');
    return;
  }
  /** @type {SimCatalog} */
  const CATALOG = handed;

  /* ── 1. Settings and environment ─────────────────────────────────────────────────────── */

  const script = document.currentScript;
  const BASE = new URL('.', (script instanceof HTMLScriptElement && script.src) || location.href).href;
  /** @type {SimulatorOptions} */
  const OPTIONS = Object.assign(
    {
      verifyUrl: '/api/sim/verify_config', signatureUrl: '/api/sim/verify_signature',
      recordLimitMs: 60000, locationTimeoutMs: 3000, microphoneTimeoutMs: 2500,
    },
    window.__wxSimulatorOptions || {},
  );
  const PROFILES = CATALOG.profiles;
  /** @param {string} path */
  const asset = (path) => new URL(path, BASE).href;
  const SAMPLE_IMAGES = [
    { url: asset('samples/photo-1.svg'), name: 'photo-1' },
    { url: asset('samples/photo-2.svg'), name: 'photo-2' },
    { url: asset('samples/photo-3.svg'), name: 'photo-3' },
  ];
  const VOICE_CLIP = { url: asset('samples/voice.wav'), ms: 1200 };
  const SAMPLE_LOCATION = { latitude: 23.099994, longitude: 113.32452, speed: 0, accuracy: 65 };

  /* ── 1b. The profile: device, client version, account, scenario ─────────────────────── */

  /** @param {'localStorage' | 'sessionStorage'} area */
  const storage = (area) => { try { return window[area]; } catch (e) { return null; } };
  const PROFILE_KEY = 'wxsim:profile';
  /** The query parameters a profile is chosen by (removed again by "back to normal"). */
  const PROFILE_PARAMS = ['device', 'wechat', 'account', 'scenario'];
  /**
   * `a` is `b` or newer, by numeric parts (the same rule as catalog::profiles::at_least).
   * @param {string} a @param {string} b
   */
  const atLeast = (a, b) => {
    const x = a.split('.').map((p) => Number(p) || 0);
    const y = b.split('.').map((p) => Number(p) || 0);
    for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
      if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) > (y[i] || 0);
    }
    return true;
  };
  /** @param {unknown} value */
  const isClientVersion = (value) => typeof value === 'string' && value.length <= PROFILES.maxClientVersionLen &&
    /^\d{1,2}(\.\d{1,4}){1,3}$/.test(value);
  /** @returns {Profile} */
  function readProfile() {
    const query = new URLSearchParams(location.search);
    /** @type {Record<string, unknown>} */
    let saved = {};
    try {
      const parsed = JSON.parse(storage('sessionStorage')?.getItem(PROFILE_KEY) || '{}');
      if (parsed && typeof parsed === 'object') saved = parsed;
    } catch (e) { /* a damaged entry: the defaults */ }
    /** @type {string[]} */
    const ignored = [];
    const fromQuery = (/** @type {string} */ name) => {
      const value = query.get(name);
      return value == null ? undefined : value.slice(0, 64);
    };
    const askedScenario = fromQuery('scenario');
    // A scenario in the address starts from the defaults; otherwise the session's choice,
    // without its scenario when the address names a profile of its own.
    /** @type {Record<string, unknown>} */
    const base = askedScenario !== undefined ? {} : saved;
    const ownProfile = PROFILE_PARAMS.some((name) => name !== 'scenario' && query.has(name));
    const scenarioId = askedScenario !== undefined ? askedScenario : ownProfile ? '' : base.scenario;
    const scenario = PROFILES.scenarios.find((sc) => sc.id === scenarioId) || null;
    if (askedScenario && !scenario) ignored.push(`scenario=${askedScenario}`);
    /**
     * @template T
     * @param {string} name
     * @param {(v: unknown) => T | undefined} pick
     * @param {unknown} fromScenario
     * @param {T} fallback
     * @returns {T}
     */
    const choose = (name, pick, fromScenario, fallback) => {
      const asked = fromQuery(name);
      const picked = asked === undefined ? undefined : pick(asked);
      if (asked !== undefined && picked === undefined) ignored.push(`${name}=${asked}`);
      return picked ?? pick(fromScenario) ?? pick(base[name]) ?? fallback;
    };
    const device = choose('device', (v) => PROFILES.devices.find((d) => d.id === v), scenario?.device, PROFILES.devices[0]);
    const wechat = choose('wechat', (v) => (isClientVersion(v) ? String(v) : undefined), scenario?.wechat, PROFILES.defaultClient);
    const account = choose('account', (v) => PROFILES.accounts.find((a) => a.id === v), scenario?.account, PROFILES.accounts[0]);
    return { device, wechat, account, scenario, ignored };
  }
  const PROFILE = readProfile();
  try {
    storage('sessionStorage')?.setItem(PROFILE_KEY, JSON.stringify({
      device: PROFILE.device.id, wechat: PROFILE.wechat, account: PROFILE.account.id, scenario: PROFILE.scenario?.id || '',
    }));
  } catch (e) { /* storage disabled: the profile lasts as long as the page */ }
  /** @type {Effect} */
  const EFFECT = PROFILE.scenario ? PROFILE.scenario.effect : { kind: 'profile' };

  // jweixin decides at load whether it runs inside WeChat, from the user agent; the profile's
  // device and client are what it reads (and the token naming the profile, which QA reports keep).
  const realUserAgent = navigator.userAgent;
  const simulatedUserAgent = `${PROFILE.device.userAgent || realUserAgent} MicroMessenger/${PROFILE.wechat} ` +
    `${PROFILES.uaToken}/${PROFILE.device.id}/${PROFILE.account.id}`;
  try {
    Object.defineProperty(navigator, 'userAgent', { configurable: true, get: () => simulatedUserAgent });
  } catch (e) { /* jweixin then stays inert; the bridge still answers direct calls */ }
  // The same platform tests as jweixin: some answers differ by platform (JSON strings on Android).
  const lowerUA = simulatedUserAgent.toLowerCase();
  const ANDROID = lowerUA.includes('android');
  const IOS = lowerUA.includes('iphone') || lowerUA.includes('ipad');
  /** Before 6.0.2 nothing is checked: config:ok to any signature, every API allowed (appendix 5 #6). */
  const CHECKS_PERMISSIONS = atLeast(PROFILE.wechat, PROFILES.permissionChecksSince);
  /** An old Android client: a page whose address pushState changed fails to sign (#19). */
  const OLD_PUSH_STATE = PROFILE.device.oldPushState && !atLeast(PROFILE.wechat, PROFILES.androidPushStateSince);
  /** @param {SimFunction} f  whether this client has it */
  const clientHas = (f) => !f.since || atLeast(PROFILE.wechat, f.since);
  /** @param {SimFunction} f  whether the account may use it */
  const accountAllows = (f) => f.needs === 'any' || PROFILE.account.grants.includes(f.needs);

  /* ── 2. Small helpers ────────────────────────────────────────────────────────────────── */

  const zh = () => !/^en/i.test(document.documentElement.getAttribute('lang') || 'zh-CN');
  /**
   * A UI string from the catalog in the page's language; each `{}` takes the next value.
   * @param {SimText} key
   * @param {...(string | number)} values
   */
  const t = (key, ...values) => {
    const text = CATALOG.strings[key];
    let out = text ? (zh() ? text.zh : text.en) : key;
    values.forEach((value) => { out = out.replace('{}', String(value)); });
    return out;
  };
  /** @param {{ zh: string, en: string }} text */
  const inLang = (text) => (zh() ? text.zh : text.en);
  /** @param {unknown} value */
  const esc = (value) => String(value == null ? '' : value).replace(/[&<>"']/g, (c) =>
    /** @type {Record<string, string>} */ ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  /**
   * A plain-data copy (what a native answer would carry).
   * @param {unknown} value
   * @returns {any}
   */
  const clone = (value) => {
    if (value === undefined) return undefined;
    try { return JSON.parse(JSON.stringify(value)); } catch (e) { return String(value); }
  };
  /** @param {unknown} value  a field of untrusted arguments, as text ('' when absent) */
  const str = (value) => (value == null ? '' : String(value));
  /** @param {unknown} value  a field of untrusted arguments, as a list (empty unless an array) */
  const list = (value) => (Array.isArray(value) ? value : []);
  /** @param {unknown} value @returns {value is Record<string, unknown>} */
  const isRecord = (value) => typeof value === 'object' && value !== null;
  /** @param {number} ms */
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  /** @param {() => void} fn @param {number} [ms] */
  const later = (fn, ms) => setTimeout(fn, ms == null ? 30 : ms);
  /** @param {string} alphabet @param {number} length */
  const randomFrom = (alphabet, length) => {
    const bytes = crypto.getRandomValues(new Uint8Array(length));
    return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  };
  /** @param {number} n */
  const digits = (n) => randomFrom('0123456789', n);
  const mediaId = () => randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-', 64);
  /** @param {string} host */
  const isTencentHost = (host) => /(^|\.)(qq\.com|qpic\.cn|gtimg\.cn|wechat\.com|weixin\.com|qlogo\.cn)$/.test(host);
  /** @param {number} ms */
  const fmtTime = (ms) => new Date(ms).toTimeString().slice(0, 8);
  /**
   * The element `selector` finds under `root`; the panel's own markup always has it.
   * @template {Element} T
   * @param {ParentNode} root @param {string} selector @param {new () => T} type
   * @returns {T}
   */
  const find = (root, selector, type) => {
    const el = root.querySelector(selector);
    if (!(el instanceof type)) throw new Error(`simulator: no ${selector}`);
    return el;
  };

  /* ── 3. The catalog, indexed ─────────────────────────────────────────────────────────── */

  /** @type {Map<string, SimFunction>} native name (or native event) → function */
  const BY_NATIVE = new Map();
  /** @type {Map<string, SimFunction>} native share invoke → its share listener */
  const BY_INVOKE = new Map();
  CATALOG.functions.forEach((f) => {
    BY_NATIVE.set(f.native, f);
    if (f.invoke) BY_INVOKE.set(f.invoke, f);
  });
  /** @type {Map<string, SimFunction>} */
  const BY_NAME = new Map(CATALOG.functions.map((f) => [f.name, f]));
  /** The events a listener may wait for. */
  const EVENTS = new Set(CATALOG.functions.flatMap((f) => (f.event ? [f.event] : [])));
  /**
   * The function a native name belongs to: its own native name or event, or the share it invokes.
   * @param {string} native
   */
  const functionOf = (native) => BY_NATIVE.get(native) || BY_INVOKE.get(native);
  /** @param {string} native */
  const jsName = (native) => functionOf(native)?.name || native;
  /** @type {Map<string, MenuItem>} */
  const MENU_BY_ID = new Map(CATALOG.menu.map((item) => [item.id, item]));
  /** The menu sheet's rows, top to bottom. */
  const MENU_ROWS = /** @type {const} */ (['propagation', 'protection', 'basic']);
  /**
   * The documented parameters of `name` the call lacks (jweixin may change their case: timeStamp).
   * @param {string} name @param {BridgeArgs} args
   */
  const missingParams = (name, args) => (BY_NAME.get(name)?.params || [])
    .filter((p) => p.required)
    .map((p) => p.name)
    .filter((param) => {
      const key = Object.keys(args).find((k) => k.toLowerCase() === param.toLowerCase());
      return !key || args[key] == null || args[key] === '' || args[key] === 'undefined';
    });

  /* ── 4. State ────────────────────────────────────────────────────────────────────────── */

  /** @type {Outcome[]} */
  const OUTCOMES = ['ok', 'cancel', 'fail'];
  /** @param {string} value @returns {value is Outcome} */
  const isOutcome = (value) => /** @type {string[]} */ (OUTCOMES).includes(value);
  const freshMenu = () => ({ optionMenu: true, hidden: /** @type {Set<string>} */ (new Set()), open: true, night: false });
  const state = {
    /** @type {Verify} */
    verify: { status: 'none', errMsg: '', detail: '', url: '', appId: '', jsApiList: [], openTagList: [] },
    verifySeq: 0,
    /** @type {Outcome} the presenter's answer to user-driven calls */
    outcome: 'ok',
    ask: false, // true: show a sheet and let the presenter decide each time
    external: storage('localStorage')?.getItem('wxsim:external') === '1',
    /** @type {Call[]} every bridge call and event, oldest first */
    calls: [],
    /** @type {Record<string, (payload: RawAnswer) => void>} event name → the callback jweixin registered with on() */
    listeners: {},
    menu: freshMenu(),
    /** @type {{ appMessage: ShareContent | null, timeline: ShareContent | null }} */
    share: { appMessage: null, timeline: null },
    /** @type {MenuItem | null} the menu item whose share a listener is answering */
    pendingShare: null,
    /** @type {MediaMap} */ images: {},
    /** @type {MediaMap} */ serverImages: {},
    /** @type {MediaMap} */ voices: {},
    /** @type {MediaMap} */ serverVoices: {},
    /** @type {Recording | null} */
    recording: null,
    /** @type {Playing | null} */
    playing: null,
    /** @type {{ ticket: string, timer: number } | null} */
    beacons: null,
    seq: 0,
  };
  const MEDIA_MAPS = /** @type {const} */ (['images', 'serverImages', 'voices', 'serverVoices']);

  // Media ids outlive a reload (as in WeChat) when they point at bundled files.
  const MEDIA_KEY = 'wxsim:media';
  function saveMedia() {
    /** @param {MediaMap} map */
    const keep = (map) => Object.fromEntries(Object.entries(map).filter(([, v]) => !String(v.url).startsWith('blob:')));
    try {
      storage('sessionStorage')?.setItem(MEDIA_KEY, JSON.stringify(Object.fromEntries(MEDIA_MAPS.map((k) => [k, keep(state[k])]))));
    } catch (e) { /* storage full or disabled: ids then last as long as the page */ }
  }
  try {
    const saved = JSON.parse(storage('sessionStorage')?.getItem(MEDIA_KEY) || 'null');
    if (isRecord(saved)) MEDIA_MAPS.forEach((k) => Object.assign(state[k], isRecord(saved[k]) ? saved[k] : {}));
  } catch (e) { /* ignore a damaged entry */ }

  /** @param {MediaMap} map @param {unknown} id */
  const lookup = (map, id) => (id ? map[String(id).toLowerCase()] : undefined);
  /** @param {MediaMap} map @param {string} id @param {Omit<Media, 'id'>} item */
  function addMedia(map, id, item) {
    map[id.toLowerCase()] = Object.assign({ id }, item);
    saveMedia();
    return id;
  }
  /** @param {Omit<Media, 'id'>} item */
  const newImageId = (item) => addMedia(state.images, `wxLocalResource://imageid${digits(21)}`, item);
  /** @param {Omit<Media, 'id'>} item */
  const newVoiceId = (item) => addMedia(state.voices, `weixin://resourceid/${digits(21)}`, item);
  /** @param {MediaMap} map @param {Omit<Media, 'id'>} item */
  const newServerId = (map, item) => addMedia(map, mediaId(), item);

  /* ── 5. <img src> guard: localIds display, jweixin's report never leaves ─────────────── */

  /** @param {string} value */
  const isLocalId = (value) => /^(wxlocalresource:\/\/|weixin:\/\/resourceid\/)/i.test(value);
  /** @param {string} value */
  const isReport = (value) => /^(https?:)?\/\/open\.weixin\.qq\.com\/sdk\/report/i.test(value);
  /**
   * The src an <img> really gets: a localId's file, or null to drop jweixin's report.
   * @param {HTMLImageElement} img @param {string} value
   */
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
    const get = srcDescriptor?.get;
    const set = srcDescriptor?.set;
    if (get && set) {
      Object.defineProperty(HTMLImageElement.prototype, 'src', {
        configurable: true,
        enumerable: srcDescriptor.enumerable,
        get,
        /** @this {HTMLImageElement} @param {string} value */
        set(value) {
          const next = rewriteImageSrc(this, value);
          if (next !== null) set.call(this, next);
        },
      });
    }
    const setAttribute = Element.prototype.setAttribute;
    /** @this {Element} @param {string} name @param {string} value */
    Element.prototype.setAttribute = function (name, value) {
      if (this instanceof HTMLImageElement && String(name).toLowerCase() === 'src') {
        const next = rewriteImageSrc(this, value);
        if (next === null) return undefined;
        return setAttribute.call(this, name, next);
      }
      return setAttribute.call(this, name, value);
    };
  } catch (e) { /* an exotic browser: localIds then show through jweixin's getLocalImgData fallback */ }

  /* ── 6. The call log ─────────────────────────────────────────────────────────────────── */

  /** @param {CallKind} kind @param {string} name @param {unknown} args */
  function record(kind, name, args) {
    /** @type {Call} */
    const entry = { seq: ++state.seq, time: Date.now(), kind, name, jsName: jsName(name), args: clone(args), result: null, pending: true };
    state.calls.push(entry);
    if (state.calls.length > 200) state.calls.shift();
    scheduleRender();
    return entry;
  }
  /** @param {Call} entry @param {Record<string, unknown>} result */
  function answerEntry(entry, result) {
    entry.result = clone(result);
    entry.pending = false;
    scheduleRender();
  }
  /** @param {Record<string, unknown> | null} result */
  function statusOf(result) {
    const msg = str(result && (result.err_msg || result.errMsg));
    const tail = msg.slice(msg.indexOf(':') + 1);
    if (/^(ok|confirm)$/.test(tail)) return 'ok';
    if (tail === 'cancel') return 'cancel';
    return msg ? 'fail' : 'ok';
  }

  /* ── 7. The bridge ───────────────────────────────────────────────────────────────────── */

  /** @param {Record<string, unknown>} [fields] @returns {Answer} */
  const ok = (fields) => ({ status: 'ok', fields: fields || {} });
  /** @param {string} desc @param {Record<string, unknown>} [fields] @returns {Answer} */
  const fail = (desc, fields) => ({ status: 'fail', desc, fields: fields || {} });
  /** @returns {Answer} */
  const cancelled = () => ({ status: 'cancel', fields: {} });
  /** @param {Outcome} outcome */
  const byOutcome = (outcome) => (outcome === 'cancel' ? cancelled() : fail(t('presenterChoseFail')));

  /**
   * The client's answer: `<prefix>:<word>` plus the result's fields.
   * @param {string} native @param {Answer} result @returns {RawAnswer}
   */
  function toRaw(native, result) {
    const known = functionOf(native);
    const word = result.status === 'ok' ? known?.okWord || 'ok' : result.status;
    /** @type {RawAnswer} */
    const raw = Object.assign({ err_msg: result.rawMsg || `${known?.answerPrefix || native}:${word}` }, result.fields);
    if (result.desc) raw.err_desc = result.desc; // jweixin deletes err_desc; the panel shows it
    return raw;
  }

  /**
   * The bridge's refusal before any handler runs, or null when the call may go ahead.
   * @param {string} native @returns {RawAnswer | null}
   */
  function gate(native) {
    const known = functionOf(native);
    if (!known || !HANDLERS[native]) return { err_msg: CATALOG.refusals.notExist };
    if (!clientHas(known)) {
      return { err_msg: CATALOG.refusals.notExist, err_desc: `${known.name} needs WeChat ${known.since}; this client is ${PROFILE.wechat}` };
    }
    const verify = state.verify;
    if (verify.status === 'none' || verify.status === 'verifying') return { err_msg: CATALOG.refusals.offline };
    if (verify.status !== 'ok') return { err_msg: CATALOG.refusals.denied, err_desc: `wx.config failed: ${verify.errMsg}` };
    if (!CHECKS_PERMISSIONS) return null;
    if (known.needsPermission && !accountAllows(known)) {
      return { err_msg: CATALOG.refusals.denied, err_desc: `${known.name} needs ${known.needs === 'share' ? 'the share permission' : 'a verified account'}; this is a ${PROFILE.account.name.en}` };
    }
    // A share invoke is allowed by its listener's event in jsApiList.
    const needed = known.event || known.native;
    if (known.needsPermission && !verify.jsApiList.includes(needed)) {
      return { err_msg: CATALOG.refusals.denied, err_desc: `${known.name} is not in wx.config's jsApiList` };
    }
    return null;
  }

  /**
   * @param {string} name @param {BridgeArgs | undefined} args
   * @param {((answer: RawAnswer) => void) | null | undefined} callback
   */
  function invoke(name, args, callback) {
    const native = String(name);
    /** @type {BridgeArgs} */
    const input = args && typeof args === 'object' ? args : {};
    const entry = record('invoke', native, input);
    /** @param {RawAnswer} raw */
    const answer = (raw) => {
      answerEntry(entry, raw);
      if (typeof callback === 'function') callback(raw);
    };
    if (native === BY_NAME.get('config')?.native) {
      preVerify(input).then((raw) => later(() => answer(raw), 0));
      // A page calling at load, not in wx.ready: its call reaches a client still verifying.
      if (EFFECT.kind === 'before_ready') runProbe();
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

  /** @param {string} event @param {(payload: RawAnswer) => void} callback */
  function on(event, callback) {
    const name = String(event);
    state.listeners[name] = callback;
    const entry = record('on', name, null);
    answerEntry(entry, EVENTS.has(name) ? { listening: true } : { listening: false, reason: 'unknown event' });
  }

  /** @param {string} event */
  const permitted = (event) => {
    if (state.verify.status !== 'ok') return false;
    if (!CHECKS_PERMISSIONS) return true;
    const listener = BY_NATIVE.get(event);
    return state.verify.jsApiList.includes(event) && (!listener || (clientHas(listener) && accountAllows(listener)));
  };

  /**
   * Fires a native event at the page; false when nobody may hear it.
   * @param {string} event @param {RawAnswer} payload
   */
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

  // The phone's own rule (the pages sign by the same rule, wechat::page_url::url_to_sign):
  // iOS WeChat verifies against the URL the page was entered with, even after client-side
  // navigation; elsewhere against the current one; never the #fragment.
  const pageUrl = () => location.href.split('#')[0];
  /** @param {Record<string, string | null>} changes  query parameters to set (null: remove) */
  const withQuery = (changes) => {
    const url = new URL(location.href);
    Object.entries(changes).forEach(([k, v]) => (v == null ? url.searchParams.delete(k) : url.searchParams.set(k, v)));
    return url.href;
  };
  // An OAuth scenario: the page was entered from the redirect (code and state in its URL)…
  if (EFFECT.kind === 'oauth_redirect' && !new URL(location.href).searchParams.has('code')) {
    history.replaceState(history.state, '', withQuery({ code: `sim${digits(12)}`, state: 'STATE' }));
  }
  const LANDING_URL = pageUrl();
  // …and removes them before it signs; a router's pushState changes the address before it signs.
  if (EFFECT.kind === 'oauth_redirect') history.replaceState(history.state, '', withQuery({ code: null, state: null }));
  if (EFFECT.kind === 'push_state') {
    const [key, value] = EFFECT.query.split('=');
    history.pushState(history.state, '', withQuery({ [key]: value || '' }));
  }
  /** The first verification of a stale-ticket scenario fails (the ticket was replaced). */
  let staleTicketPending = EFFECT.kind === 'stale_ticket';
  /** The URL this client verifies: the landing URL on iOS and on Android before 6.2 (which knows no pushState). */
  const verifiedUrl = () => {
    const rule = PROFILE.device.signedUrl || (IOS ? 'landing' : 'current');
    return rule === 'landing' || OLD_PUSH_STATE ? LANDING_URL : pageUrl();
  };

  /** @param {BridgeArgs} args @returns {Promise<RawAnswer>} */
  function preVerify(args) {
    const seq = ++state.verifySeq;
    const url = verifiedUrl();
    if (EFFECT.kind === 'missing_signature') args = Object.assign({}, args, { verifySignature: '' });
    state.verify = {
      status: 'verifying', errMsg: '', detail: '', url, appId: str(args.verifyAppId),
      jsApiList: list(args.verifyJsApiList).map(String),
      openTagList: list(args.verifyOpenTagList).map(String),
    };
    scheduleRender();
    // Each wx.config gets its own verdict; only the latest one sets the permissions.
    /** @param {string} errMsg @param {unknown} [detail] @param {unknown} [realAuthUrl] @returns {RawAnswer} */
    const settle = (errMsg, detail, realAuthUrl) => {
      const why = str(detail);
      if (seq === state.verifySeq) {
        Object.assign(state.verify, { status: errMsg === 'config:ok' ? 'ok' : 'failed', errMsg, detail: why });
        scheduleRender();
      }
      /** @type {RawAnswer} */
      const raw = why ? { err_msg: errMsg, err_desc: why } : { err_msg: errMsg };
      // Real clients name the URL they verified; WeChat's documents never do.
      if (typeof realAuthUrl === 'string' && realAuthUrl) raw.realAuthUrl = realAuthUrl;
      if (errMsg === 'config:ok' && seq === state.verifySeq) later(runProbe, 0);
      return raw;
    };
    const missing = ['verifyAppId', 'verifyTimestamp', 'verifyNonceStr', 'verifySignature']
      .filter((k) => args[k] == null || args[k] === '' || args[k] === 'undefined');
    if (missing.length) {
      return Promise.resolve(settle('config:fail', `wx.config is missing ${missing.map((k) => k.replace('verify', '')).join(', ')}`));
    }
    if (PROFILE.account.configRefusal) {
      return Promise.resolve(settle(PROFILE.account.configRefusal, `the user does not follow this ${PROFILE.account.name.en}`));
    }
    if (!CHECKS_PERMISSIONS) {
      return Promise.resolve(settle('config:ok', `WeChat ${PROFILE.wechat} checks no permission before ${PROFILES.permissionChecksSince}: the signature was not verified`));
    }
    if (staleTicketPending) {
      staleTicketPending = false;
      return Promise.resolve(settle('config:invalid signature', 'the jsapi_ticket this page was signed with has been replaced (scenario stale-ticket)', url));
    }
    /** @type {Record<string, unknown>} */
    const body = {
      appId: str(args.verifyAppId), timestamp: str(args.verifyTimestamp), nonceStr: str(args.verifyNonceStr),
      signature: str(args.verifySignature), url,
    };
    if (EFFECT.kind === 'unbound_domain') body.boundDomains = [EFFECT.domain];
    const pushStateNote = OLD_PUSH_STATE && url !== pageUrl()
      ? `Android WeChat before ${PROFILES.androidPushStateSince} does not support pushState: it verified ${url}` : '';
    return fetch(OPTIONS.verifyUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin',
    })
      .then((response) => response.json().catch(() => ({})).then((json) => {
        if (isRecord(json) && typeof json.errMsg === 'string') {
          const failed = json.errMsg !== 'config:ok';
          return settle(json.errMsg, failed && pushStateNote ? pushStateNote : json.detail, json.realAuthUrl);
        }
        return settle('config:fail', `verify endpoint answered HTTP ${response.status} without errMsg`);
      }))
      .catch((error) => settle('config:fail', `verify endpoint unreachable: ${error && error.message}`));
  }

  /**
   * Asks the server whether WeChat would accept a card or pay signature, with the values the
   * call carries; the fault code when not (null when it is valid).
   * @param {Record<string, unknown>} check `{kind: 'card_sign' | 'card_ext' | 'pay_sign', …}`
   * @returns {Promise<string | null>}
   */
  function signatureFault(check) {
    return fetch(OPTIONS.signatureUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(check), credentials: 'same-origin',
    })
      .then((response) => response.json().catch(() => ({})))
      .then((json) => {
        if (isRecord(json) && json.valid === true) return null;
        if (isRecord(json) && typeof json.fault === 'string') return json.fault;
        return isRecord(json) && typeof json.message === 'string' ? json.message : 'unverifiable';
      }, (error) => `unverifiable: ${error && error.message}`);
  }

  /* ── 8b. Scenarios: the probe a page would make, the server's rehearsal ──────────────── */

  /** What the scenario showed: lines for its box (errMsg, checkJsApi, the server's answer). */
  /** @type {{ lines: string[], errMsg: string, probed: boolean }} */
  const shown = { lines: [], errMsg: '', probed: false };
  /** @param {string} line */
  function show(line) {
    shown.lines.push(line);
    scheduleRender();
  }
  // The scenario's probe, once per page: called through jweixin as the page itself would.
  function runProbe() {
    const scenario = PROFILE.scenario;
    const wx = /** @type {Record<string, unknown> | undefined} */ (/** @type {any} */ (window).wx);
    if (!scenario || !scenario.probe || shown.probed || !wx) return;
    const probe = scenario.probe;
    const call = wx[probe];
    if (typeof call !== 'function') return;
    shown.probed = true;
    /** @type {Record<string, unknown>} */
    let args = {};
    try { args = JSON.parse(scenario.probeArgs); } catch (e) { /* the catalog's tests keep it JSON */ }
    if (probe === 'updateAppMessageShareData') args.link = pageUrl();
    args.complete = (/** @type {Record<string, unknown>} */ res) => {
      shown.errMsg = str(res && res.errMsg);
      const data = Object.fromEntries(Object.entries(res || {}).filter(([k]) => k !== 'errMsg'));
      show(t('pageGets', `${shown.errMsg}${Object.keys(data).length ? ` ${JSON.stringify(data)}` : ''}`));
    };
    call(args);
    const check = wx.checkJsApi;
    if (typeof check === 'function' && clientHas(/** @type {SimFunction} */ (BY_NAME.get('checkJsApi'))) && EFFECT.kind !== 'before_ready') {
      check({
        jsApiList: [probe],
        complete: (/** @type {Record<string, unknown>} */ res) => {
          const result = isRecord(res.checkResult) ? res.checkResult[probe] : undefined;
          show(t('checkJsApiSays', probe, String(result)));
        },
      });
    }
  }

  /** The server's rehearsal of a fake WeChat API fault (against a private fake, in either mode). */
  function rehearse() {
    if (EFFECT.kind !== 'server_fault') return;
    show(t('rehearsalRunning'));
    fetch('/api/sim/rehearse', {
      method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'same-origin',
      body: JSON.stringify({ fault: EFFECT.fault }),
    })
      .then((response) => response.json().then((json) => ({ status: response.status, json })))
      .then(({ status, json }) => {
        shown.lines = [];
        if (status !== 200 || !isRecord(json)) {
          show(t('rehearsalUnavailable', isRecord(json) ? str(json.message) : `HTTP ${status}`));
          return;
        }
        list(json.wechat_errors).forEach((row) => {
          if (Array.isArray(row)) show(t('rehearsalWechat', str(row[1]), str(row[2])));
        });
        const error = isRecord(json.error) ? json.error : null;
        if (json.outcome === 'ok') {
          show(t('rehearsalRecovered', str(json.token_calls), str(json.ticket_calls)));
          shown.errMsg = 'ok';
        } else {
          const code = error && error.errcode != null ? `errcode ${error.errcode}` : 'timeout';
          shown.errMsg = code;
          show(t('rehearsalCalls', str(json.token_calls), str(json.ticket_calls)));
          show(t('rehearsalFailed', str(json.http_status), `${code} — ${str(error && error.message)}`));
        }
      }, (error) => show(t('rehearsalUnavailable', String(error && error.message))));
  }

  /** Back to normal: the default profile, no scenario, the address without the profile's parameters. */
  function backToNormal() {
    try { storage('sessionStorage')?.removeItem(PROFILE_KEY); } catch (e) { /* ignore */ }
    /** @type {Record<string, null>} */
    const drop = Object.fromEntries(PROFILE_PARAMS.map((k) => [k, null]));
    if (EFFECT.kind === 'push_state') drop[EFFECT.query.split('=')[0]] = null;
    location.assign(withQuery(drop));
  }
  /**
   * Another profile or scenario: kept for the session, the page loaded again (jweixin reads
   * the user agent once, at load).
   * @param {{ device?: string, wechat?: string, account?: string, scenario?: string }} next
   */
  function chooseProfile(next) {
    const current = { device: PROFILE.device.id, wechat: PROFILE.wechat, account: PROFILE.account.id, scenario: PROFILE.scenario?.id || '' };
    /** @type {Record<string, string | null>} */
    const params = Object.fromEntries(PROFILE_PARAMS.map((k) => [k, null]));
    if (EFFECT.kind === 'push_state') params[EFFECT.query.split('=')[0]] = null;
    if (next.scenario) {
      params.scenario = next.scenario; // a scenario brings its own profile
    } else {
      try { storage('sessionStorage')?.setItem(PROFILE_KEY, JSON.stringify(Object.assign(current, next, { scenario: '' }))); } catch (e) { /* ignore */ }
    }
    location.assign(withQuery(params));
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

  /**
   * An overlay named by data-sim="<JS API name>", with one [data-close] button.
   * @param {string} kind @param {SheetOptions} opts
   */
  function sheet(kind, opts) {
    document.querySelectorAll(`.wxsim-overlay[data-sim="${kind}"]`).forEach((el) => {
      if (el instanceof HTMLDivElement) el.wxsimClose?.('replaced');
    });
    const el = document.createElement('div');
    el.className = `wxsim-overlay wxsim-overlay--${opts.style || 'sheet'}`;
    el.dataset.sim = kind;
    el.setAttribute('role', 'dialog');
    el.setAttribute('aria-label', opts.title || kind);
    el.lang = zh() ? 'zh-CN' : 'en';
    const actions = (opts.actions || []).map((a) =>
      `<button type="button" class="wxsim-btn${a.primary ? ' wxsim-btn--primary' : ''}${a.action === 'fail' ? ' wxsim-btn--warn' : ''}" data-sim-action="${esc(a.action)}">${esc(a.label)}</button>`).join('');
    el.innerHTML = `<div class="wxsim-sheet"><button type="button" class="wxsim-x" data-close aria-label="${esc(t('close'))}">×</button>` +
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
    const close = el.wxsimClose;
    el.addEventListener('click', (ev) => {
      const target = ev.target instanceof Element ? ev.target : null;
      if (!target) return;
      if (target === el || target.closest('[data-close]')) { close('close'); return; }
      const button = target.closest('[data-sim-action]');
      if (button instanceof HTMLButtonElement && !button.disabled) {
        const action = button.getAttribute('data-sim-action') || '';
        close(action, opts.value ? opts.value(el, action) : undefined);
      }
    });
    (document.body || document.documentElement).appendChild(el);
    syncOverlayRoom();
    if (opts.setup) opts.setup(el);
    return el;
  }
  // While the panel is open, sheets keep clear of it (beside it when wide, above it when narrow).
  function syncOverlayRoom() {
    const open = Boolean(panel && find(panel, 'details', HTMLDetailsElement).open);
    document.querySelectorAll('.wxsim-overlay').forEach((el) => el.classList.toggle('wxsim-beside-panel', open));
  }
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Escape') return;
    const overlays = document.querySelectorAll('.wxsim-overlay');
    const last = overlays[overlays.length - 1];
    if (last instanceof HTMLDivElement) last.wxsimClose?.('close');
  });

  /**
   * The presenter's decision for a user-driven call: the preset outcome, or a sheet.
   * @param {string} kind @param {DecideOptions} opts
   * @returns {Promise<{ outcome: Outcome, value: string | undefined }>}
   */
  function decide(kind, opts) {
    if (!state.ask) return Promise.resolve({ outcome: state.outcome, value: undefined });
    return new Promise((resolve) => {
      sheet(kind, {
        title: opts.title,
        body: opts.body,
        setup: opts.setup,
        value: opts.value,
        actions: [
          { label: opts.okLabel || t('ok'), action: 'ok', primary: true },
          { label: opts.cancelLabel || t('cancel'), action: 'cancel' },
          { label: t('simulateFailure'), action: 'fail' },
        ],
        onClose: (reason, value) => resolve({ outcome: isOutcome(reason) ? reason : 'cancel', value }),
      });
    });
  }

  /** @param {string} text @param {'none' | 'loading' | 'success'} [kind] @param {number} [ms] */
  function toast(text, kind, ms) {
    const el = document.createElement('div');
    el.className = `wxsim-toast wxsim-toast--${kind || 'none'}`;
    el.setAttribute('role', 'status');
    el.innerHTML = (kind === 'loading' ? '<i class="wxsim-spinner"></i>' : kind === 'success' ? '<i class="wxsim-check">✓</i>' : '') +
      `<span>${esc(text)}</span>`;
    (document.body || document.documentElement).appendChild(el);
    setTimeout(() => el.remove(), ms || 1200);
  }
  /**
   * WeChat's progress tip for isShowProgressTips:1, or a short native delay.
   * @param {BridgeArgs} args @param {SimText} tip
   */
  function progress(args, tip) {
    if (Number(args.isShowProgressTips) === 1) {
      toast(t(tip), 'loading', 650);
      return wait(650);
    }
    return wait(200);
  }

  /**
   * Where an image may be shown from without any request the presenter did not allow.
   * @param {unknown} url @returns {string | null}
   */
  function displayUrl(url) {
    const text = str(url);
    if (!text) return null;
    if (isLocalId(text)) return lookup(state.images, text)?.url || null;
    if (/^(data|blob):/i.test(text)) return text;
    let parsed;
    try { parsed = new URL(text, location.href); } catch (e) { return null; }
    if (parsed.origin === location.origin) return parsed.href;
    if (!state.external || isTencentHost(parsed.hostname) || !/^https?:$/.test(parsed.protocol)) return null;
    if (location.protocol === 'https:' && parsed.protocol === 'http:') parsed.protocol = 'https:';
    return parsed.href;
  }
  /** @param {unknown} url @param {string} [cls] */
  function imageHtml(url, cls) {
    const shown = displayUrl(url);
    if (shown) return `<img class="${cls || ''}" src="${esc(shown)}" alt="">`;
    const label = str(url).replace(/^https?:\/\//, '');
    return `<span class="wxsim-ph ${cls || ''}" title="${esc(url)}"><b class="wxsim-ph-icon" aria-hidden="true"></b><small>${esc(label.length > 60 ? `${label.slice(0, 28)}…${label.slice(-28)}` : label || t('noImage'))}</small></span>`;
  }

  /* ── 10. Media helpers ───────────────────────────────────────────────────────────────── */

  /**
   * A localData WeChat-style: base64 JPEG (header included except on Android).
   * @param {string} url @returns {Promise<string>}
   */
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
          if (!ctx) throw new Error('no 2d canvas');
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

  /** @param {boolean} notify */
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
    /** @type {Recording} */
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

  /**
   * The browser's microphone where it is allowed quickly; otherwise the bundled clip is the voice.
   * @param {Recording} rec
   */
  async function tryMicrophone(rec) {
    const media = navigator.mediaDevices;
    if (!media || !media.getUserMedia || typeof MediaRecorder !== 'function' || !window.isSecureContext) return;
    try {
      if ((await navigator.permissions.query({ name: /** @type {PermissionName} */ ('microphone') })).state === 'denied') return;
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

  /** @param {Recording} rec @returns {Promise<string>} the new voice's localId */
  async function finishRecording(rec) {
    state.recording = null;
    clearTimeout(rec.limit);
    clearInterval(rec.tick);
    let voice = { url: VOICE_CLIP.url, ms: VOICE_CLIP.ms, source: 'clip' };
    const { recorder, stream } = rec;
    if (recorder && recorder.state !== 'inactive') {
      await new Promise((resolve) => { recorder.onstop = resolve; recorder.stop(); });
      stream?.getTracks().forEach((track) => track.stop());
      if (rec.chunks.length) {
        const blob = new Blob(rec.chunks, { type: recorder.mimeType || 'audio/webm' });
        voice = { url: URL.createObjectURL(blob), ms: Date.now() - rec.started, source: 'microphone' };
      }
    }
    scheduleRender();
    return newVoiceId(voice);
  }

  /* ── 11. Menu model (appendix 3, from the catalog) ───────────────────────────────────── */

  /**
   * Whether WeChat offers the item on this page: items of other contexts (a page from an
   * account's message, favourites, reading mode, a special account) exist but are not offered.
   * @param {MenuItem} item
   */
  function available(item) {
    switch (item.shownWhen) {
      case 'always': return true;
      case 'nightModeOn': return state.menu.night;
      case 'nightModeOff': return !state.menu.night;
      default: return false;
    }
  }
  /** @param {MenuItem} item */
  const itemVisible = (item) => state.menu.optionMenu && available(item) && !state.menu.hidden.has(item.id);
  function menuSnapshot() {
    return {
      optionMenu: state.menu.optionMenu,
      hidden: Array.from(state.menu.hidden),
      visible: CATALOG.menu.filter(itemVisible).map((item) => item.id),
      items: CATALOG.menu.map((item) => ({ id: item.id, group: item.class, available: available(item), visible: itemVisible(item) })),
    };
  }
  /** @param {BridgeArgs} args */
  const menuList = (args) => list(args.menuList).map(String);

  /* ── 12. Sharing ─────────────────────────────────────────────────────────────────────── */

  /** @param {ShareTarget} share the listener function a share item triggers */
  const shareListener = (share) => BY_NAME.get(share.listener);
  /** @param {MenuItem} item the native event its share fires */
  const shareEvent = (item) => (item.share ? shareListener(item.share)?.event || null : null);
  /**
   * The menu item a share is named by: its id, its id's tail (`timeline`, `favorite`), or its
   * event (the first item firing it).
   * @param {string} which
   */
  const shareItem = (which) => CATALOG.menu.find((item) => item.share &&
    (item.id === which || item.id === `menuItem:share:${which}` || item.id === `menuItem:${which}`)) ||
    CATALOG.menu.find((item) => item.share && shareEvent(item) === which);
  /**
   * The menu item a direct share invoke stands for (the first one whose listener invokes it).
   * @param {string} native
   */
  const itemOfInvoke = (native) => CATALOG.menu.find((item) => item.share && shareListener(item.share)?.invoke === native);

  /** @param {ShareContent} data */
  function shareCardHtml(data) {
    return `<div class="wxsim-share-card"><div class="wxsim-share-text"><b>${esc(data.title || document.title)}</b>` +
      `<p>${esc(data.desc || '')}</p><small>${esc(data.link || pageUrl())}</small></div>` +
      `${imageHtml(data.imgUrl, 'wxsim-share-icon')}</div>`;
  }
  /** @param {Outcome} outcome */
  const outcomeLabel = (outcome) => ({ ok: t('sent'), cancel: t('cancelled'), fail: t('failed') })[outcome];

  /**
   * The user picked a share item in the top-right menu.
   * @param {string} which
   */
  function shareFrom(which) {
    const item = shareItem(String(which));
    const share = item?.share;
    const listener = share && shareListener(share);
    if (!item || !share || !listener?.event) return false;
    // A listener from onMenuShare*: it calls trigger, then invokes the share itself.
    if (state.listeners[listener.event]) {
      /** @type {RawAnswer} */
      const payload = { err_msg: `${listener.name}:ok` };
      if (share.scene) payload.scene = share.scene;
      state.pendingShare = item;
      if (fire(listener.event, payload)) return true;
      state.pendingShare = null;
    }
    // Otherwise WeChat shares what update*ShareData set, or the page itself.
    const data = state.share[share.content] || { title: document.title, desc: '', link: pageUrl(), imgUrl: '' };
    decide('share', { title: inLang(item.name), body: shareCardHtml(data), okLabel: t('send') }).then(({ outcome }) => {
      if (!state.ask) showShareResult(item, data, outcome);
      else toast(outcomeLabel(outcome), outcome === 'ok' ? 'success' : 'none');
    });
    return true;
  }
  /** @param {MenuItem} item @param {ShareContent} data @param {Outcome} outcome */
  function showShareResult(item, data, outcome) {
    sheet('share', {
      title: inLang(item.name),
      body: `${shareCardHtml(data)}<p class="wxsim-result" data-outcome="${outcome}">${esc(outcomeLabel(outcome))}</p>`,
    });
  }

  /* ── 13. The APIs, by native name ────────────────────────────────────────────────────── */

  /** @param {string} native @returns {Handler} */
  function shareInvoke(native) {
    return async (args) => {
      const item = state.pendingShare || itemOfInvoke(native);
      state.pendingShare = null;
      const data = { title: str(args.title), desc: str(args.desc), link: str(args.link), imgUrl: str(args.img_url) };
      const title = item ? inLang(item.name) : native;
      const { outcome } = await decide('share', { title, body: shareCardHtml(data), okLabel: t('send') });
      if (!state.ask && item) showShareResult(item, data, outcome);
      return outcome === 'ok' ? ok() : byOutcome(outcome);
    };
  }

  /** @param {string[]} ids */
  function imagesHtml(ids) {
    return `<div class="wxsim-images">${ids.map((id) => imageHtml(id)).join('')}</div>`;
  }

  /** @param {number} count @param {boolean} camera */
  function pickerHtml(count, camera) {
    return `<p class="wxsim-muted">${esc(t('pickUpTo', count))}</p>` +
      `<div class="wxsim-images wxsim-pick">${SAMPLE_IMAGES.map((s, i) =>
        `<button type="button" class="wxsim-pick-item" data-sample="${i}" aria-pressed="false"><img src="${esc(s.url)}" alt="${esc(s.name)}"></button>`).join('')}</div>` +
      `<label class="wxsim-file">${esc(camera ? t('takePhoto') : t('fromThisDevice'))}` +
      `<input type="file" accept="image/*" ${camera ? 'capture="environment"' : 'multiple'} data-sim-file></label>`;
  }
  /** @param {HTMLDivElement} el @param {number} count @param {{ url: string, name: string }[]} chosen */
  function wirePicker(el, count, chosen) {
    const done = find(el, '[data-sim-action="ok"]', HTMLButtonElement);
    const refresh = () => {
      done.disabled = chosen.length === 0;
      done.textContent = `${t('done')}${chosen.length ? ` (${chosen.length}/${count})` : ''}`;
    };
    el.querySelectorAll('[data-sample]').forEach((button) => button.addEventListener('click', () => {
      const sample = SAMPLE_IMAGES[Number(button.getAttribute('data-sample'))];
      const at = chosen.indexOf(sample);
      if (at >= 0) chosen.splice(at, 1);
      else if (chosen.length < count) chosen.push(sample);
      button.setAttribute('aria-pressed', String(chosen.includes(sample)));
      refresh();
    }));
    const input = find(el, '[data-sim-file]', HTMLInputElement);
    input.addEventListener('change', () => {
      Array.from(input.files || []).slice(0, count - chosen.length).forEach((file) =>
        chosen.push({ url: URL.createObjectURL(file), name: file.name }));
      refresh();
      if (chosen.length) done.click();
    });
    refresh();
  }

  /** @param {number} lat @param {number} lng @param {number} scale */
  function mapHtml(lat, lng, scale) {
    return `<div class="wxsim-map" role="img" aria-label="map"><svg viewBox="0 0 400 180" preserveAspectRatio="xMidYMid slice" aria-hidden="true">` +
      '<rect width="400" height="180" fill="#eef3e8"/><path d="M0 120 C120 90 220 150 400 100" stroke="#fff" stroke-width="14" fill="none"/>' +
      '<path d="M150 0 L190 180 M0 40 L400 60 M300 0 L270 180" stroke="#fff" stroke-width="8"/><path d="M0 150 C80 140 140 170 220 180 L0 180Z" fill="#bcdcf5"/>' +
      '<rect x="40" y="60" width="60" height="40" fill="#dfe8d4"/><rect x="320" y="120" width="50" height="36" fill="#dfe8d4"/></svg>' +
      `<span class="wxsim-pin" aria-hidden="true"></span><span class="wxsim-scale">${esc(t('zoom'))} ${esc(scale)}</span>` +
      `<span class="wxsim-coords">${esc(Number(lat).toFixed(6))}, ${esc(Number(lng).toFixed(6))}</span></div>`;
  }

  /**
   * WGS-84 → GCJ-02 ("火星坐标"), the usual published approximation; outside China unchanged.
   * @param {number} lat @param {number} lng @returns {[number, number]}
   */
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

  /**
   * The browser's position if it comes within the time box (never a hang).
   * @returns {Promise<GeolocationPosition | null>}
   */
  async function browserPosition() {
    if (!navigator.geolocation || !window.isSecureContext) return null;
    try {
      if ((await navigator.permissions.query({ name: 'geolocation' })).state === 'denied') return null;
    } catch (e) { /* no permissions API: just ask */ }
    /** @type {Promise<GeolocationPosition | null>} */
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

  /**
   * chooseCard's encrypt_code: opaque in WeChat; here the server's sandbox encoding (hex of code XOR 0x5a).
   * @param {string} code
   */
  const encryptCode = (code) => Array.from(code, (ch) => (ch.charCodeAt(0) ^ 0x5a).toString(16).padStart(2, '0')).join('');
  /** @type {{ card_id: string, title: SimText }[]} */
  const SAMPLE_CARDS = [
    { card_id: 'pDF3iY9tv9zCGCj4jTXFOo1DxHdo', title: 'sampleCardVoucher' },
    { card_id: 'pDF3iYx7KDQVGzB7kDg6Tge5OKFo', title: 'sampleCardCoffee' },
  ];
  const ADDRESS = {
    userName: '张三', telNumber: '020-81167888', nationalCode: '440105', addressPostalCode: '510000',
    proviceFirstStageName: '广东省', addressCitySecondStageName: '广州市', addressCountiesThirdStageName: '海珠区',
    addressDetailInfo: '新港中路397号',
  };
  /** @param {typeof ADDRESS} a */
  function addressHtml(a) {
    return `<div class="wxsim-address"><b>${esc(a.userName)}</b> <span>${esc(a.telNumber)}</span>` +
      `<p>${esc(a.proviceFirstStageName + a.addressCitySecondStageName + a.addressCountiesThirdStageName + a.addressDetailInfo)}</p>` +
      `<small>${esc(t('postcode'))} ${esc(a.addressPostalCode)} · ${esc(t('nationalCode'))} ${esc(a.nationalCode)}</small></div>`;
  }
  /** @param {CardView[]} cards */
  function cardsHtml(cards) {
    return `<ul class="wxsim-cards">${cards.map((c) => `<li><b>${esc(c.title || c.card_id)}</b>` +
      `<small>card_id ${esc(c.card_id)}${c.code ? ` · code ${esc(c.code)}` : ''}</small>${c.note ? `<em>${esc(c.note)}</em>` : ''}</li>`).join('')}</ul>`;
  }
  /** @param {unknown} card a card_list entry: { card_id, code, card_ext, … } */
  const cardView = (card) => (isRecord(card)
    ? { card_id: str(card.card_id), code: str(card.code) || undefined }
    : { card_id: str(card) });

  /** @type {Record<string, Handler>} */
  const HANDLERS = {
    checkJsApi(args) {
      /** @type {Record<string, boolean>} */
      const result = {};
      list(args.jsApiList).map(String).forEach((name) => {
        const known = BY_NATIVE.get(name);
        result[name] = Boolean(known && clientHas(known) && (HANDLERS[name] || EVENTS.has(name)));
      });
      const config = BY_NAME.get('config')?.native;
      if (config) delete result[config];
      // Android's client answers checkResult as a JSON string (jweixin parses it there).
      return ok({ checkResult: ANDROID ? JSON.stringify(result) : result });
    },
    preVerifyJSAPI: () => ok(), // answered by preVerify(); listed so it "exists"

    // Sharing
    updateAppMessageShareData(args) {
      state.share.appMessage = { title: str(args.title), desc: str(args.desc), link: str(args.link), imgUrl: str(args.imgUrl) };
      return ok();
    },
    updateTimelineShareData(args) {
      state.share.timeline = { title: str(args.title), desc: '', link: str(args.link), imgUrl: str(args.imgUrl) };
      return ok();
    },
    ...Object.fromEntries(Array.from(BY_INVOKE.keys(), (native) => [native, shareInvoke(native)])),

    // Images
    async chooseImage(args) {
      const count = Math.max(1, Math.min(9, Number(args.count) || 9));
      const sources = list(args.sourceType);
      const camera = sources.length === 1 && sources[0] === 'camera';
      /** @type {{ url: string, name: string }[]} */
      const chosen = [];
      const pick = await decide('chooseImage', {
        title: camera ? t('camera') : t('photos'),
        body: pickerHtml(count, camera),
        okLabel: t('done'),
        setup: (el) => wirePicker(el, count, chosen),
      });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      const images = state.ask ? chosen : SAMPLE_IMAGES.slice(0, count);
      const localIds = images.map((image) => newImageId({ url: image.url, name: image.name }));
      if (!state.ask) {
        sheet('chooseImage', {
          title: t('imagesChosen', localIds.length),
          body: `${imagesHtml(localIds)}<p class="wxsim-muted">${localIds.map(esc).join('<br>')}</p>`,
        });
      }
      return ok({ localIds: ANDROID ? JSON.stringify(localIds) : localIds });
    },
    imagePreview(args) {
      const urls = list(args.urls).map(String);
      const current = args.current ? str(args.current) : urls[0];
      if (!current) return fail('urls is empty');
      const shown = urls.includes(current) ? urls : [current].concat(urls);
      let index = shown.indexOf(current);
      const el = sheet('previewImage', {
        style: 'full',
        body: `<div class="wxsim-preview"><div class="wxsim-preview-main"></div><p class="wxsim-preview-count"></p>` +
          `<div class="wxsim-preview-thumbs">${shown.map((u, i) => `<button type="button" data-index="${i}">${imageHtml(u)}</button>`).join('')}</div></div>`,
      });
      const show = () => {
        find(el, '.wxsim-preview-main', HTMLDivElement).innerHTML = imageHtml(shown[index], 'wxsim-preview-img');
        find(el, '.wxsim-preview-count', HTMLParagraphElement).textContent = `${index + 1} / ${shown.length}`;
      };
      el.querySelectorAll('[data-index]').forEach((b) => b.addEventListener('click', () => { index = Number(b.getAttribute('data-index')); show(); }));
      show();
      return ok();
    },
    async uploadImage(args) {
      const image = lookup(state.images, args.localId);
      if (!image) return fail(`invalid localId: ${str(args.localId)}`);
      await progress(args, 'uploading');
      return ok({ serverId: newServerId(state.serverImages, { url: image.url, name: image.name }) });
    },
    async downloadImage(args) {
      const image = lookup(state.serverImages, args.serverId);
      if (!image) return fail(`invalid serverId (not uploaded in this browser session): ${str(args.serverId)}`);
      await progress(args, 'downloading');
      return ok({ localId: newImageId({ url: image.url, name: image.name }) });
    },
    async getLocalImgData(args) {
      const image = lookup(state.images, args.localId);
      if (!image) return fail(`invalid localId: ${str(args.localId)}`);
      const data = await localDataOf(image.url);
      return ok({ localData: ANDROID ? data.replace(/^data:[^,]*,/, '') : data });
    },

    // Voice
    async startRecord() {
      if (state.recording) return fail('already recording');
      const pick = await decide('startRecord', {
        title: t('askMicrophone'),
        body: `<p>${esc(t('recordingStartsOnceAllowed'))}</p>`,
        okLabel: t('allow'), cancelLabel: t('deny'),
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
      if (!voice) return fail(`invalid localId: ${str(args.localId)}`);
      if (state.playing && state.playing.localId === voice.id && state.playing.audio.paused) {
        state.playing.audio.play().catch(() => {});
        return ok();
      }
      stopPlayback(false);
      const audio = document.createElement('audio');
      audio.preload = 'auto';
      /** @type {Playing} */
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
      const playing = state.playing;
      if (playing && (!args.localId || str(args.localId).toLowerCase() === playing.localId.toLowerCase())) {
        playing.audio.pause();
        clearTimeout(playing.timer);
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
      if (!voice) return fail(`invalid localId: ${str(args.localId)}`);
      await progress(args, 'uploading');
      return ok({ serverId: newServerId(state.serverVoices, { url: voice.url, ms: voice.ms, source: voice.source }) });
    },
    async downloadVoice(args) {
      const voice = lookup(state.serverVoices, args.serverId);
      if (!voice) return fail(`invalid serverId (not uploaded in this browser session): ${str(args.serverId)}`);
      await progress(args, 'downloading');
      return ok({ localId: newVoiceId({ url: voice.url, ms: voice.ms, source: voice.source }) });
    },
    async translateVoice(args) {
      const voice = lookup(state.voices, args.localId);
      if (!voice) return fail(`invalid localId: ${str(args.localId)}`);
      await progress(args, 'recognising');
      return ok({ translateResult: t('sampleTranslation') });
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
        title: str(args.name) || t('location'),
        body: `${mapHtml(lat, lng, scale)}<div class="wxsim-place"><b>${esc(str(args.name) || t('droppedPin'))}</b>` +
          `<p>${esc(args.address)}</p>${args.infoUrl ? `<a href="${esc(args.infoUrl)}" target="_blank" rel="noopener noreferrer">${esc(t('moreInfo'))}</a>` : ''}</div>`,
      });
      return ok();
    },
    async geoLocation(args) {
      const pick = await decide('getLocation', {
        title: t('askLocation'),
        body: mapHtml(SAMPLE_LOCATION.latitude, SAMPLE_LOCATION.longitude, 16),
        okLabel: t('allow'), cancelLabel: t('deny'),
      });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      const position = await browserPosition();
      const fix = position
        ? { latitude: position.coords.latitude, longitude: position.coords.longitude, speed: position.coords.speed || 0, accuracy: Math.round(position.coords.accuracy || 30) }
        : Object.assign({}, SAMPLE_LOCATION);
      // gcj02 from 6.2 on (appendix 5 #22); older clients answer GPS coordinates whatever is asked.
      const gcj02 = args.type === 'gcj02' && atLeast(PROFILE.wechat, PROFILES.gcj02Since);
      if (gcj02) [fix.latitude, fix.longitude] = toGcj02(fix.latitude, fix.longitude);
      fix.latitude = Number(fix.latitude.toFixed(6));
      fix.longitude = Number(fix.longitude.toFixed(6));
      const result = ok(Object.assign(fix, { type: gcj02 ? 'gcj02' : 'wgs84' })); // the client echoes type; jweixin deletes it
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
        ticket: str(args.ticket),
        timer: setInterval(() => {
          round += 1;
          fire('onBeaconsInRange', { err_msg: 'onBeaconsInRange:ok', beacons: beacons() });
          if (round >= 20) HANDLERS.stopMonitoringBeacons({});
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
      /** @type {string[]} */
      const ignored = [];
      menuList(args).forEach((id) => {
        const item = MENU_BY_ID.get(id);
        if (item && item.class !== 'basic') state.menu.hidden.add(id);
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
      CATALOG.menu.forEach((item) => { if (item.class !== 'basic') state.menu.hidden.add(item.id); });
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
        title: t('thePageWasClosed'),
        body: `<p>${esc(t('pageClosedExplained'))}</p>`,
      });
      return ok();
    },

    // WeChat Scan, shop, cards, pay, address
    async scanQRCode(args) {
      const asked = list(args.scanType).map(String);
      const types = asked.length ? asked : ['qrCode', 'barCode'];
      const barOnly = !types.includes('qrCode');
      const fallback = barOnly ? 'EAN_13,6901234567892' : `${location.origin}/`;
      const pick = await decide('scanQRCode', {
        title: t('scan'),
        body: `<div class="wxsim-scan"><i></i></div><label class="wxsim-field">${esc(t('scannedContent'))}` +
          `<input type="text" data-sim-scan value="${esc(fallback)}"></label>`,
        okLabel: t('recognise'),
        value: (el) => find(el, '[data-sim-scan]', HTMLInputElement).value,
      });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      const text = pick.value || fallback;
      if (Number(args.needResult) === 1) {
        const scanType = barOnly ? 'barcode' : 'qrcode';
        // iOS answers JSON (jweixin extracts scan_code.scan_result there).
        return ok({ resultStr: IOS ? JSON.stringify({ scan_code: { scan_type: scanType, scan_result: text } }) : text });
      }
      sheet('scanQRCode', {
        title: t('wechatHandlesTheResult'),
        body: `<p class="wxsim-muted">needResult: 0</p><p class="wxsim-code">${esc(text)}</p>` +
          `<p>${esc(/^https?:/.test(text) ? t('wechatWouldOpenThisLink') : t('wechatWouldShowThisText'))}</p>`,
      });
      return ok();
    },
    openProductViewWithPid(args) {
      if (!args.pid) return fail('productId is empty');
      sheet('openProductSpecificView', {
        style: 'full',
        title: t('wechatShop'),
        body: `<div class="wxsim-product"><div class="wxsim-product-img" aria-hidden="true"><svg viewBox="0 0 64 64" width="96" height="96"><path d="M14 22h36l-3 32H17z" fill="#07c160"/><path d="M24 24v-6a8 8 0 0 1 16 0v6" stroke="#06ad56" stroke-width="4" fill="none"/></svg></div><b>${esc(t('product'))} ${esc(args.pid)}</b>` +
          `<p class="wxsim-muted">view_type ${esc(args.view_type)}${args.ext_info ? ` · ext_info ${esc(args.ext_info)}` : ''}</p></div>`,
      });
      return ok();
    },
    async chooseCard(args) {
      if (!args.card_sign) return fail('card_sign is empty: WeChat shows an empty card list');
      const fault = await signatureFault({
        kind: 'card_sign', app_id: str(args.app_id), location_id: str(args.location_id), card_type: str(args.card_type),
        card_id: str(args.card_id), time_stamp: str(args.time_stamp), nonce_str: str(args.nonce_str),
        sign_type: str(args.sign_type), card_sign: str(args.card_sign),
      });
      if (fault) {
        // Appendix 4: a wrong signature makes the card list come up empty.
        sheet('chooseCard', { title: t('chooseCard'), body: `<p class="wxsim-empty" data-sim-fault="${esc(fault)}">${esc(t('cardListEmptyBadSign'))}</p>` });
        return fail(`invalid cardSign (${fault})`);
      }
      /** @type {CardView[]} */
      const cards = args.card_id ? [{ card_id: str(args.card_id), title: str(args.card_type) || t('requestedCard') }]
        : SAMPLE_CARDS.map((c) => ({ card_id: c.card_id, title: t(c.title) }));
      const pick = await decide('chooseCard', {
        title: t('chooseCard'),
        body: cardsHtml(cards),
        okLabel: t('use'),
      });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      const chosen = cards.slice(0, 1).map((c) => ({ card_id: c.card_id, encrypt_code: encryptCode(digits(12)) }));
      return ok({ choose_card_info: JSON.stringify(chosen) });
    },
    async batchAddCard(args) {
      const cards = list(args.card_list);
      if (!cards.length) return fail('cardList is empty');
      const results = await Promise.all(cards.map(async (c) => {
        const card = isRecord(c) ? c : {};
        const ext = card.card_ext;
        // Appendix 4: cardExt is a JSON *string*; an object is a signature error.
        const fault = typeof ext !== 'string' ? 'card_ext_not_json'
          : await signatureFault({ kind: 'card_ext', card_id: str(card.card_id), card_ext: ext });
        return { card_id: str(card.card_id), card_ext: ext, is_succ: fault ? 0 : 1, note: fault ? t('cardExtBadSign', fault) : '' };
      }));
      const refused = results.filter((r) => !r.is_succ);
      if (refused.length) {
        sheet('addCard', { title: t('signatureError'), body: cardsHtml(results) });
        return fail(`invalid cardExt signature (${refused.map((r) => r.card_id).join(', ')})`);
      }
      const pick = await decide('addCard', { title: t('addCards'), body: cardsHtml(results), okLabel: t('add') });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      if (!state.ask) sheet('addCard', { title: t('addedToCards'), body: cardsHtml(results) });
      return ok({ card_list: JSON.stringify(results.map(({ note, ...rest }) => rest)) });
    },
    batchViewCard(args) {
      const cards = list(args.card_list);
      if (!cards.length) return fail('cardList is empty');
      sheet('openCard', { style: 'full', title: t('cards'), body: cardsHtml(cards.map(cardView)) });
      return ok();
    },
    async consumedShareCard(args) {
      if (!args.consumedCardId) return fail('cardId is empty');
      const code = str(args.consumedCode);
      const cards = [{ card_id: str(args.consumedCardId), code, note: code ? '' : t('emptyCodeRefused') }];
      const pick = await decide('consumeAndShareCard', { title: t('giveToFriend'), body: cardsHtml(cards), okLabel: t('give') });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      if (!state.ask) sheet('consumeAndShareCard', { title: t('given'), body: cardsHtml(cards) });
      const result = ok();
      if (!code) result.desc = 'consumedCode is empty';
      return result;
    },
    async getBrandWCPayRequest(args) {
      const missing = missingParams('chooseWXPay', args);
      if (missing.length) return fail(`missing ${missing.join(', ')}`);
      if (!/^prepay_id=/.test(str(args.package))) return fail('package must be prepay_id=…');
      const fault = await signatureFault({
        kind: 'pay_sign', appId: str(args.appId), timeStamp: str(args.timeStamp), nonceStr: str(args.nonceStr),
        package: str(args.package), signType: str(args.signType), paySign: str(args.paySign),
      });
      if (fault) {
        // Appendix 5 #18: WeChat Pay refuses the order before showing it.
        sheet('chooseWXPay', { style: 'dialog', title: t('wechatPay'), body: `<p data-sim-fault="${esc(fault)}">${esc(t('paySignInvalid'))}</p>` });
        return fail(`invalid paySign (${fault})`);
      }
      const body = `<div class="wxsim-pay"><p class="wxsim-muted">${esc(document.title || location.host)}</p>` +
        `<p class="wxsim-amount">¥0.01 <small>${esc(t('sandboxOrder'))}</small></p>` +
        `<dl><dt>package</dt><dd>${esc(args.package)}</dd><dt>signType</dt><dd>${esc(args.signType)}</dd>` +
        `<dt>paySign</dt><dd>${esc(str(args.paySign).slice(0, 24))}…</dd></dl></div>`;
      const pick = await decide('chooseWXPay', { title: t('wechatPay'), body, okLabel: t('pay') });
      if (!state.ask) {
        const label = { ok: t('paid'), cancel: t('paymentCancelled'), fail: t('paymentFailed') }[pick.outcome];
        sheet('chooseWXPay', { title: t('wechatPay'), body: `${body}<p class="wxsim-result" data-outcome="${pick.outcome}">${esc(label)}</p>` });
      }
      return pick.outcome === 'ok' ? ok() : byOutcome(pick.outcome);
    },
    async editAddress() {
      const pick = await decide('openAddress', { title: t('chooseAddress'), body: addressHtml(ADDRESS), okLabel: t('useThisAddress') });
      if (pick.outcome !== 'ok') return byOutcome(pick.outcome);
      if (!state.ask) sheet('openAddress', { title: t('address'), body: addressHtml(ADDRESS) });
      return ok(Object.assign({}, ADDRESS));
    },
  };
  /* ── 14. The panel ───────────────────────────────────────────────────────────────────── */

  /** @type {HTMLElement | null} */
  let panel = null;
  let renderQueued = false;
  function scheduleRender() {
    if (renderQueued) return;
    renderQueued = true;
    setTimeout(() => { renderQueued = false; render(); }, 0);
  }

  function statusText() {
    const v = state.verify;
    if (v.status === 'none') return t('configNotCalled');
    if (v.status === 'verifying') return t('verifyingConfig');
    return v.errMsg;
  }

  function build() {
    if (!document.body) return;
    const wasOpen = panel ? find(panel, 'details', HTMLDetailsElement).open : false;
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
    panel.setAttribute('aria-label', t('simulatedWechat'));
    labelPageAnswers();
    panel.innerHTML = scenarioHtml() + `<details${wasOpen ? ' open' : ''}><summary id="wx-sim-status" data-status="none">` +
      `<span class="wxsim-logo" aria-hidden="true"></span><b>${esc(t('simulatedWechat'))}</b>` +
      '<span class="wxsim-badge" data-sim-status-text></span><span class="wxsim-rec" data-sim-rec hidden></span>' +
      `<span id="wx-sim-profile" class="wxsim-profile" data-device="${esc(PROFILE.device.id)}" data-wechat="${esc(PROFILE.wechat)}"` +
      ` data-account="${esc(PROFILE.account.id)}"${isDefaultProfile() ? ' hidden' : ''}>${esc(profileText())}</span></summary>` +
      '<div class="wxsim-body">' +
      `<p class="wxsim-muted wxsim-honest">${esc(t('simulatedAnswers'))}</p>` +
      '<section class="wxsim-verify" data-sim-verify></section>' +
      profileControlsHtml() +
      `<section class="wxsim-controls"><label>${esc(t('outcomeOfUserActions'))} <select id="wx-sim-outcome">` +
      `<option value="ok">ok · ${esc(t('confirmWord'))}</option><option value="cancel">cancel · ${esc(t('cancelWord'))}</option>` +
      `<option value="fail">fail · ${esc(t('failWord'))}</option></select></label>` +
      `<label class="wxsim-check-label"><input type="checkbox" id="wx-sim-ask"> ${esc(t('askEachTime'))}</label>` +
      `<label class="wxsim-check-label"><input type="checkbox" id="wx-sim-external"> ${esc(t('showExternalImages'))}</label></section>` +
      `<section class="wxsim-phone"><div class="wxsim-titlebar"><span aria-hidden="true">✕</span><span class="wxsim-page-title" data-sim-title></span>` +
      `<button type="button" id="wx-sim-menu-button" aria-label="${esc(t('topRightMenu'))}" aria-controls="wx-sim-menu">···</button></div>` +
      '<div id="wx-sim-menu" class="wxsim-menu" data-sim-menu></div></section>' +
      '<section class="wxsim-sharedata" data-sim-sharedata></section>' +
      `<section class="wxsim-log"><h4>${esc(t('bridgeCallsNewestFirst'))}` +
      `<button type="button" class="wxsim-link" data-sim-clear>${esc(t('clear'))}</button></h4><ol id="wx-sim-calls"></ol></section>` +
      '</div></details>';
    find(panel, '#wx-sim-outcome', HTMLSelectElement).value = state.outcome;
    find(panel, '#wx-sim-ask', HTMLInputElement).checked = state.ask;
    find(panel, '#wx-sim-external', HTMLInputElement).checked = state.external;
    render();
  }

  // The page's own result log shows the answers this simulator gave: each errMsg there is
  // labelled "simulated" too (a style rule, in the page's language, so the page needs no code).
  function labelPageAnswers() {
    let style = document.querySelector('style[data-wxsim-label]');
    if (!style) {
      style = document.createElement('style');
      style.setAttribute('data-wxsim-label', '');
      (document.head || document.documentElement).appendChild(style);
    }
    const label = JSON.stringify(` · ${t('simulatedTag')} (${profileText()})`);
    style.textContent = `.log_entry .log_errmsg:not(:empty)::after { content: ${label}; color: #7a5200; font-size: 12px; }`;
  }

  // The title bar names the profile when it is not the default one (the panel's body always does).
  const isDefaultProfile = () => PROFILE.device === PROFILES.devices[0] && PROFILE.wechat === PROFILES.defaultClient &&
    PROFILE.account === PROFILES.accounts[0];

  /** `iPhone (iOS) · WeChat 6.7.1 · unverified subscription account` in the page's language. */
  function profileText() {
    return `${inLang(PROFILE.device.name)} · WeChat ${PROFILE.wechat} · ${inLang(PROFILE.account.name)}`;
  }
  /** @param {string} id @param {string} label @param {{ value: string, label: string }[]} options @param {string} value */
  const selectHtml = (id, label, options, value) => `<label>${esc(label)} <select id="${id}">` +
    options.map((o) => `<option value="${esc(o.value)}"${o.value === value ? ' selected' : ''}>${esc(o.label)}</option>`).join('') +
    '</select></label>';
  function profileControlsHtml() {
    const clients = PROFILES.clients.includes(PROFILE.wechat) ? PROFILES.clients : PROFILES.clients.concat([PROFILE.wechat]);
    return '<section class="wxsim-controls wxsim-profile-controls">' +
      selectHtml('wx-sim-device', t('profileDevice'), PROFILES.devices.map((d) => ({ value: d.id, label: inLang(d.name) })), PROFILE.device.id) +
      selectHtml('wx-sim-wechat', t('profileClient'), clients.map((v) => ({ value: v, label: v })), PROFILE.wechat) +
      selectHtml('wx-sim-account', t('profileAccount'), PROFILES.accounts.map((a) => ({ value: a.id, label: inLang(a.name) })), PROFILE.account.id) +
      PROFILE.ignored.map((what) => `<p class="wxsim-warn" data-sim-ignored>${esc(t('profileIgnored', what))}</p>`).join('') +
      `<h4>${esc(t('scenarios'))}</h4><div class="wxsim-scenarios">` +
      PROFILES.scenarios.map((sc) => `<button type="button" class="wxsim-scenario-button" data-scenario-id="${esc(sc.id)}"` +
        `${PROFILE.scenario?.id === sc.id ? ' aria-pressed="true"' : ''} title="${esc(inLang(sc.explains))}">${esc(inLang(sc.name))}</button>`).join('') +
      '</div></section>';
  }
  /** The active scenario's box, always in view: what it shows, its appendix 5 item, the way back. */
  function scenarioHtml() {
    const sc = PROFILE.scenario;
    if (!sc) return '';
    const item = sc.appendix == null ? t('notInAppendix') : t('appendixItem', sc.appendix);
    return `<div id="wx-sim-scenario" class="wxsim-scenario" data-scenario="${esc(sc.id)}" data-appendix="${sc.appendix == null ? '' : sc.appendix}">` +
      `<p class="wxsim-scenario-head"><b>${esc(inLang(sc.name))}</b> <span class="wxsim-simtag">${esc(t('simulatedTag'))}</span> <small data-scenario-item>${esc(item)}</small>` +
      `<button type="button" class="wxsim-btn wxsim-btn--primary" id="wx-sim-back-to-normal">${esc(t('backToNormal'))}</button></p>` +
      `<p data-scenario-explains>${esc(inLang(sc.explains))}</p>` +
      '<div data-scenario-result aria-live="polite"></div></div>';
  }

  function render() {
    if (!panel) return;
    const v = state.verify;
    const summary = find(panel, '#wx-sim-status', HTMLElement);
    summary.dataset.status = v.status;
    summary.dataset.verified = String(v.status === 'ok');
    find(panel, '[data-sim-status-text]', HTMLSpanElement).textContent = statusText();
    const rec = find(panel, '[data-sim-rec]', HTMLSpanElement);
    rec.hidden = !state.recording && !state.playing;
    rec.textContent = state.recording
      ? `● ${t('recording')} ${Math.round((Date.now() - state.recording.started) / 1000)}s${state.recording.source === 'microphone' ? ` · ${t('mic')}` : ''}`
      : state.playing ? `▶ ${t('playing')}` : '';
    find(panel, '[data-sim-verify]', HTMLElement).innerHTML = v.status === 'none' ? ''
      : `<p><b>${esc(statusText())}</b>${v.detail ? ` — ${esc(v.detail)}` : ''}</p>` +
        `<p class="wxsim-muted">url ${esc(v.url)} · appId ${esc(v.appId)} · jsApiList ${v.jsApiList.length}</p>`;
    const outcome = find(panel, '#wx-sim-outcome', HTMLSelectElement);
    if (outcome.value !== state.outcome) outcome.value = state.outcome;
    find(panel, '#wx-sim-ask', HTMLInputElement).checked = state.ask;
    find(panel, '[data-sim-title]', HTMLSpanElement).textContent = document.title || location.host;
    find(panel, '#wx-sim-menu-button', HTMLButtonElement).hidden = !state.menu.optionMenu;
    renderMenu(panel);
    const share = state.share;
    find(panel, '[data-sim-sharedata]', HTMLElement).innerHTML = share.appMessage || share.timeline
      ? `<h4>${esc(t('shareContent'))}</h4>` +
        /** @type {const} */ (['appMessage', 'timeline']).map((k) => {
          const content = share[k];
          return content ? `<p><b>${esc(k)}</b> ${esc(content.title)} · <span class="wxsim-muted">${esc(content.link)}</span></p>` : '';
        }).join('')
      : '';
    find(panel, '#wx-sim-calls', HTMLOListElement).innerHTML = state.calls.slice(-60).reverse().map(callHtml).join('');
    const result = panel.querySelector('[data-scenario-result]');
    if (result instanceof HTMLElement) {
      result.dataset.errMsg = shown.errMsg;
      result.innerHTML = shown.lines.map((line) => `<p>${esc(line)}</p>`).join('');
    }
  }

  /** The menu sheet: appendix 3's items, in the catalog's labels, one row per class. @param {HTMLElement} root */
  function renderMenu(root) {
    const box = find(root, '[data-sim-menu]', HTMLDivElement);
    box.hidden = !state.menu.open || !state.menu.optionMenu;
    box.dataset.open = String(!box.hidden);
    if (box.hidden) {
      box.innerHTML = '';
      return;
    }
    /** @type {Set<string>} events already offered by an earlier item */
    const offered = new Set();
    /** @param {MenuItem} item */
    const shareAttr = (item) => {
      const event = shareEvent(item);
      if (!event || offered.has(event)) return '';
      offered.add(event);
      return ` data-share="${esc(event)}"`;
    };
    /** @param {typeof MENU_ROWS[number]} group */
    const row = (group) => CATALOG.menu.filter((item) => item.class === group && itemVisible(item)).map((item) =>
      `<button type="button" class="wxsim-menu-item" data-menu-item="${esc(item.id)}" data-group="${group}"${shareAttr(item)}>` +
      `<i aria-hidden="true">${esc(item.icon)}</i><span>${esc(inLang(item.name))}</span></button>`).join('');
    box.innerHTML = MENU_ROWS.map((group) => `<div class="wxsim-menu-row">${row(group)}</div>`).join('') +
      `<button type="button" class="wxsim-menu-cancel" data-menu-close>${esc(t('cancel'))}</button>`;
  }

  // One row per call: a headline, then the raw arguments and answer (one line each; click for all).
  /** @type {Set<number>} */
  const expandedCalls = new Set();
  /** @param {Call} call */
  function callHtml(call) {
    const result = call.result || {};
    const status = call.pending ? 'pending' : call.kind === 'invoke' ? statusOf(result) : call.kind;
    const headline = call.pending ? t('pending')
      : str(result.err_msg) || (call.kind === 'on' ? t('listening') : call.kind === 'event' ? (result.delivered ? t('delivered') : str(result.reason))
        : call.kind === 'report' ? t('blocked') : '');
    const alias = call.jsName !== call.name ? ` <small>(${esc(call.jsName)})</small>` : '';
    const open = expandedCalls.has(call.seq);
    return `<li data-bridge-call="${esc(call.name)}" data-kind="${call.kind}" data-status="${esc(status)}"${open ? ' data-open' : ''}>` +
      `<button type="button" class="wxsim-call-head" data-call-seq="${call.seq}" aria-expanded="${open}">` +
      `<span class="wxsim-kind">${esc(call.kind)}</span> <b>${esc(call.name)}</b>${alias} <code>${esc(headline)}</code>` +
      ` <small class="wxsim-simtag" data-simulated>${esc(t('simulatedTag'))}</small>` +
      ` <time>${fmtTime(call.time)}</time></button>` +
      `<pre>args ${esc(JSON.stringify(call.args, null, open ? 1 : 0))}</pre><pre>answer ${esc(JSON.stringify(call.result, null, open ? 1 : 0))}</pre></li>`;
  }

  /** @param {string} id a menu item the presenter pressed */
  function menuAction(id) {
    const item = MENU_BY_ID.get(id);
    if (!item || !itemVisible(item)) return;
    if (item.share && shareFrom(item.id)) return;
    const url = location.href;
    switch (id) {
      case 'menuItem:copyUrl':
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).catch(() => {});
        toast(t('linkCopied'), 'success');
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
        toast(state.menu.night ? t('nightModeOnSimulated') : t('nightModeOffSimulated'));
        scheduleRender();
        break;
      default:
        toast(`${inLang(item.name)}${t('simulatedSuffix')}`);
    }
  }

  /** @param {MouseEvent} ev */
  function onPanelClick(ev) {
    const target = ev.target instanceof Element ? ev.target : null;
    if (!target || !panel) return;
    if (target.closest('#wx-sim-menu-button')) {
      state.menu.open = true;
      render();
      const first = panel.querySelector('[data-menu-item]');
      if (first instanceof HTMLElement) first.focus();
      return;
    }
    if (target.closest('[data-menu-close]')) { state.menu.open = false; render(); return; }
    if (target.closest('[data-sim-clear]')) { state.calls.length = 0; render(); return; }
    if (target.closest('#wx-sim-back-to-normal')) { backToNormal(); return; }
    const scenarioButton = target.closest('[data-scenario-id]');
    if (scenarioButton) { chooseProfile({ scenario: scenarioButton.getAttribute('data-scenario-id') || '' }); return; }
    const head = target.closest('[data-call-seq]');
    if (head) {
      const seq = Number(head.getAttribute('data-call-seq'));
      if (!expandedCalls.delete(seq)) expandedCalls.add(seq);
      render();
      return;
    }
    const item = target.closest('[data-menu-item]');
    if (item) menuAction(item.getAttribute('data-menu-item') || '');
  }
  /** @param {Event} ev */
  function onPanelChange(ev) {
    const target = ev.target;
    if (target instanceof HTMLSelectElement && target.id === 'wx-sim-outcome') api.setOutcome(target.value);
    if (target instanceof HTMLSelectElement && ['wx-sim-device', 'wx-sim-wechat', 'wx-sim-account'].includes(target.id)) {
      chooseProfile({ [target.id.replace('wx-sim-', '')]: target.value });
      return;
    }
    if (!(target instanceof HTMLInputElement)) return;
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
    /** The profile: device, client version, account and scenario ids. */
    get profile() {
      return { device: PROFILE.device.id, wechat: PROFILE.wechat, account: PROFILE.account.id, scenario: PROFILE.scenario?.id || null };
    },
    /** What the active scenario showed: its lines and the errMsg (or errcode) the page got. */
    get scenarioResult() { return clone(shown); },
    /** @param {{ device?: string, wechat?: string, account?: string, scenario?: string }} next  loads the page again */
    setProfile: (next) => chooseProfile(next),
    backToNormal: () => backToNormal(),
    /** @param {string} outcome */
    setOutcome(outcome) {
      if (!isOutcome(outcome)) throw new Error(`outcome must be one of ${OUTCOMES.join(', ')}`);
      state.outcome = outcome;
      scheduleRender();
    },
    /** @param {unknown} ask */
    setAsk(ask) { state.ask = Boolean(ask); scheduleRender(); },
    /** @param {string} which a menu item id, its tail (`timeline`) or its event */
    share: (which) => shareFrom(which),
    openMenu() {
      state.menu.open = true;
      if (panel) find(panel, 'details', HTMLDetailsElement).open = true;
      scheduleRender();
    },
    finishRecording() { // as if 60 s had passed: onVoiceRecordEnd fires
      const rec = state.recording;
      if (!rec) return Promise.resolve(null);
      return finishRecording(rec).then((localId) => { fire('onVoiceRecordEnd', { err_msg: 'onVoiceRecordEnd:ok', localId }); return localId; });
    },
    reset() {
      state.outcome = 'ok';
      state.ask = false;
      state.calls.length = 0;
      state.menu = freshMenu();
      state.share = { appMessage: null, timeline: null };
      if (state.recording) finishRecording(state.recording);
      stopPlayback(false);
      HANDLERS.stopMonitoringBeacons({});
      document.querySelectorAll('.wxsim-overlay').forEach((el) => {
        if (el instanceof HTMLDivElement) el.wxsimClose?.('reset');
      });
      if (panel) build();
    },
  };
  Object.defineProperty(window, '__wxSimulator', { value: api, configurable: true });

  if (PROFILE.scenario?.outcome && isOutcome(PROFILE.scenario.outcome)) state.outcome = PROFILE.scenario.outcome;
  rehearse();
  ensureCss();
  const mount = () => {
    ensureCss();
    build();
    new MutationObserver(build).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    new MutationObserver(scheduleRender).observe(document.head || document.documentElement, { childList: true, subtree: true, characterData: true });
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
  later(() => document.dispatchEvent(new Event('WeixinJSBridgeReady', { bubbles: true })), 0);
})();
