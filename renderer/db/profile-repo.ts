// The database's side of the profile marker (core/profile-marker.ts): the
// profile id kept in settings, and whether any document is stored. Main keeps
// the other side, outside IndexedDB.
import type { StoredProfile } from '../../core/profile-marker';
import type { WorkbenchDb } from './schema';
import { getSetting, putSetting } from './settings-repo';

export async function storedProfile(db: WorkbenchDb): Promise<StoredProfile> {
  const [profileId, first] = await Promise.all([
    getSetting(db, 'profileId', undefined),
    db.documents.limit(1).primaryKeys(),
  ]);
  return { profileId, hasDocuments: first.length > 0 };
}

/** The database's profile id, made (a random UUID) and stored if it has none yet. */
export async function ensureProfileId(db: WorkbenchDb): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const known = await getSetting(db, 'profileId', undefined);
    if (known !== undefined) return known;
    const made = crypto.randomUUID();
    await putSetting(db, 'profileId', made);
    return made;
  });
}
