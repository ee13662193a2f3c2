import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface ServiceProcess {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  output(): string;
  /** SIGTERM (graceful) by default; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface StartOptions {
  /** `services/<service>/src/main.ts`, or an explicit entry file relative to the repository root. */
  service?: string;
  entry?: string;
  name?: string;
  env?: Record<string, string>;
  /** Wait until /health/ready answers 200 (default), or only until /health/live does. */
  waitFor?: 'ready' | 'live' | 'none';
  timeoutMs?: number;
  /** Run TypeScript through swc (default), or plain JavaScript (a compiled bundle). */
  typescript?: boolean;
  /** Working directory of the process; the repository root by default. */
  cwd?: string;
  /** The HTTP port (e.g. to start a process again where it was); a free one by default. */
  port?: number;
}

/** Starts a service as its own OS process, the way production runs it, and waits until it is ready. */
export async function startServiceProcess(opts: StartOptions): Promise<ServiceProcess> {
  const entry = opts.entry ?? path.join('services', opts.service ?? '', 'src', 'main.ts');
  const name = opts.name ?? opts.service ?? path.basename(entry);
  const port = opts.port ?? (await freePort());
  const logDir = path.join(ROOT, '.local', 'test-logs');
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}-${port}.log`);
  const child = spawn(process.execPath, opts.typescript === false ? [entry] : ['-r', '@swc-node/register', entry], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'log', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const append = (b: Buffer) => {
    out += b.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
    fs.appendFileSync(logFile, b);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const url = `http://127.0.0.1:${port}`;
  const proc: ServiceProcess = {
    name,
    url,
    port,
    child,
    exited,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (!hasExited) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  const waitFor = opts.waitFor ?? 'ready';
  if (waitFor === 'none') return proc;
  const deadline = Date.now() + (opts.timeoutMs ?? 90000);
  for (;;) {
    if (hasExited) throw new Error(`${name} exited during start-up:\n${out.slice(-4000)}`);
    try {
      const res = await fetch(`${url}/health/${waitFor}`);
      if (res.status === 200) return proc;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await proc.stop('SIGKILL');
      throw new Error(`${name} was not ${waitFor} within the time limit:\n${out.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
