// A start, as the profile marker sees it (core/profile-marker.ts): read main's
// marker and the database's side, decide, and keep the two in step. The id is
// stored in the database before main's marker is written, so a crash between
// the two leaves a database main does not name yet, which the next start
// adopts; never a marker naming a database that was never marked.
import type { WorkbenchBridge } from '../../core/bridge';
import { markerOf, startKind, type MarkerRead, type StartKind } from '../../core/profile-marker';
import { ensureProfileId, storedProfile } from '../db/profile-repo';
import type { WorkbenchDb } from '../db/schema';

type MarkerBridge = Pick<WorkbenchBridge, 'readProfileMarker' | 'writeProfileMarker'>;

export interface ProfileStart {
  kind: StartKind;
  marker: MarkerRead;
}

export async function checkProfile(db: WorkbenchDb, bridge: MarkerBridge): Promise<ProfileStart> {
  const [marker, stored] = await Promise.all([bridge.readProfileMarker(undefined), storedProfile(db)]);
  return { kind: startKind(marker, stored), marker };
}

/** Marks the database as this profile's and writes main's marker to name it (nothing to do on `continue`). */
export async function markProfile(db: WorkbenchDb, bridge: MarkerBridge, start: ProfileStart): Promise<void> {
  if (start.kind === 'continue') return;
  const profileId = await ensureProfileId(db);
  await bridge.writeProfileMarker({ profileId, heldDataSince: markerOf(start.marker)?.heldDataSince ?? Date.now() });
}
