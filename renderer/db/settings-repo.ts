// Small persistent settings (last document, layout, flags).
import type { WorkbenchDb } from './schema';

export async function getSetting<T>(db: WorkbenchDb, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function putSetting(db: WorkbenchDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
