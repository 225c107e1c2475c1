// A training room, for scripts/bench.py: PHONES phones open the same page at once with cold
// caches, each replaying every request one browser made for it (the HTML, the stylesheet,
// the wasm and its glue, the simulator, the SDK, the signing POST…) over its own keep-alive
// connections (6, as a browser), compressed as served (brotli, else gzip). Prints the time
// from the first request to the last byte of the last phone, and the bytes the server sent.
//   node end2end/bench-room.mjs BASE_URL PHONES < requests.json   → JSON {"seconds", "bytes", "requests", "errors"}
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [base, phonesText] = process.argv.slice(2);
const phones = Number(phonesText ?? 100);
const requests = JSON.parse(readFileSync(0, 'utf8'));
const { hostname, port } = new URL(base);

function fetchOne(agent, { method, path, headers, body }) {
  return new Promise((resolve) => {
    const request = http.request({
      host: hostname, port, method, path, agent,
      headers: {
        'accept-encoding': 'br, gzip',
        'user-agent': headers['user-agent'] ?? 'bench-room',
        ...(headers['content-type'] ? { 'content-type': headers['content-type'] } : {}),
        ...(body ? { 'content-length': Buffer.byteLength(body) } : {}),
      },
    }, (response) => {
      let size = 0;
      response.on('data', (chunk) => { size += chunk.length; });
      response.on('end', () => resolve({ size, ok: response.statusCode < 400 }));
    });
    request.on('error', () => resolve({ size: 0, ok: false }));
    if (body) request.write(body);
    request.end();
  });
}

/// One phone: the page first, then its requests six at a time, as a browser would.
async function phone() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  const [page, ...rest] = requests;
  const results = [await fetchOne(agent, page)];
  const queue = [...rest];
  await Promise.all(Array.from({ length: 6 }, async () => {
    while (queue.length) results.push(await fetchOne(agent, queue.shift()));
  }));
  agent.destroy();
  return results;
}

const start = performance.now();
const all = (await Promise.all(Array.from({ length: phones }, phone))).flat();
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({
  seconds,
  bytes: all.reduce((sum, r) => sum + r.size, 0),
  requests: all.length,
  errors: all.filter((r) => !r.ok).length,
}));
