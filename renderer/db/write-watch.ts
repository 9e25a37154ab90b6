// Notices every write to the corpus tables, whoever makes it (annotation
// queue, label rename, import, restore), without each caller having to
// remember: a Dexie DBCore middleware wraps `mutate` on the watched tables.
// It must be installed before the database is first opened.
import Dexie from 'dexie';

export const WATCHED_TABLES = ['documents', 'texts', 'spans', 'labels'];

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
              Dexie.ignoreTransaction(onWrite);
              return res;
            }),
        };
      },
    }),
  });
}
