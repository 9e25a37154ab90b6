// Sync rows: pushing N spans through main's SyncService to a local
// pouchdb-server (until the server has them all); pulling them into a fresh
// profile's replica and out through the bridge's pull, decoded and checked;
// and the whole pull as the app does it: a fresh profile in Chromium, the
// real renderer and its sync agent, from turning sync on until IndexedDB
// holds every span. Baseline: PouchDB replicating the same documents by
// itself, without the app's mapping, in the same run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toCouchDoc } from '../core/sync/couch-docs';
import type { SyncRecord } from '../core/sync/couch-records';
import { openPouch } from '../main/services/sync/pouch';
import { SyncService } from '../main/services/sync/sync-service';
import { defaultDeps, openApp } from '../tests/support/app-page';
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

/** Rows in the profile's spans table, counted with the raw IndexedDB API. */
const storedSpans = (page: import('playwright-core').Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('seed-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('spans', 'readonly').objectStore('spans').count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
  );

/**
 * The floor under the in-app pull: the same number of span rows put with the raw IndexedDB API into a
 * store with the spans table's indexes, 500 a transaction, durability strict (as the app's), in the same page.
 */
const rawSpanPuts = (page: import('playwright-core').Page, spans: number) =>
  page.evaluate(
    (count) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(`bench-raw-spans-${Date.now()}`, 1);
        open.onupgradeneeded = () => {
          const store = open.result.createObjectStore('spans', { keyPath: 'id' });
          store.createIndex('docId+start', ['docId', 'start']);
          store.createIndex('label+docId', ['label', 'docId']);
          store.createIndex('annotator', 'annotator');
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = async () => {
          const db = open.result;
          const t = performance.now();
          for (let from = 0; from < count; from += 500) {
            await new Promise<void>((done, fail) => {
              const tx = db.transaction('spans', 'readwrite', { durability: 'strict' });
              const store = tx.objectStore('spans');
              for (let i = from; i < Math.min(from + 500, count); i++) {
                const doc = `d${Math.floor(i / 100)}`;
                store.put({
                  id: `s${i}`,
                  docId: doc,
                  start: (i % 100) * 10,
                  end: (i % 100) * 10 + 5,
                  label: 'actor',
                  text: 'Docum',
                  note: '',
                  annotator: 'bench',
                  createdAt: 1,
                  updatedAt: 1,
                  version: 1,
                });
              }
              tx.oncomplete = () => done();
              tx.onerror = () => fail(tx.error);
            });
          }
          const ms = performance.now() - t;
          db.close();
          resolve(ms);
        };
      }),
    spans,
  );

/** A fresh app profile in Chromium turns sync on; ms until its IndexedDB holds all `spans` (main's side in this process). */
async function pullIntoApp(
  url: string,
  database: string,
  spans: number,
): Promise<{ ms: number; raw: number; parts: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'seed-sync-bench-app-'));
  const sync = new SyncService({ dir: path.join(dataDir, 'sync'), secrets: fakeSecrets, maxBackOff: 500 });
  // Main's share of the pull: its handler's time (replica read, decode, check), apart from the bridge's.
  let mainPull = 0;
  const pull = sync.pull.bind(sync);
  sync.pull = async (since, limit) => {
    const t = performance.now();
    try {
      return await pull(since, limit);
    } finally {
      mainPull += performance.now() - t;
    }
  };
  const s = await openApp(undefined, { ...defaultDeps({ dataDir }), sync }, { syncTick: '250' });
  try {
    const before = await storedSpans(s.page);
    const t = performance.now();
    await s.page.evaluate(
      ({ url, database }) => window.workbench!.syncConfigure({ url, database, username: '', enabled: true }),
      { url, database },
    );
    await until(async () => (await storedSpans(s.page)) - before >= spans, 900_000);
    const ms = performance.now() - t;
    const raw = await rawSpanPuts(s.page, spans);
    const parts = await s.page.evaluate(() =>
      ['sync: bridge pull', 'sync: apply', 'list-render'].map((name) =>
        Math.round(performance.getEntriesByName(name).reduce((sum, e) => sum + e.duration, 0)),
      ),
    );
    return {
      ms,
      raw,
      parts: `bridge pull ${parts[0]} ms of which main's handler ${Math.round(mainPull)} ms, IndexedDB apply ${parts[1]} ms, document list redrawn ${parts[2]} ms`,
    };
  } finally {
    await s.context.close();
    await sync.close();
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

    const inApp = await pullIntoApp(server.url, 'bench', spans);

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
        detail: `${detail}; main's side only`,
      },
      {
        name: 'sync: pull them into a fresh app profile (through IndexedDB)',
        ours: inApp.ms,
        baseline: inApp.raw,
        unit: 'ms',
        goal: '< 60 s',
        met: inApp.ms < goal,
        detail: `${detail}; Chromium, the renderer's sync agent, until the spans table holds them all (${inApp.parts}); baseline: the same number of span rows put with the raw IndexedDB API, 500 a transaction, same indexes`,
      },
    ];
  } finally {
    await server.stop();
  }
}
