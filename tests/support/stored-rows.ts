// The stored rows of one document, named as the list names it, read and
// written with the raw IndexedDB API (not through the app's code): what the
// Chromium tests check against, and how they plant rows an earlier version
// of the app would have left.
import type { Page } from 'playwright-core';
import { readStore } from './app-page';

/** The id of the stored document named `name`. */
export async function documentIdByName(page: Page, name: string): Promise<string> {
  const doc = (await readStore<{ id: string; name: string }>(page, 'documents')).find((d) => d.name === name);
  if (!doc) throw new Error(`no stored document is named ${name}`);
  return doc.id;
}

/** The rows of `store` that belong to the document named `name`, in reading order. */
export async function rowsOfDocument<T extends { docId: string; start: number }>(
  page: Page,
  store: string,
  name: string,
): Promise<T[]> {
  const id = await documentIdByName(page, name);
  return (await readStore<T>(page, store)).filter((row) => row.docId === id).sort((a, b) => a.start - b.start);
}

/** Puts `rows` into `store` in one transaction, as they are. */
export async function putRows(page: Page, store: string, rows: readonly object[]): Promise<void> {
  await page.evaluate(
    ({ store, rows }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('seed-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, rows },
  );
}
