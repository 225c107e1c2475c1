// A tiny static server for the simulator harness, with no dependencies:
//   /harness/*                 → end2end/harness/
//   POST /api/sim/verify_config → a stand-in for the Rust endpoint: config:ok, except
//                                 signatures starting with "bad" (config:invalid signature)
//   GET /api/sim/catalog.js     → fetched from the Rust server (catalogOrigin): the catalog
//                                 the simulator reads is the server's, never a copy
//   everything else            → public/
// Used by tests/sim-bridge.spec.ts (startServer on a free loopback port) and by hand, with
// the Rust server running (scripts/run.sh):
//   SIM_CATALOG_ORIGIN=http://127.0.0.1:3000 node end2end/harness/serve.cjs [port]
//   then open http://127.0.0.1:<port>/harness/sim.html
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const HARNESS = __dirname;
const PUBLIC = path.resolve(__dirname, '..', '..', 'public');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.wav': 'audio/wav', '.png': 'image/png',
  '.json': 'application/json', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

function fileFor(urlPath) {
  const decoded = decodeURIComponent(urlPath);
  const [root, rest] = decoded.startsWith('/harness/') ? [HARNESS, decoded.slice('/harness/'.length)] : [PUBLIC, decoded.slice(1)];
  const file = path.resolve(root, rest || 'index.html');
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function verifyStub(body) {
  let request = {};
  try { request = JSON.parse(body); } catch (e) { /* answered below */ }
  if (!request.signature) return { errMsg: 'config:fail', detail: 'no signature' };
  if (String(request.signature).startsWith('bad')) {
    return { errMsg: 'config:invalid signature', detail: `harness stub: signatures starting with "bad" are wrong (url ${request.url})` };
  }
  return { errMsg: 'config:ok', detail: `harness stub: accepted ${request.url}` };
}

async function proxyCatalog(res, catalogOrigin) {
  try {
    if (!catalogOrigin) throw new Error('no catalogOrigin (the Rust server\'s URL) given');
    const answer = await fetch(`${catalogOrigin}/api/sim/catalog.js`);
    if (!answer.ok) throw new Error(`the Rust server answered HTTP ${answer.status}`);
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    res.end(await answer.text());
  } catch (error) {
    res.writeHead(502, { 'content-type': 'text/plain' }).end(`cannot fetch the catalog: ${error.message}`);
  }
}

function handle(req, res, catalogOrigin) {
  const url = new URL(req.url, 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/api/sim/catalog.js') {
    proxyCatalog(res, catalogOrigin);
    return;
  }
  if (req.method === 'POST' && url.pathname === '/api/sim/verify_config') {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(verifyStub(body)));
    });
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  if (url.pathname === '/favicon.ico') url.pathname = '/assets/favicon.svg';
  const file = fileFor(url.pathname);
  fs.stat(file || '', (error, stat) => {
    if (error || !stat.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
}

/**
 * Starts the server; resolves to { url, close } (url without a trailing slash).
 * catalogOrigin: the Rust server whose /api/sim/catalog.js the harness hands out.
 */
function startServer(port = 0, host = '127.0.0.1', catalogOrigin = process.env.SIM_CATALOG_ORIGIN) {
  return new Promise((resolve, reject) => {
    const server = http.createServer((req, res) => handle(req, res, catalogOrigin));
    server.on('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        url: `http://${host}:${address.port}`,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}

module.exports = { startServer };

if (require.main === module) {
  startServer(Number(process.argv[2] || 8787)).then(({ url }) => {
    console.log(`simulator harness: ${url}/harness/sim.html`);
  });
}
