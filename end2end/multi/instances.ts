import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

// Real processes for the multi-instance specs: one redis-server and server instances of the
// release build in sandbox mode, each on its own port and state directory, all on one Redis.

const ROOT = path.resolve(__dirname, '../..');

/** A port the kernel says is free now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once `check` does, trying every 100 ms for up to `ms`. */
async function until(what: string, ms: number, check: () => Promise<boolean>) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} was not up after ${ms} ms`);
}

/** Whether something answers `PING` with `+PONG` on `port`. */
function pongs(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(1000, () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => { socket.destroy(); resolve(data.toString().startsWith('+PONG')); });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** A redis-server of its own, keeping nothing on disk. */
export class Redis {
  private constructor(private child: ChildProcess, readonly url: string) {}

  static async start(): Promise<Redis> {
    const port = await freePort();
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await until('redis-server', 10_000, () => pongs(port));
    return new Redis(child, `redis://127.0.0.1:${port}/0`);
  }

  stop(): Promise<void> {
    return stop(this.child);
  }
}

/** One server instance on `port`, sessions and credentials in `redis`; restartable in place. */
export class Instance {
  private child: ChildProcess | null = null;
  private readonly stateDir: string;
  readonly origin: string;

  private constructor(private readonly name: string, private readonly port: number, private readonly redis: Redis) {
    this.origin = `http://127.0.0.1:${port}`;
    this.stateDir = fs.mkdtempSync(path.join(os.tmpdir(), `playground-${name}-`));
  }

  static async start(name: string, redis: Redis): Promise<Instance> {
    const instance = new Instance(name, await freePort(), redis);
    await instance.launch();
    return instance;
  }

  private async launch() {
    const log = fs.openSync(path.join(this.stateDir, 'server.log'), 'a');
    this.child = spawn(path.join(ROOT, 'target/release/server'), [], {
      cwd: ROOT,
      stdio: ['ignore', log, log],
      env: {
        PATH: process.env.PATH ?? '',
        LEPTOS_SITE_ADDR: `127.0.0.1:${this.port}`,
        LEPTOS_SITE_ROOT: 'target/site',
        LEPTOS_SITE_PKG_DIR: 'pkg',
        LEPTOS_OUTPUT_NAME: 'wechat-playground',
        STATE_DIR: this.stateDir,
        REDIS_URL: this.redis.url,
        RUST_LOG: 'info',
      },
    });
    fs.closeSync(log);
    await until(`instance ${this.name}`, 30_000, async () => (await fetch(`${this.origin}/healthz`)).ok);
  }

  /** Kills the process (SIGKILL: no goodbye to its streams) and starts it again on the same port. */
  async restart() {
    if (this.child) await stop(this.child);
    await this.launch();
  }

  async stop() {
    if (this.child) await stop(this.child);
    fs.rmSync(this.stateDir, { recursive: true, force: true });
  }

  /** `url` (of any instance) moved to this instance. */
  here(url: string): string {
    const moved = new URL(url);
    return `${this.origin}${moved.pathname}${moved.search}`;
  }
}
