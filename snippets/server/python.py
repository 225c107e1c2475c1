"""A WeChat JS-SDK signing endpoint: GET /sign?url=<page URL> answers what wx.config needs.

Python 3.11, standard library only: `python3 snippets/server/python.py`. The contract every
snippet follows (settings, answers, caching rules) is in snippets/server/README.md.
"""

import hashlib
import json
import os
import secrets
import string
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

APP_ID = os.environ.get("WECHAT_APP_ID") or sys.exit("set WECHAT_APP_ID and WECHAT_APP_SECRET")
APP_SECRET = os.environ.get("WECHAT_APP_SECRET") or sys.exit("set WECHAT_APP_SECRET")
API_BASE = os.environ.get("WECHAT_API_BASE", "https://api.weixin.qq.com")
PORT = int(os.environ.get("PORT", "8080"))
# Renew 10% of a lifetime early, at most 5 minutes (the Rust core's margin): no page gets a
# ticket about to expire, and WeChat keeps a replaced token working for 5 minutes.
MAX_REFRESH_MARGIN = 300
# The token was refused (invalid, or replaced by another server's fetch, or expired).
TOKEN_REFUSED = {40001, 40014, 42001}


class WechatError(Exception):
    def __init__(self, errcode, errmsg):
        super().__init__(f"WeChat errcode {errcode}: {errmsg}")
        self.errcode = errcode


def call(path, **params):
    # The URL holds the secret or the token: the errors raised never quote it.
    with urllib.request.urlopen(f"{API_BASE}{path}?{urllib.parse.urlencode(params)}", timeout=5) as answer:
        body = json.load(answer)
    if body.get("errcode"):
        raise WechatError(body["errcode"], body.get("errmsg", ""))
    return body


cache = {}  # "token" / "ticket" -> (value, renew_at)
lock = threading.Lock()


def cached(key):
    value, renew_at = cache.get(key, (None, 0))
    return value if time.time() < renew_at else None


def store(key, value, expires_in):
    cache[key] = (value, time.time() + expires_in - min(expires_in // 10, MAX_REFRESH_MARGIN))
    return value


def jsapi_ticket():
    # Single-flight: the lock is held across the refresh and the cache read again once it is
    # held, so concurrent first requests make one token and one ticket fetch, not one each.
    with lock:
        if ticket := cached("ticket"):
            return ticket
        for attempt in range(2):
            token = cached("token")
            if not token:
                answer = call("/cgi-bin/token", grant_type="client_credential", appid=APP_ID, secret=APP_SECRET)
                token = store("token", answer["access_token"], answer["expires_in"])
            try:
                answer = call("/cgi-bin/ticket/getticket", access_token=token, type="jsapi")
                return store("ticket", answer["ticket"], answer["expires_in"])
            except WechatError as error:
                if attempt or error.errcode not in TOKEN_REFUSED:
                    raise
                cache.pop("token")  # refused: fetch a new token and retry once


class Signer(BaseHTTPRequestHandler):
    def do_GET(self):
        path, _, query = self.path.partition("?")
        if path != "/sign":
            return self.answer(404, {"error": "GET /sign?url=<page URL>"})
        # The browser never sends the #fragment, so WeChat checks the signature without it.
        url = urllib.parse.parse_qs(query).get("url", [""])[0].split("#")[0]
        if not url.startswith(("http://", "https://")):
            return self.answer(400, {"error": "pass the page's http:// or https:// URL as ?url="})
        try:
            ticket = jsapi_ticket()
        except WechatError as error:
            return self.answer(502, {"error": str(error)})
        except (OSError, ValueError):
            return self.answer(502, {"error": "WeChat could not be reached"})
        timestamp = int(time.time())
        nonce = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(16))
        string1 = f"jsapi_ticket={ticket}&noncestr={nonce}&timestamp={timestamp}&url={url}"
        signature = hashlib.sha1(string1.encode()).hexdigest()
        self.answer(200, {"appId": APP_ID, "timestamp": timestamp, "nonceStr": nonce, "signature": signature, "url": url})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


print(f"signing on http://127.0.0.1:{PORT}/sign", flush=True)
ThreadingHTTPServer(("127.0.0.1", PORT), Signer).serve_forever()
