// A WeChat JS-SDK signing endpoint: GET /sign?url=<page URL> answers what wx.config needs.
// Node 20, standard library only: `node snippets/server/node.mjs`. The contract every snippet
// follows (settings, answers, caching rules) is in snippets/server/README.md.
import { createHash, randomInt } from "node:crypto";
import { createServer } from "node:http";

const { WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: APP_SECRET } = process.env;
const API_BASE = process.env.WECHAT_API_BASE ?? "https://api.weixin.qq.com";
const PORT = Number(process.env.PORT ?? 8080);
// Renew 10% of a lifetime early, at most 5 minutes (the Rust core's margin): no page gets a
// ticket about to expire, and WeChat keeps a replaced token working for 5 minutes.
const MAX_REFRESH_MARGIN = 300;
// The token was refused (invalid, or replaced by another server's fetch, or expired).
const TOKEN_REFUSED = new Set([40001, 40014, 42001]);
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
if (!APP_ID || !APP_SECRET) {
  console.error("set WECHAT_APP_ID and WECHAT_APP_SECRET");
  process.exit(1);
}

class WechatError extends Error {
  constructor(errcode, errmsg) {
    super(`WeChat errcode ${errcode}: ${errmsg}`);
    this.errcode = errcode;
  }
}

async function call(path, params) {
  // The URL holds the secret or the token: errors below never quote it.
  const query = new URLSearchParams(params);
  const response = await fetch(`${API_BASE}${path}?${query}`, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`WeChat answered HTTP ${response.status}`);
  const answer = await response.json();
  if (answer.errcode) throw new WechatError(answer.errcode, answer.errmsg);
  return answer;
}

const now = () => Math.floor(Date.now() / 1000);
const entry = (value, expiresIn) => ({
  value,
  renewAt: now() + expiresIn - Math.min(Math.floor(expiresIn / 10), MAX_REFRESH_MARGIN),
});
const fresh = (cached) => cached && now() < cached.renewAt;
let token = null;
let ticket = null;
let refresh = null; // the refresh in flight, shared by every request that needs it

async function fetchTicket() {
  for (let attempt = 0; ; attempt++) {
    if (!fresh(token)) {
      const answer = await call("/cgi-bin/token", {
        grant_type: "client_credential", appid: APP_ID, secret: APP_SECRET,
      });
      token = entry(answer.access_token, answer.expires_in);
    }
    try {
      const answer = await call("/cgi-bin/ticket/getticket", { access_token: token.value, type: "jsapi" });
      return (ticket = entry(answer.ticket, answer.expires_in)).value;
    } catch (error) {
      if (attempt > 0 || !TOKEN_REFUSED.has(error.errcode)) throw error;
      token = null; // refused: fetch a new token and retry once
    }
  }
}

// Single-flight: concurrent first requests share one pending refresh (one token fetch, one
// ticket fetch) instead of each fetching, which would burn the daily token quota.
function jsapiTicket() {
  if (fresh(ticket)) return Promise.resolve(ticket.value);
  refresh ??= fetchTicket().finally(() => (refresh = null));
  return refresh;
}

function send(response, status, body) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

createServer(async (request, response) => {
  const { pathname, searchParams } = new URL(request.url, "http://localhost");
  if (pathname !== "/sign") return send(response, 404, { error: "GET /sign?url=<page URL>" });
  // The browser never sends the #fragment, so WeChat checks the signature without it.
  const url = (searchParams.get("url") ?? "").split("#")[0];
  if (!/^https?:\/\//.test(url)) {
    return send(response, 400, { error: "pass the page's http:// or https:// URL as ?url=" });
  }
  try {
    const jsapi_ticket = await jsapiTicket();
    const timestamp = now();
    const nonceStr = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    const string1 = `jsapi_ticket=${jsapi_ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${url}`;
    const signature = createHash("sha1").update(string1).digest("hex");
    send(response, 200, { appId: APP_ID, timestamp, nonceStr, signature, url });
  } catch (error) {
    send(response, 502, { error: error instanceof WechatError ? error.message : "WeChat could not be reached" });
  }
}).listen(PORT, "127.0.0.1", () => console.log(`signing on http://127.0.0.1:${PORT}/sign`));
