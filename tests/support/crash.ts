// Helpers for the crash-safety suite: a seeded PRNG, a hard kill of the
// Chromium that runs one profile, and an integrity check of the raw
// IndexedDB contents after a restart.
import { execFileSync } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function prng(seed: number): { next(): number; int(n: number): number; pick<T>(items: readonly T[]): T } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)] };
}

/** Pids of every process whose command line names this (unique, temporary) profile folder. */
export function processesOf(profileDir: string): number[] {
  try {
    const out = execFileSync('pgrep', ['-f', '--', profileDir], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .filter((pid) => pid !== process.pid);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/**
 * SIGKILLs the browser of `profileDir` and its helpers: no unload, no
 * IndexedDB shutdown, as when the machine's power goes or the OOM killer
 * strikes. Persistent contexts give no browser process handle, so the pids
 * come from the command lines, which all carry --user-data-dir=<profileDir>.
 */
export async function killHard(context: BrowserContext, profileDir: string): Promise<number> {
  const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
  const pids = processesOf(profileDir);
  if (pids.length === 0) throw new Error(`no Chromium process found for ${profileDir}`);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone with its parent */
    }
  }
  await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000))]);
  for (let i = 0; i < 50 && processesOf(profileDir).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  return pids.length;
}

export interface IntegrityReport {
  documents: number;
  spans: number;
  problems: string[];
  /** docId -> "start:end:label" of each span, sorted. */
  spanKeys: Record<string, string[]>;
  /** docId -> document name, from the same read. */
  names: Record<string, string>;
}

/**
 * Reads the database raw, in one read-only transaction, and lists every
 * structural problem: what a half-written change would leave.
 */
export function checkIntegrity(page: Page, dbName = 'seed-workbench'): Promise<IntegrityReport> {
  return page.evaluate(async (dbName) => {
    // Opening a database that does not exist would create an empty one: look first.
    if (!(await indexedDB.databases()).some((d) => d.name === dbName))
      return { documents: 0, spans: 0, problems: [], spanKeys: {}, names: {} };
    return new Promise<IntegrityReport>((resolve, reject) => {
      const open = indexedDB.open(dbName);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['documents', 'texts', 'spans'], 'readonly');
        const all: Record<string, unknown[]> = {};
        for (const store of ['documents', 'texts', 'spans']) {
          const req = tx.objectStore(store).getAll();
          req.onsuccess = () => {
            all[store] = req.result;
          };
        }
        tx.oncomplete = () => {
          db.close();
          type Doc = { id: string; name: string; sha256: string; length: number; spanCount: number };
          type Sp = { id: string; docId: string; start: number; end: number; label: string; text: string };
          const docs = all.documents as Doc[];
          const texts = new Map((all.texts as Array<{ id: string; text: string }>).map((t) => [t.id, t.text]));
          const spans = all.spans as Sp[];
          const problems: string[] = [];
          const shas = new Set<string>();
          const counts = new Map<string, number>();
          const spanKeys: Record<string, string[]> = {};
          for (const d of docs) {
            if (shas.has(d.sha256)) problems.push(`duplicate sha256 ${d.sha256}`);
            shas.add(d.sha256);
            const text = texts.get(d.id);
            if (text === undefined) problems.push(`document ${d.id} has no text`);
            else if (text.length !== d.length)
              problems.push(`document ${d.id}: length ${d.length}, text ${text.length}`);
          }
          const docIds = new Set(docs.map((d) => d.id));
          for (const id of texts.keys()) if (!docIds.has(id)) problems.push(`text ${id} has no document`);
          for (const s of spans) {
            const text = texts.get(s.docId);
            counts.set(s.docId, (counts.get(s.docId) ?? 0) + 1);
            (spanKeys[s.docId] ??= []).push(`${s.start}:${s.end}:${s.label}`);
            if (!docIds.has(s.docId) || text === undefined) {
              problems.push(`span ${s.id} has no document ${s.docId}`);
              continue;
            }
            if (!(s.start >= 0 && s.start < s.end && s.end <= text.length))
              problems.push(`span ${s.id} ${s.start}-${s.end} outside its text (${text.length})`);
            else if (text.slice(s.start, s.end) !== s.text)
              problems.push(`span ${s.id} quotes "${s.text}", text has "${text.slice(s.start, s.end)}"`);
          }
          for (const d of docs)
            if ((counts.get(d.id) ?? 0) !== d.spanCount)
              problems.push(`document ${d.id}: spanCount ${d.spanCount}, spans ${counts.get(d.id) ?? 0}`);
          for (const k of Object.keys(spanKeys)) spanKeys[k].sort();
          const names = Object.fromEntries(docs.map((d) => [d.id, d.name]));
          resolve({ documents: docs.length, spans: spans.length, problems, spanKeys, names });
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, dbName);
}

/**
 * The derived indexes against the documents, read raw in one transaction: each document is either still
 * marked unindexed (and in no posting row) or indexed (a signature), never both, and no mark names a
 * document that is not stored. `marked` counts the documents waiting.
 */
export function checkIndexes(page: Page, dbName = 'seed-workbench'): Promise<{ marked: number; problems: string[] }> {
  return page.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(dbName);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    const stores = ['documents', 'signatures', 'terms', 'unindexed'] as const;
    const tx = db.transaction([...stores], 'readonly');
    const all: Record<string, unknown[]> = {};
    for (const store of stores) {
      const req = tx.objectStore(store).getAll();
      req.onsuccess = () => (all[store] = req.result);
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const docIds = new Set((all.documents as Array<{ id: string }>).map((d) => d.id));
    const signed = new Set((all.signatures as Array<{ id: string }>).map((s) => s.id));
    const posted = new Set((all.terms as Array<{ ids: string[] }>).flatMap((t) => t.ids));
    const marked = (all.unindexed as Array<{ ids: string[] }>).flatMap((u) => u.ids);
    const problems: string[] = [];
    const markedSet = new Set(marked);
    if (markedSet.size !== marked.length) problems.push('a document is marked unindexed twice');
    for (const id of marked) {
      if (!docIds.has(id)) problems.push(`unindexed mark names ${id}, which is not stored`);
      if (signed.has(id) || posted.has(id)) problems.push(`document ${id} is both marked and indexed`);
    }
    for (const id of docIds)
      if (!markedSet.has(id) && !signed.has(id)) problems.push(`document ${id} is neither indexed nor marked`);
    return { marked: marked.length, problems };
  }, dbName);
}

const DEFAULT_KILL_POINTS = 200;

/** Kill points a crash run must reach: SEED_CRASH_POINTS (`npm run soak` sets 1,000), else 200. */
export function crashTarget(): number {
  const raw = process.env.SEED_CRASH_POINTS;
  if (raw === undefined || raw === '') return DEFAULT_KILL_POINTS;
  const target = Number(raw);
  if (!Number.isInteger(target) || target < 10)
    throw new Error(`SEED_CRASH_POINTS must be an integer of at least 10, got ${JSON.stringify(raw)}`);
  return target;
}

/** A kill point is one SIGKILL of a whole browser (every process of its profile); each counted by kind. */
export interface KillPoints {
  edits: number;
  seedLoad: number;
  import: number;
}

export const totalKills = (k: KillPoints): number => k.edits + k.seedLoad + k.import;
