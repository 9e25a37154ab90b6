// The sync outbox: which records changed since they were last handed to main.
// A Dexie DBCore middleware notes every write to the synced tables, whoever
// wrote it (annotation, label edit, import, restore), as soon as the write's
// transaction has committed. (Noting inside the write's own transaction, which
// would also cover a crash in the milliseconds between the two, made Chromium
// abort app writes with TransactionInactiveError under load; the app's writes
// come first.) Rows
// are keyed by table and id, so many edits of one span are one row. Nothing is
// noted until sync is switched on (setting `syncEnrolled`), nor for changes
// that came from the server (applySync marks its transaction).
import Dexie, { type DBCoreMutateRequest, type DBCoreTable, type Transaction } from 'dexie';
import type { WorkbenchDb } from './schema';

export const OUTBOX_TABLE = 'syncOutbox';
export const SYNCED_TABLES = ['documents', 'spans', 'labels', 'relations'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

export interface OutboxEntry {
  /** `${table}|${id}` */
  key: string;
  table: SyncedTable;
  id: string;
  /** Spans and relations: their document and annotator, kept so a removal can still be named. */
  docId?: string;
  annotator?: string;
  /** Changes with every note: an entry is settled only if it was not noted again meanwhile. */
  stamp: string;
}

const fromServer = new WeakSet<object>();

/** Marks the running transaction as applying the server's changes: they are not noted for sending back. */
export function markFromServer(): void {
  const tx = Dexie.currentTransaction as (Transaction & { idbtrans: object }) | null;
  if (!tx) throw new Error('markFromServer must run inside a transaction');
  fromServer.add(tx.idbtrans);
}

const isSynced = (name: string): name is SyncedTable => (SYNCED_TABLES as readonly string[]).includes(name);

function entryOf(table: SyncedTable, id: string, row: Record<string, unknown> | undefined, stamp: string): OutboxEntry {
  const entry: OutboxEntry = { key: `${table}|${id}`, table, id, stamp };
  if (row && typeof row.docId === 'string') entry.docId = row.docId;
  if (row && typeof row.annotator === 'string') entry.annotator = row.annotator;
  return entry;
}

/** Whether sync is on, per database: read when the database opens, set when sync is switched on. */
const enrolled = new WeakMap<Dexie, boolean>();

export function setNoting(db: Dexie, on: boolean): void {
  enrolled.set(db, on);
}

function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') return [];
  if (req.keys) return req.keys;
  if (req.type === 'put' && req.updates) return req.updates.keys;
  return req.values.map((v) => table.schema.primaryKey.extractKey!(v));
}

/** Notes waiting for their write's transaction to commit. */
const waiting = new WeakMap<object, OutboxEntry[]>();

/**
 * Collects the notes of one write (from the request alone: no read, no extra
 * request inside the app's transaction) and writes them once that transaction
 * has committed, in a transaction of their own. An aborted write notes
 * nothing. A note written for a change that did not happen is harmless (the
 * record is read as it is when sent).
 */
function noteAfterCommit(db: Dexie, table: DBCoreTable, name: SyncedTable, req: DBCoreMutateRequest): void {
  const keys = keysOf(table, req);
  if (keys.length === 0) return;
  const rows = req.type === 'add' || req.type === 'put' ? (req.values as Array<Record<string, unknown>>) : [];
  const stamp = crypto.randomUUID();
  const entries = keys.map((k, i) => entryOf(name, String(k), rows[i], stamp));
  const trans = req.trans as unknown as EventTarget;
  const list = waiting.get(trans);
  if (list) return void list.push(...entries);
  waiting.set(trans, entries);
  trans.addEventListener('complete', () => {
    const all = waiting.get(trans) ?? [];
    waiting.delete(trans);
    const written: Promise<unknown> = db
      .table<OutboxEntry, string>(OUTBOX_TABLE)
      .bulkPut(all)
      .catch((error: unknown) => noteFailed?.(error))
      .finally(() => inFlight.delete(written));
    inFlight.add(written);
  });
  trans.addEventListener('abort', () => waiting.delete(trans));
}

const inFlight = new Set<Promise<unknown>>();

/** Resolves once every note of a committed write is in the outbox (tests; the agent before reading it). */
export async function notesWritten(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}

/** Told when a note could not be written (the agent shows it); the change itself is stored. */
let noteFailed: ((error: unknown) => void) | undefined;
export function onNoteFailed(listener: (error: unknown) => void): void {
  noteFailed = listener;
}

/** Installs the middleware; like the write watch, before the database first opens. */
export function noteSyncedWrites(db: Dexie): void {
  // Whether sync is on is set by the agent (renderer/sync/agent.ts) before it reads the outbox, on every
  // round; no read is made here (a read issued while the database opens made Chromium report
  // "transaction is not active" for the app's first writes).
  db.use({
    stack: 'dbcore',
    name: 'sync-outbox',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!isSynced(name) || !down.schema.tables.some((t) => t.name === OUTBOX_TABLE)) return table;
        return {
          ...table,
          mutate: (req) => {
            if (enrolled.get(db) === true && !fromServer.has(req.trans)) noteAfterCommit(db, table, name, req);
            return table.mutate(req);
          },
        };
      },
    }),
  });
}

/** The oldest notes first would need an index; any order is fair enough, as every note is sent. */
export function readOutbox(db: WorkbenchDb, limit: number): Promise<OutboxEntry[]> {
  return db.table<OutboxEntry, string>(OUTBOX_TABLE).limit(limit).toArray();
}

export function countOutbox(db: WorkbenchDb): Promise<number> {
  return db.table(OUTBOX_TABLE).count();
}

/** Removes the notes main has acknowledged, unless a newer write noted them again meanwhile. */
export async function settleOutbox(db: WorkbenchDb, sent: readonly OutboxEntry[]): Promise<void> {
  const table = db.table<OutboxEntry, string>(OUTBOX_TABLE);
  await db.transaction('rw', table, async () => {
    const now = await table.bulkGet(sent.map((e) => e.key));
    const done = sent.filter((e, i) => now[i]?.stamp === e.stamp).map((e) => e.key);
    await table.bulkDelete(done);
  });
}

/** Keys whose local change has not reached main yet: a remote change must not overwrite them. */
export async function pendingKeys(db: WorkbenchDb, keys: readonly string[]): Promise<Set<string>> {
  const outbox = db.table<OutboxEntry, string>(OUTBOX_TABLE);
  // Usually nothing is waiting (always so in a fresh profile's first pull): one count instead of a lookup a key.
  if ((await outbox.count()) === 0) return new Set();
  const rows = await outbox.bulkGet([...keys]);
  return new Set(rows.filter((r): r is OutboxEntry => r !== undefined).map((r) => r.key));
}
