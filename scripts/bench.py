#!/usr/bin/env python3
"""The playground's benchmark: prints a Markdown table of figures measured in one run.

Run it through `scripts/bench.sh`, which installs wrk and builds the release first.
Everything it starts listens on loopback and is stopped before it exits:

- signing throughput and latency: `POST /api/js_config` against `POST /api/noop` (the same
  server-function machinery doing nothing) at 64 and 256 connections, warm cache, wrk;
- upstream calls the sandbox's fake WeChat API counted during the load (0 on a warm cache);
- cold start: process start to the first successful js_config, with an empty state
  directory and with the state file of a previous run;
- peak RSS of the server over the whole run (VmHWM);
- page weight: the JS and CSS bundles, the main wasm and all wasm chunks together, raw,
  gzip -9 and brotli (q 11), and per page the wasm files Chromium actually fetched
  (main bundle plus the lazy chunks of that page's route);
- a phone's first use (end2end/bench-first-use.mjs), per page in PAGES, cold caches, median
  of several runs: navigation to usable (islands hydrated, or loaded for a page without
  any) and the bytes transferred, unthrottled and throttled like a mid-range phone on a slow
  mobile network, next to the floor (`/control`: plain HTML, the stylesheet, a 27 KB script);
- a room: 100 phones opening `/basic` at once, every request a browser makes for it, cold
  caches, over loopback (end2end/bench-room.mjs): time until the last is served, bytes sent;
- a live session's fan-out (end2end/bench-live.mjs): LIVE_PHONES phones' event streams on one
  instance, the time from the presenter's Run to each phone receiving it (p50, p99) and the
  server's memory per connected phone; then the same across two instances sharing a
  redis-server (presenter on one, phones on the other).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / "target" / "release" / "server"
SITE = ROOT / "target" / "site"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A release server in sandbox mode on a loopback port, with its log captured."""

    process: subprocess.Popen
    base: str
    log_path: Path
    started_at: float

    @classmethod
    def start(cls, state_dir: Path, log_path: Path, extra_env: dict | None = None) -> "Server":
        port = free_port()
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("WECHAT_") and key not in ("REDIS_URL", "DATABASE_URL")
        }
        env.update(
            LEPTOS_SITE_ADDR=f"127.0.0.1:{port}",
            LEPTOS_SITE_ROOT=str(SITE),
            LEPTOS_SITE_PKG_DIR="pkg",
            LEPTOS_OUTPUT_NAME="wechat-playground",
            STATE_DIR=str(state_dir),
            LOG_FORMAT="json",
            # Request tracing off: the figure is the server's, not its logger's.
            RUST_LOG="warn,server=info,wechat=info",
        )
        env.update(extra_env or {})
        log = open(log_path, "wb")
        started_at = time.perf_counter()
        process = subprocess.Popen(
            [str(SERVER)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        return cls(process, f"http://127.0.0.1:{port}", log_path, started_at)

    def post(self, path: str, body: str = "") -> tuple[int, bytes]:
        request = urllib.request.Request(
            self.base + path,
            data=body.encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def seconds_to_first_signature(self, body: str, deadline_s: float = 60.0) -> float:
        """Polls js_config until it answers 200; seconds since the process started."""
        deadline = time.perf_counter() + deadline_s
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"server exited with {self.process.returncode}; see {self.log_path}")
            try:
                status, _ = self.post("/api/js_config", body)
                if status == 200:
                    return time.perf_counter() - self.started_at
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(0.002)
        sys.exit(f"no successful js_config within {deadline_s} s; see {self.log_path}")

    def fake_base(self) -> str:
        """The sandbox's fake WeChat API, as the server logged it at start."""
        for line in self.log_path.read_text(errors="replace").splitlines():
            match = re.search(r'"base_url":"([^"]+)"', line)
            if match:
                return match.group(1)
        sys.exit(f"the server did not log its sandbox base_url; see {self.log_path}")

    def peak_rss_kib(self) -> int:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def fake_calls(fake_base: str) -> int:
    """Upstream calls the fake WeChat API has answered so far, all endpoints together."""
    with urllib.request.urlopen(fake_base + "/__fake/stats", timeout=5) as response:
        stats = json.load(response)
    return sum(stats["calls"].values())


@dataclass
class Load:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int


def median_load(runs: list[Load]) -> Load:
    """Each figure's median over the rounds; errors are added up."""
    return Load(
        requests_per_s=statistics.median(run.requests_per_s for run in runs),
        p50_ms=statistics.median(run.p50_ms for run in runs),
        p99_ms=statistics.median(run.p99_ms for run in runs),
        errors=sum(run.errors for run in runs),
    )


def to_ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url: str, body: str, connections: int, seconds: int, threads: int) -> Load:
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    script.write(
        'wrk.method = "POST"\n'
        f"wrk.body = {json.dumps(body)}\n"
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
    )
    script.close()
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script.name, url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    os.unlink(script.name)
    percentiles = dict(re.findall(r"^\s+(\d+)%\s+(\S+)$", output, re.M))
    errors = 0
    for match in re.finditer(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    for match in re.finditer(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        errors += sum(int(n) for n in match.groups())
    return Load(
        requests_per_s=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=to_ms(percentiles["50"]),
        p99_ms=to_ms(percentiles["99"]),
        errors=errors,
    )


def unhashed(name: str) -> str:
    """`wechat-playground.wXoZ-Aho2AuhyxDS7nvcJg.wasm` → `wechat-playground.wasm`."""
    return re.sub(r"\.[A-Za-z0-9_-]{22}(?=\.[a-z]+$)", "", name)


def page_weight() -> dict[str, tuple[int, int, int]]:
    """{file: (raw, gzip, brotli) bytes} of each bundle and chunk in target/site/pkg (by its
    name without the content hash) and of the category runtime (target/site/assets/runtime)."""
    script = r"""
const fs = require('fs'), zlib = require('zlib'), path = require('path');
const dir = process.argv[1];
const rows = fs.readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f)).sort().map((f) => {
  const data = fs.readFileSync(path.join(dir, f));
  const gzip = zlib.gzipSync(data, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return [f, data.length, gzip, brotli];
});
console.log(JSON.stringify(rows));
"""
    weights = {}
    for folder in (SITE / "pkg", SITE / "assets" / "runtime"):
        output = subprocess.run(
            ["node", "-e", script, str(folder)], check=True, capture_output=True, text=True
        ).stdout
        weights.update({unhashed(row[0]): tuple(row[1:]) for row in json.loads(output)})
    return weights


def summed(weights: dict[str, tuple[int, int, int]], files) -> tuple[int, int, int]:
    """Raw, gzip and brotli bytes of `files` together (each compressed on its own, as served)."""
    rows = [weights[f] for f in files]
    return tuple(sum(row[i] for row in rows) for i in range(3))


PAGES = ("/", "/basic", "/classic", "/doctor", "/qa", "/qa/reports", "/control")
FLOOR = "/control"
ROOM_PHONES = 100


def first_use(base: str, runs: int, slow: bool) -> dict:
    """{"usable": {page: ms}, "bytes": {page: n}, "wasm": {page: [files]}, "requests": [...]}."""
    argv = ["node", str(ROOM_SCRIPTS / "bench-first-use.mjs"), base, str(runs), ",".join(PAGES)]
    output = subprocess.run(
        argv + (["slow"] if slow else []), check=True, capture_output=True, text=True, cwd=ROOM_SCRIPTS
    ).stdout
    return json.loads(output)


def room(base: str, requests: list) -> dict:
    """{"seconds", "bytes", "requests", "errors"} of ROOM_PHONES phones opening one page at once."""
    output = subprocess.run(
        ["node", str(ROOM_SCRIPTS / "bench-room.mjs"), base, str(ROOM_PHONES)],
        input=json.dumps(requests),
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOM_SCRIPTS,
    ).stdout
    return json.loads(output)


ROOM_SCRIPTS = ROOT / "end2end"
LIVE_PHONES = 1000
LIVE_RUNS = 5


def fanout(presenter: Server, phones: Server) -> dict:
    """bench-live.mjs's figures: LIVE_PHONES streams on `phones`, runs started on `presenter`."""
    output = subprocess.run(
        ["node", str(ROOM_SCRIPTS / "bench-live.mjs"), presenter.base, phones.base,
         str(LIVE_PHONES), str(LIVE_RUNS), str(phones.process.pid)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOM_SCRIPTS,
    ).stdout
    return json.loads(output)


def until_healthy(server: Server, deadline_s: float = 60.0) -> None:
    deadline = time.perf_counter() + deadline_s
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(server.base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.05)
    sys.exit(f"the server did not start; see {server.log_path}")


def live_fanout(work: Path) -> tuple[dict, dict]:
    """The fan-out on one instance, then across two sharing a redis-server."""
    one = Server.start(work / "live-state", work / "live.log")
    try:
        until_healthy(one)
        local = fanout(one, one)
    finally:
        one.stop()
    port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    servers: list[Server] = []
    try:
        time.sleep(0.3)
        env = {"REDIS_URL": f"redis://127.0.0.1:{port}/0"}
        for n in range(2):
            servers.append(Server.start(work / f"live-state-{n}", work / f"live-{n}.log", env))
        for server in servers:
            until_healthy(server)
        shared = fanout(servers[0], servers[1])
    finally:
        for server in servers:
            server.stop()
        redis.terminate()
        redis.wait()
    return local, shared


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, AttributeError):
        pass
    return f"{os.cpu_count()} × {cpu}{memory}, {platform.system()} {platform.release()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="alternating noop/js_config rounds per connection count")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--hydration-runs", type=int, default=7, help="unthrottled first-use runs per page")
    parser.add_argument("--slow-runs", type=int, default=5, help="throttled first-use runs per page")
    args = parser.parse_args()
    if not SERVER.exists():
        sys.exit("target/release/server is missing: run scripts/bench.sh (it builds first)")

    work = Path(tempfile.mkdtemp(prefix="wxpg-bench-"))
    state = work / "state"
    lines: list[str] = []
    say = lines.append

    # Cold start: empty state directory, then again with the state file it left.
    cold = Server.start(state, work / "cold.log")
    try:
        body = "url=" + urllib.request.quote(cold.base + "/basic", safe="")
        cold_s = cold.seconds_to_first_signature(body)
    finally:
        cold.stop()
    server = Server.start(state, work / "server.log")
    try:
        body = "url=" + urllib.request.quote(server.base + "/basic", safe="")
        warm_s = server.seconds_to_first_signature(body)
        fake = server.fake_base()

        # Warm-up, then the measured runs: noop and js_config side by side per connection count.
        wrk(server.base + "/api/js_config", body, 64, 2, args.threads)
        wrk(server.base + "/api/noop", "", 64, 2, args.threads)
        calls_before = fake_calls(fake)
        # Alternating rounds, medians taken: the machine's noise drifts over seconds, and
        # interleaving puts both endpoints through the same drift.
        samples: dict[tuple[str, int], list[Load]] = {}
        for connections in (64, 256):
            for _ in range(args.rounds):
                for name, path, payload in (("noop", "/api/noop", ""), ("js_config", "/api/js_config", body)):
                    samples.setdefault((name, connections), []).append(
                        wrk(server.base + path, payload, connections, args.seconds, args.threads)
                    )
        loads = {key: median_load(runs) for key, runs in samples.items()}
        calls_during = fake_calls(fake) - calls_before
        peak_rss = server.peak_rss_kib()
        fast = first_use(server.base, args.hydration_runs, slow=False)
        slow = first_use(server.base, args.slow_runs, slow=True)
        crowd = room(server.base, fast["requests"])
    finally:
        server.stop()
    live_local, live_shared = live_fanout(work)

    say(f"Machine: {machine()}; load generator (wrk, {args.threads} threads) on the same cores.")
    say(
        f"Run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load figures are medians of "
        f"{args.rounds} alternating {args.seconds} s rounds per endpoint."
    )
    say("")
    say("| load | connections | requests/s | p50 | p99 | non-2xx/socket errors (all rounds) |")
    say("|---|---:|---:|---:|---:|---:|")
    for connections in (64, 256):
        for name in ("noop", "js_config"):
            load = loads[(name, connections)]
            say(
                f"| `{name}` | {connections} | {load.requests_per_s:,.0f} | {load.p50_ms:.2f} ms | "
                f"{load.p99_ms:.2f} ms | {load.errors} |"
            )
    say("")
    say("| figure | value | target |")
    say("|---|---:|---|")
    for connections in (64, 256):
        noop, signed = loads[("noop", connections)], loads[("js_config", connections)]
        say(
            f"| js_config / noop throughput, {connections} conns | "
            f"{signed.requests_per_s / noop.requests_per_s:.0%} | ≥ 80 % at 256 |"
        )
        say(
            f"| js_config p99 / noop p99, {connections} conns | "
            f"{signed.p99_ms / noop.p99_ms:.2f}× | ≤ 1.3× at 256 |"
        )
    say(f"| upstream calls during the load | {calls_during} | 0 (warm cache) |")
    say(f"| cold start → first js_config, empty state dir | {cold_s * 1000:.0f} ms | |")
    say(f"| cold start → first js_config, warm state file | {warm_s * 1000:.0f} ms | |")
    say(f"| server peak RSS (whole run) | {peak_rss / 1024:.1f} MB | ≤ 50 MB |")
    say("")
    weights = page_weight()
    wasm_files = [f for f in weights if f.endswith(".wasm")]
    say("| bundle | raw | gzip -9 | brotli 11 |")
    say("|---|---:|---:|---:|")
    for name, (raw, gzip, brotli) in weights.items():
        if not name.endswith(".wasm") or name in ("wechat-playground.wasm", "category_bg.wasm"):
            say(f"| `{name}` | {kb(raw)} | {kb(gzip)} | {kb(brotli)} |")
    raw, gzip, brotli = summed(weights, wasm_files)
    say(f"| all {len(wasm_files)} wasm files together | {kb(raw)} | {kb(gzip)} | {kb(brotli)} |")
    say("")
    say(
        f"| page | wasm fetched: files | gzip -9 | brotli 11 | transferred | usable (median of {args.hydration_runs}) "
        f"| vs floor | slow phone: usable (median of {args.slow_runs}) | vs floor |"
    )
    say("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    floor_fast, floor_slow = fast["usable"][FLOOR], slow["usable"][FLOOR]
    for path in PAGES:
        files = fast["wasm"][path]
        _, gzip, brotli = summed(weights, files)
        fast_ms, slow_ms = fast["usable"][path], slow["usable"][path]
        name = f"`{path}` (floor)" if path == FLOOR else f"`{path}`"
        say(
            f"| {name} | {len(files)} | {kb(gzip)} | {kb(brotli)} | {kb(fast['bytes'][path])} | {fast_ms:.0f} ms | "
            f"{fast_ms / floor_fast:.2f}× | {slow_ms:.0f} ms | {slow_ms / floor_slow:.2f}× |"
        )
    say("")
    say(
        f"| room: {ROOM_PHONES} phones open `/basic` at once (cold caches, loopback) | requests | bytes sent | "
        f"until the last is served | failed |"
    )
    say("|---|---:|---:|---:|---:|")
    say(
        f"| every request a browser makes for the page | {crowd['requests']} | {crowd['bytes'] / 1024 / 1024:.1f} MB | "
        f"{crowd['seconds'] * 1000:.0f} ms | {crowd['errors']} |"
    )
    say("")
    say(
        f"| live session: {LIVE_PHONES} phones' event streams, {LIVE_RUNS} runs (loopback) | Run → a phone has it: p50 | p99 | max (the last phone) "
        f"| server memory per phone | missed |"
    )
    say("|---|---:|---:|---:|---:|---:|")
    for name, figures in (("one instance", live_local), ("two instances, one Redis (presenter on one, phones on the other)", live_shared)):
        say(
            f"| {name} | {figures['p50_ms']:.1f} ms | {figures['p99_ms']:.1f} ms | {figures['max_ms']:.1f} ms | "
            f"{figures['rss_per_phone_kib']:.1f} KiB | {figures['missed']} |"
        )
    print("\n".join(lines))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
