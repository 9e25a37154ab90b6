// The sync outbox: which records changed since they were last handed to main.
// A Dexie DBCore middleware notes every write to the synced tables in the SAME
// transaction as the write (it widens each read-write transaction by the
// outbox and settings tables), so a crash can never keep a change and lose
// its note, whoever wrote it (annotation, label edit, import, restore). Rows
// are keyed by table and id, so many edits of one span are one row. Nothing is
// noted until sync is switched on (setting `syncEnrolled`), nor for changes
// that came from the server (applySync marks its transaction).
import Dexie, { type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Transaction } from 'dexie';
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

async function affectedKeys(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  switch (req.type) {
    case 'add':
    case 'put':
      return (
        req.keys ??
        (req.type === 'put' && req.updates
          ? req.updates.keys
          : req.values.map((v) => table.schema.primaryKey.extractKey!(v)))
      );
    case 'delete':
      return req.keys;
    case 'deleteRange': {
      const found = await table.query({
        trans: req.trans,
        query: { index: table.schema.primaryKey, range: req.range },
        values: false,
      });
      return found.result;
    }
  }
}

async function note(
  outbox: DBCoreTable,
  name: SyncedTable,
  trans: DBCoreTransaction,
  keys: unknown[],
  rows: Array<Record<string, unknown> | undefined>,
): Promise<void> {
  const stamp = crypto.randomUUID();
  const values = keys.map((k, i) => entryOf(name, String(k), rows[i], stamp));
  if (values.length > 0) await outbox.mutate({ type: 'put', trans, values, keys: values.map((v) => v.key) });
}

/** Installs the middleware; like the write watch, before the database first opens. */
export function noteSyncedWrites(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'sync-outbox',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        const widen =
          mode === 'readwrite' && stores.some(isSynced) && down.schema.tables.some((t) => t.name === OUTBOX_TABLE);
        return down.transaction(widen ? [...new Set([...stores, OUTBOX_TABLE, 'settings'])] : stores, mode, options);
      },
      table: (name) => {
        const table = down.table(name);
        if (!isSynced(name) || !down.schema.tables.some((t) => t.name === OUTBOX_TABLE)) return table;
        return {
          ...table,
          mutate: async (req) => {
            if (fromServer.has(req.trans)) return table.mutate(req);
            const enrolled = (await down.table('settings').get({ trans: req.trans, key: 'syncEnrolled' })) as
              { value?: unknown } | undefined;
            if (enrolled?.value !== true) return table.mutate(req);
            const keys = await affectedKeys(table, req);
            const removing = req.type === 'delete' || req.type === 'deleteRange';
            const before = removing ? await table.getMany({ trans: req.trans, keys }) : [];
            const result = await table.mutate(req);
            const rows = removing ? before : await table.getMany({ trans: req.trans, keys });
            await note(down.table(OUTBOX_TABLE), name, req.trans, keys, rows);
            return result;
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
  const rows = await db.table<OutboxEntry, string>(OUTBOX_TABLE).bulkGet([...keys]);
  return new Set(rows.filter((r): r is OutboxEntry => r !== undefined).map((r) => r.key));
}
