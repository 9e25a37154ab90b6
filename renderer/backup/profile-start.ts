// A start, as the profile marker sees it (core/profile-marker.ts): read main's
// marker and the database's side, decide, and keep the two in step. The id is
// stored in the database before main's marker is written, so a crash between
// the two leaves a database main does not name yet, which the next start
// adopts; never a marker naming a database that was never marked. The marker
// also carries who annotates here (core/profile-marker.ts): written whenever
// it changes, and given back to a database the browser dropped.
import type { WorkbenchBridge } from '../../core/bridge';
import {
  identityFields,
  markerOf,
  sameIdentity,
  startKind,
  type MarkerRead,
  type ProfileMarker,
  type StartKind,
} from '../../core/profile-marker';
import { ensureProfileId, storedProfile } from '../db/profile-repo';
import type { WorkbenchDb } from '../db/schema';
import { adoptIdentity, localIdentity } from '../db/sync-state';

type MarkerBridge = Pick<WorkbenchBridge, 'readProfileMarker' | 'writeProfileMarker'>;

export interface ProfileStart {
  kind: StartKind;
  marker: MarkerRead;
}

export async function checkProfile(db: WorkbenchDb, bridge: MarkerBridge): Promise<ProfileStart> {
  const [marker, stored] = await Promise.all([bridge.readProfileMarker(undefined), storedProfile(db)]);
  return { kind: startKind(marker, stored), marker };
}

/**
 * Marks the database as this profile's and writes main's marker to name it, with who annotates here as far
 * as the database knows (nothing to write on `continue`). Returns the marker main now holds.
 */
export async function markProfile(
  db: WorkbenchDb,
  bridge: MarkerBridge,
  start: ProfileStart,
): Promise<ProfileMarker | undefined> {
  if (start.kind === 'continue') return markerOf(start.marker);
  const profileId = await ensureProfileId(db);
  const marker: ProfileMarker = {
    profileId,
    heldDataSince: markerOf(start.marker)?.heldDataSince ?? Date.now(),
    ...identityFields(await localIdentity(db)),
  };
  await bridge.writeProfileMarker(marker);
  return marker;
}

/**
 * A start that found the database dropped: the annotator the marker names is this database's again
 * (before anything asks who she is), so the backups' spans, which carry her name or id, are her layer.
 */
export async function restoreIdentity(db: WorkbenchDb, start: ProfileStart): Promise<boolean> {
  const marker = markerOf(start.marker);
  if (start.kind !== 'database-lost' || !marker) return false;
  return adoptIdentity(db, identityFields(marker));
}

/**
 * Writes who annotates here into main's marker when it does not say so yet (a marker from before it kept
 * her, a new name). `known`: the marker as this start already has it, so that no read is needed.
 */
export async function markIdentity(db: WorkbenchDb, bridge: MarkerBridge, known?: ProfileMarker): Promise<void> {
  const marker = known ?? markerOf(await bridge.readProfileMarker(undefined));
  if (!marker) return; // none yet, or damaged: the next markProfile writes the whole marker
  const identity = identityFields(await localIdentity(db));
  if (sameIdentity(marker, identity)) return;
  await bridge.writeProfileMarker({ profileId: marker.profileId, heldDataSince: marker.heldDataSince, ...identity });
}
