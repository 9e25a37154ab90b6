// The profile marker's identity: written when it changes, never over another
// profile's marker, and given back to a database the browser dropped.
import { describe, expect, it } from 'vitest';
import type { MarkerRead, ProfileMarker } from '../../../core/profile-marker';
import { checkProfile, markIdentity, markProfile, restoreIdentity } from '../../../renderer/backup/profile-start';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { putSetting } from '../../../renderer/db/settings-repo';
import { localAnnotator, localIdentity } from '../../../renderer/db/sync-state';

let n = 0;
const fresh = () => openWorkbenchDb(`test-profile-start-${n++}`);

/** Main's side: the marker file, as a value. */
function markerBridge(initial: MarkerRead = null) {
  let marker: MarkerRead = initial;
  const writes: ProfileMarker[] = [];
  return {
    writes,
    get marker() {
      return marker;
    },
    readProfileMarker: async () => marker,
    writeProfileMarker: async (m: ProfileMarker) => {
      writes.push(m);
      marker = m;
    },
  };
}

describe('the identity in the profile marker', () => {
  it('a first start marks the profile with her id; an unchanged identity writes nothing; a new name is written once', async () => {
    const db = fresh();
    const bridge = markerBridge();
    const start = await checkProfile(db, bridge);
    const id = await localAnnotator(db); // made before the marker (renderer/main.ts), so the marker names her
    const marked = await markProfile(db, bridge, start);
    expect(bridge.writes).toEqual([marked]);
    expect(marked).toMatchObject({ annotatorId: id });
    await markIdentity(db, bridge, marked);
    await markIdentity(db, bridge);
    expect(bridge.writes).toHaveLength(1); // unchanged: nothing written, with or without the known marker
    await putSetting(db, 'annotatorName', 'Maria');
    await markIdentity(db, bridge);
    expect(bridge.marker).toEqual({ ...marked, annotatorName: 'Maria', annotatorId: id });
  });

  it('a marker from before it kept her is completed from the one this start read, without reading again', async () => {
    const db = fresh();
    const bridge = markerBridge();
    await markProfile(db, bridge, await checkProfile(db, bridge)); // no identity in the database yet
    const old = bridge.marker as ProfileMarker;
    expect(Object.keys(old).sort()).toEqual(['heldDataSince', 'profileId']);
    const start = await checkProfile(db, bridge);
    expect(start.kind).toBe('continue');
    const id = await localAnnotator(db);
    let reads = 0;
    const counting = { ...bridge, readProfileMarker: async () => (reads++, bridge.marker) };
    await markIdentity(db, counting, await markProfile(db, counting, start));
    expect(reads).toBe(0);
    expect(bridge.marker).toEqual({ ...old, annotatorId: id });
  });

  it('a dropped database takes back her name and id before anyone asks, and the new marker keeps them', async () => {
    const old = fresh();
    const bridge = markerBridge();
    await markProfile(old, bridge, await checkProfile(old, bridge));
    const id = await localAnnotator(old);
    await putSetting(old, 'annotatorName', 'Maria');
    await markIdentity(old, bridge);
    const before = bridge.marker as ProfileMarker;

    const dropped = fresh(); // what the browser hands over: empty, unmarked
    const start = await checkProfile(dropped, bridge);
    expect(start.kind).toBe('database-lost');
    expect(await restoreIdentity(dropped, start)).toBe(true);
    expect(await localIdentity(dropped)).toEqual({ annotatorName: 'Maria', annotatorId: id });
    await markProfile(dropped, bridge, start); // after the user's choice
    const after = bridge.marker as ProfileMarker;
    expect(after.profileId).not.toBe(before.profileId);
    expect(after).toEqual({ ...before, profileId: after.profileId });
  });

  it('gives nothing back on a start that is not a lost database, nor from a damaged marker', async () => {
    const db = fresh();
    const bridge = markerBridge();
    expect(await restoreIdentity(db, await checkProfile(db, bridge))).toBe(false); // a first start
    const damaged = markerBridge('damaged');
    const start = await checkProfile(db, damaged);
    expect(start.kind).toBe('database-lost');
    expect(await restoreIdentity(db, start)).toBe(false);
    await markIdentity(db, damaged);
    expect(damaged.writes).toEqual([]); // the whole marker is written by markProfile, not here
    expect(await localIdentity(db)).toEqual({});
  });
});
