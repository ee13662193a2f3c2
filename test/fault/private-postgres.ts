import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort } from '@filing/testing';

const ROOT = path.resolve(__dirname, '..', '..');

/** Debian's PostgreSQL binaries (PG_BIN_DIR overrides): the newest /usr/lib/postgresql/<major>/bin. */
function binDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const base = '/usr/lib/postgresql';
  const majors = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((d) => /^\d+$/.test(d))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors.length === 0) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql) and PG_BIN_DIR unset');
  return path.join(base, majors[0], 'bin');
}

/**
 * A PostgreSQL server of the fault suite's own: initdb into .local/fault-pg-<port>, its own free port and socket
 * directory, started, restarted and stopped by its data directory (pg_ctl -D). Restarting it is a real database
 * restart that disturbs nobody else on the machine (the shared server on 5432 is never touched). PostgreSQL refuses
 * to run as root, so as root the binaries run as the `postgres` system user.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const port = await freePort();
    const dir = path.join(ROOT, '.local', `fault-pg-${port}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const pg = new PrivatePostgres(port, dir);
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
    pg.run('initdb', ['-D', pg.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    fs.appendFileSync(
      path.join(pg.dataDir, 'postgresql.conf'),
      [
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'max_connections = 300',
        'shared_buffers = 128MB',
        // A test server: durability across a crash of the machine is not what is tested here.
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        '',
      ].join('\n'),
    );
    pg.ctl('start');
    return pg;
  }

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async createDatabase(name: string): Promise<string> {
    const client = new Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** A fast restart (sessions are ended, the server comes back on the same port). */
  restart(): void {
    this.ctl('restart', ['-m', 'fast']);
  }

  stop(): void {
    if (fs.existsSync(path.join(this.dataDir, 'postmaster.pid'))) this.ctl('stop', ['-m', 'fast']);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private ctl(action: string, extra: string[] = []): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-l', path.join(this.dir, 'server.log'), '-w', '-t', '60', ...extra, action]);
  }

  private run(bin: string, args: string[]): void {
    const exe = path.join(binDir(), bin);
    const [cmd, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
    execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  }
}
