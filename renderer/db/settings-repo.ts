// Small persistent settings (last document, layout, flags), typed by key:
// `Settings` in rows.ts is the one list of what is kept and as what.
import type { Settings } from './rows';
import type { WorkbenchDb } from './schema';

export async function getSetting<K extends keyof Settings>(
  db: WorkbenchDb,
  key: K,
  fallback: Settings[K],
): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as Settings[K]);
}

export async function putSetting<K extends keyof Settings>(db: WorkbenchDb, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}
