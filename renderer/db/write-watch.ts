// Notices every write to the corpus tables, whoever makes it (annotation
// queue, label rename, import, restore), without each caller having to
// remember: a Dexie DBCore middleware wraps `mutate` on the watched tables.
// It must be installed before the database is first opened.
import type Dexie from 'dexie';

export const WATCHED_TABLES = ['documents', 'texts', 'spans', 'labels'];

export function watchWrites(db: Dexie, onWrite: () => void, tables = WATCHED_TABLES): void {
  db.use({
    stack: 'dbcore',
    name: 'backup-watch',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!tables.includes(name)) return table;
        return {
          ...table,
          mutate: (req) =>
            table.mutate(req).then((res) => {
              onWrite();
              return res;
            }),
        };
      },
    }),
  });
}
