// Killing the app at random points during sync (issue 16). Main's side of
// sync runs in a child process (tests/support/sync-main-child.ts: the real
// SyncService on a profile folder on disk); this test plays the renderer's
// sync agent, which keeps each change in its outbox until main has answered
// that the change is in the replica, and hands the unanswered ones over again
// after a restart. In each of 20 rounds a batch of new spans and an edit of an
// earlier span is handed over, and the child is SIGKILLed a random moment
// later: before main answered, while it writes, or while it replicates to the
// server. After the last restart the server and a second profile hold every
// span once, each with its last label, and no conflict. The seed is printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../../../core/sync/couch-records';
import type { SyncStatus } from '../../../../core/sync/sync-shapes';
import type { SyncService } from '../../../../main/services/sync/sync-service';
import { startCouchServer, type CouchServer } from '../../../support/couch-server';
import { prng } from '../../../support/crash';
import { enable, newService, pulledSpans, serverDocs, SHA, spanRecord, waitFor, waitUpToDate } from './sync-helpers';

const ROUNDS = 20;
const SPANS_A_ROUND = 10;
const SEED = Number(process.env.SYNC_KILL_SEED ?? Date.now() % 1_000_000);
const ROOT = path.resolve(__dirname, '../../../..');
const CHILD = path.join(ROOT, 'tests/support/sync-main-child.ts');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The child playing main: requests by id, answers by id; a kill leaves the unanswered ones unanswered. */
class MainProcess {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, (body: Record<string, unknown>) => void>();
  private readonly failing = new Map<number, (error: Error) => void>();
  private next = 1;
  readonly exited: Promise<void>;

  constructor(dir: string) {
    // Node itself with tsx's loader, not the tsx wrapper: SIGKILL must reach the process that holds the replica.
    this.child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', () => {
        for (const fail of this.failing.values()) fail(new Error('main ended before it answered'));
        resolve();
      }),
    );
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      const body = JSON.parse(line) as { id: number };
      this.waiting.get(body.id)?.(body);
      this.waiting.delete(body.id);
      this.failing.delete(body.id);
    });
  }

  request(body: object): Promise<Record<string, unknown>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, resolve);
      this.failing.set(id, reject);
      this.child.stdin!.write(`${JSON.stringify({ id, ...body })}\n`);
    });
  }

  async status(): Promise<SyncStatus> {
    return (await this.request({ status: true })).status as SyncStatus;
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

let server: CouchServer;
let reader: SyncService | undefined;

beforeAll(async () => {
  server = await startCouchServer({ inMemory: true });
});
afterAll(async () => {
  await reader?.close();
  await server?.stop();
});

describe(`sync under app kills (seed ${SEED})`, { timeout: 300_000 }, () => {
  it(`loses nothing and doubles nothing over ${ROUNDS} kills of the app during sync`, async () => {
    console.log(`sync app-kill seed: ${SEED} (replay with SYNC_KILL_SEED=${SEED})`);
    const random = prng(SEED).next;
    const dir = await mkdtemp(path.join(tmpdir(), 'seed-sync-app-'));
    let main = new MainProcess(dir);
    expect(((await main.request({ configure: enable(server.url, 'appkills') })).configured as { ok: boolean }).ok).toBe(
      true,
    );
    /** The renderer's outbox: batches main has not answered for, in order. */
    const outbox: SyncRecord[][] = [];
    const expected = new Map<string, string>();
    const handOver = (batch: SyncRecord[]) =>
      main.request({ push: batch }).then(() => {
        if (outbox.includes(batch)) outbox.splice(outbox.indexOf(batch), 1);
      });
    const where = { beforeAnswer: 0, whileReplicating: 0, afterServer: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      await main.status(); // up and replicating
      const batch: SyncRecord[] = Array.from({ length: SPANS_A_ROUND }, (_, i) =>
        spanRecord({ spanId: `r${round}-${i}`, start: i, end: i + 1, updatedAt: round + 1 }),
      );
      if (round > 0)
        batch.push(spanRecord({ spanId: `r${round - 1}-0`, label: `money${round}`, updatedAt: round + 1 }));
      for (const r of batch) if (r.type === 'span') expected.set(r.spanId, r.label);
      outbox.push(batch);
      for (const b of [...outbox]) handOver(b).catch(() => undefined); // unanswered: stays in the outbox
      await sleep(random() ** 2 * 300); // squared: more kills early, while main writes and replicates
      const answered = outbox.length === 0;
      await main.kill();
      if (!answered) where.beforeAnswer++;
      else {
        const onServer = new Set((await serverDocs(server.url, 'appkills')).map((d) => String(d._id)));
        const replicated = batch.every((r) => r.type !== 'span' || onServer.has(`span:${SHA}:ann:${r.spanId}`));
        where[replicated ? 'afterServer' : 'whileReplicating']++;
      }
      main = new MainProcess(dir);
    }
    console.log(
      `app kills: ${where.beforeAnswer} before main answered, ${where.whileReplicating} after it answered but before ` +
        `the server had the round's spans, ${where.afterServer} once the server had them`,
    );
    await Promise.all([...outbox].map(handOver));
    expect(outbox).toEqual([]);
    await waitUpToDate('the restarted app up to date', () => main.status());
    await main.kill();
    const onServer = (await serverDocs(server.url, 'appkills')).filter((d) => String(d._id).startsWith('span:'));
    const ids = onServer.map((d) => String(d._id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...expected.keys()].map((id) => `span:${SHA}:ann:${id}`).sort());
    for (const doc of onServer) expect(doc.label).toBe(expected.get(String(doc._id).split(':').pop()!));
    // A second profile pulls them: each span once, with its last label.
    reader = await newService();
    await reader.configure(enable(server.url, 'appkills'));
    const got = await waitFor(
      'the second profile has every span with its last label',
      async () => {
        const spans = await pulledSpans(reader!);
        const complete = [...expected].every(([id, label]) => spans.get(id)?.label === label);
        return complete && spans.size === expected.size && spans;
      },
      90_000,
    );
    expect([...got.values()].every((s) => s.times === 1)).toBe(true);
    expect((await reader.conflicts()).length).toBe(0);
  });
});
