// A live session's fan-out, for scripts/bench.py: PHONES event streams of one session
// (`GET /api/live/<id>/events`, what each phone's page keeps open) on PHONE_BASE, then RUNS
// runs started by the presenter on PRESENTER_BASE (the same instance, or another sharing its
// Redis); for each run, the time from the presenter's POST to each phone receiving its `run`
// event. With PID, the server's resident memory before and after the phones connected.
//   node end2end/bench-live.mjs PRESENTER_BASE PHONE_BASE PHONES RUNS [PID]
//   → JSON {"phones", "runs", "p50_ms", "p99_ms", "max_ms", "rss_per_phone_kib", "missed"}
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [presenterBase, phoneBase, phonesText, runsText, pid] = process.argv.slice(2);
const phones = Number(phonesText ?? 1000);
const runs = Number(runsText ?? 5);

function rssKib() {
  if (!pid) return null;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

function post(base, path, body) {
  const { hostname, port } = new URL(base);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: hostname, port, method: 'POST', path, agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
    }, (response) => {
      let text = '';
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => (response.statusCode < 400 ? resolve(text ? JSON.parse(text) : {}) : reject(new Error(`${response.statusCode} ${text}`))));
    });
    request.on('error', reject);
    request.end(data);
  });
}

/// One phone's stream: resolves once its snapshot arrived; `onRun(run)` for each run event.
function stream(session, onRun) {
  const { hostname, port } = new URL(phoneBase);
  return new Promise((resolve, reject) => {
    const request = http.get({ host: hostname, port, path: `/api/live/${session}/events`, agent: false }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream ${response.statusCode}`));
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith('event: snapshot') || block.includes('\nevent: snapshot')) resolve(request);
          const match = /event: run\n(?:id: \d+\n)?data: (.*)/.exec(block);
          if (match) onRun(JSON.parse(match[1]).run);
        }
      });
    });
    request.on('error', reject);
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const { session, key } = await post(presenterBase, '/api/live', {});
const before = rssKib();
const sent = new Map();
const received = new Map();
const latencies = [];
const requests = [];
// Connected in batches, as a room does over a few seconds.
for (let i = 0; i < phones; i += 100) {
  const batch = [];
  for (let j = i; j < Math.min(phones, i + 100); j++) {
    batch.push(stream(session, (run) => {
      const at = performance.now();
      received.set(run, (received.get(run) ?? 0) + 1);
      if (sent.has(run)) latencies.push(at - sent.get(run));
    }));
  }
  requests.push(...(await Promise.all(batch)));
}
const after = rssKib();
for (let run = 1; run <= runs; run++) {
  sent.set(run, performance.now());
  await post(presenterBase, `/api/live/${session}/run`, { key, api: 'getNetworkType', params: [] });
  const deadline = Date.now() + 10_000;
  while ((received.get(run) ?? 0) < phones && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}
latencies.sort((a, b) => a - b);
let missed = 0;
for (let run = 1; run <= runs; run++) missed += phones - (received.get(run) ?? 0);
for (const request of requests) request.destroy();
await post(presenterBase, `/api/live/${session}/end`, { key }).catch(() => {});
console.log(JSON.stringify({
  phones,
  runs,
  p50_ms: Number(percentile(latencies, 50).toFixed(1)),
  p99_ms: Number(percentile(latencies, 99).toFixed(1)),
  max_ms: Number(latencies[latencies.length - 1].toFixed(1)),
  rss_per_phone_kib: before === null ? null : Number(((after - before) / phones).toFixed(1)),
  missed,
}));
