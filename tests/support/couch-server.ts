// Starts pouchdb-server (the CouchDB replication protocol, in Node) on
// 127.0.0.1 and a free port, in its own temporary folder (it writes its
// config and log into the working directory), and stops it. `inMemory: false`
// keeps the databases on disk in that folder, so a test can kill the server
// and start it again on the same port with its data.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BIN = path.resolve(__dirname, '../../node_modules/pouchdb-server/bin/pouchdb-server');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export interface CouchServer {
  url: string;
  port: number;
  /** SIGKILL: no goodbye to clients, as a crash or a pulled cable. */
  kill(): Promise<void>;
  /** Starts it again on the same port (and folder). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function waitUp(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pouchdb-server did not answer at ${url}`);
}

export async function startCouchServer(options: { inMemory?: boolean } = {}): Promise<CouchServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'seed-couch-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  const launch = async () => {
    const args = [BIN, '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs', '--dir', dir];
    if (options.inMemory !== false) args.push('--in-memory');
    child = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    await waitUp(url, child);
  };
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  await launch();
  return {
    url,
    port,
    kill,
    restart: launch,
    stop: async () => {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
