// The sync outbox: which records changed since they were last handed to main.
// A Dexie DBCore middleware notes every write to the synced tables in the SAME
// transaction as the write (it widens each read-write transaction by the
// outbox table), so a crash can never keep a change and lose
// its note, whoever wrote it (annotation, label edit, import, restore). Rows
// are keyed by table and id, so many edits of one span are one row. Nothing is
// noted until sync is switched on (setting `syncEnrolled`), nor for changes
// that came from the server (applySync marks its transaction).
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type Transaction } from 'dexie';
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

/**
 * The note is issued in the same tick as the write, beside it, with no read
 * before either, and nothing but Dexie's promises in between. A put's row gives the document and the
 * annotator; a removal names the id only, and main finds the record by it.
 * A ranged removal by primary key (a table cleared) is not noted: the app
 * never clears a synced table.
 */
function noteBeside(down: DBCore, table: DBCoreTable, name: SyncedTable, req: DBCoreMutateRequest) {
  const keys = keysOf(table, req);
  const rows = req.type === 'add' || req.type === 'put' ? (req.values as Array<Record<string, unknown>>) : [];
  const stamp = crypto.randomUUID();
  const values = keys.map((k, i) => entryOf(name, String(k), rows[i], stamp));
  const write = table.mutate(req);
  if (values.length === 0) return write;
  const noted = down.table(OUTBOX_TABLE).mutate({ type: 'put', trans: req.trans, values });
  // Chained on Dexie's own promises only: a native Promise (Promise.all, async) here loses Dexie's
  // transaction zone, and the caller's next request finds the transaction committed.
  return write.then((result) => noted.then(() => result));
}

/** Installs the middleware; like the write watch, before the database first opens. */
export function noteSyncedWrites(db: Dexie): void {
  // Read as the first query after opening (not in on('ready'): a ready hook that reads made Chromium report
  // "transaction is not active" for the app's first writes). The app writes nothing of its own before the
  // screen is up, and the agent sets the flag again on every round.
  void db
    .table('settings')
    .get('syncEnrolled')
    .then((row: { value?: unknown } | undefined) => {
      if (row?.value === true) setNoting(db, true);
    })
    .catch(() => undefined);
  db.use({
    stack: 'dbcore',
    name: 'sync-outbox',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        const widen =
          mode === 'readwrite' && stores.some(isSynced) && down.schema.tables.some((t) => t.name === OUTBOX_TABLE);
        return down.transaction(widen ? [...new Set([...stores, OUTBOX_TABLE])] : stores, mode, options);
      },
      table: (name) => {
        const table = down.table(name);
        if (!isSynced(name) || !down.schema.tables.some((t) => t.name === OUTBOX_TABLE)) return table;
        return {
          ...table,
          mutate: (req) =>
            enrolled.get(db) !== true || fromServer.has(req.trans)
              ? table.mutate(req)
              : noteBeside(down, table, name, req),
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
  const rows = await db.table<OutboxEntry, string>(OUTBOX_TABLE).bulkGet([...keys]);
  return new Set(rows.filter((r): r is OutboxEntry => r !== undefined).map((r) => r.key));
}
