// Sync rows: pushing N spans through main's SyncService to a local
// pouchdb-server (until the server has them all), and pulling them into a
// fresh profile's replica and out through the bridge's pull, decoded and
// checked (what the renderer then applies to IndexedDB; that last step is
// not timed here). Baseline: PouchDB replicating the same documents by
// itself, without the app's mapping, in the same run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toCouchDoc } from '../core/sync/couch-docs';
import type { SyncRecord } from '../core/sync/couch-records';
import { openPouch } from '../main/services/sync/pouch';
import { SyncService } from '../main/services/sync/sync-service';
import { startCouchServer } from '../tests/support/couch-server';
import { fakeSecrets } from '../tests/support/fake-secrets';
import type { BenchResult } from './measure';

const SPANS_PER_DOC = 100;

function corpus(spans: number): SyncRecord[] {
  const records: SyncRecord[] = [];
  for (let d = 0; d < spans / SPANS_PER_DOC; d++) {
    const sha = d.toString(16).padStart(64, '0');
    const text = `Document ${d}. `.padEnd(2000, 'The Home Secretary met partners. ');
    records.push({ type: 'document', sha256: sha, name: `doc-${d}.txt`, source: 'bench', text });
    for (let s = 0; s < SPANS_PER_DOC; s++)
      records.push({
        type: 'span',
        sha256: sha,
        annotator: 'bench',
        spanId: `s${d}-${s}`,
        start: s * 10,
        end: s * 10 + 5,
        label: 'actor',
        text: text.slice(s * 10, s * 10 + 5),
        note: '',
        createdAt: 1,
        updatedAt: 1,
      });
  }
  return records;
}

const service = () =>
  new SyncService({ dir: mkdtempSync(path.join(tmpdir(), 'seed-sync-bench-')), secrets: fakeSecrets, maxBackOff: 500 });

async function until(check: () => Promise<boolean>, limitMs = 600_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('sync bench: timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function benchSync(spans: number): Promise<BenchResult[]> {
  const server = await startCouchServer({ inMemory: true });
  const records = corpus(spans);
  const config = (database: string) => ({ url: server.url, database, username: '', enabled: true });
  try {
    // Baseline: the same documents, replicated by PouchDB alone.
    const plain = openPouch(path.join(mkdtempSync(path.join(tmpdir(), 'seed-sync-base-')), 'db'));
    for (let i = 0; i < records.length; i += 500)
      await plain.bulkDocs(records.slice(i, i + 500).map((r) => toCouchDoc(r)) as never);
    let t = performance.now();
    await plain.replicate.to(`${server.url}/baseline`, { batch_size: 500 });
    const basePush = performance.now() - t;
    await plain.close();

    const a = service();
    await a.configure(config('bench'));
    t = performance.now();
    for (let i = 0; i < records.length; i += 500) await a.push(records.slice(i, i + 500), []);
    await until(async () => {
      const st = await a.status();
      return st.state === 'up-to-date' && st.waiting === 0;
    });
    const push = performance.now() - t;
    await a.close();

    const b = service();
    t = performance.now();
    await b.configure(config('bench'));
    let seq: number | string = 0;
    let pulledSpans = 0;
    await until(async () => {
      for (;;) {
        const batch = await b.pull(seq, 500);
        seq = batch.last;
        pulledSpans += batch.changes.filter((c) => c.kind === 'record' && c.record.type === 'span').length;
        if (batch.done) return pulledSpans >= spans;
      }
    });
    const pull = performance.now() - t;
    await b.close();

    const goal = 60_000;
    const detail = `${spans.toLocaleString('en-US')} spans on ${(spans / SPANS_PER_DOC).toLocaleString('en-US')} documents`;
    return [
      {
        name: 'sync: push spans to the local server',
        ours: push,
        baseline: basePush,
        unit: 'ms',
        goal: '< 60 s',
        met: push < goal,
        detail,
      },
      {
        name: 'sync: pull them into a fresh profile (replica + bridge pull)',
        ours: pull,
        baseline: basePush,
        unit: 'ms',
        goal: '< 60 s',
        met: pull < goal,
        detail: `${detail}; applying to IndexedDB not timed`,
      },
    ];
  } finally {
    await server.stop();
  }
}
