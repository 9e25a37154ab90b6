// Notices every write to the corpus tables, whoever makes it (annotation
// queue, label rename, import, restore), without each caller having to
// remember: a Dexie DBCore middleware wraps `mutate` on the watched tables.
// It must be installed before the database is first opened.
import Dexie, { type DBCoreMutateRequest } from 'dexie';

/**
 * What a backup holds: a write to any of these calls for a new snapshot. Relations and rejections are a
 * person's work too. Of the suggestions, only kept rows count (a projection, an import's predictions): the
 * suggesters rewrite their own rows on every open, which is no change to back up.
 */
export const WATCHED_TABLES = ['documents', 'texts', 'spans', 'labels', 'relations', 'rejections', 'suggestions'];

/** Whether a write to `table` is one a watcher is told of (see WATCHED_TABLES). */
function counts(table: string, req: DBCoreMutateRequest): boolean {
  if (table !== 'suggestions') return true;
  return (req.type === 'add' || req.type === 'put') && req.values.some((v) => (v as { kept?: boolean }).kept === true);
}

/**
 * Calls `onWrite` after each write to `tables`. `name` must differ per watcher: Dexie replaces a middleware
 * of the same name (a second watcher once silently unhooked the backups). `onWrite` runs outside the
 * writer's transaction, so whatever it reads never joins (and never ends early) the transaction that wrote.
 */
export function watchWrites(db: Dexie, name: string, onWrite: () => void, tables = WATCHED_TABLES): void {
  db.use({
    stack: 'dbcore',
    name: `write-watch:${name}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!tables.includes(name)) return table;
        return {
          ...table,
          mutate: (req) =>
            table.mutate(req).then((res) => {
              if (counts(name, req)) Dexie.ignoreTransaction(onWrite);
              return res;
            }),
        };
      },
    }),
  });
}
