// Who annotates in this profile, as the database keeps it: her name, or the id
// made for her before she gave one; and a database that knows nobody (the
// browser dropped the old one) taking back the identity main kept.
import { describe, expect, it } from 'vitest';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { putSetting } from '../../../renderer/db/settings-repo';
import { adoptIdentity, localAnnotator, localIdentity } from '../../../renderer/db/sync-state';

let n = 0;
const fresh = () => openWorkbenchDb(`test-identity-${n++}`);

describe('the local annotator identity', () => {
  it('is empty in a new database, the made id once asked for, and the name once given', async () => {
    const db = fresh();
    expect(await localIdentity(db)).toEqual({});
    const made = await localAnnotator(db);
    expect(made).toMatch(/^annotator-[0-9a-f]{8}$/);
    expect(await localIdentity(db)).toEqual({ annotatorId: made });
    await putSetting(db, 'annotatorName', '  Maria  ');
    expect(await localIdentity(db)).toEqual({ annotatorName: 'Maria', annotatorId: made });
    expect(await localAnnotator(db)).toBe('Maria');
  });

  it('a database that knows nobody adopts the identity kept elsewhere; one that knows someone keeps its own', async () => {
    const dropped = fresh();
    expect(await adoptIdentity(dropped, { annotatorName: 'Maria', annotatorId: 'annotator-0a1b2c3d' })).toBe(true);
    expect(await localIdentity(dropped)).toEqual({ annotatorName: 'Maria', annotatorId: 'annotator-0a1b2c3d' });
    expect(await localAnnotator(dropped)).toBe('Maria');

    const unnamed = fresh();
    expect(await adoptIdentity(unnamed, { annotatorId: 'annotator-0a1b2c3d' })).toBe(true);
    expect(await localAnnotator(unnamed)).toBe('annotator-0a1b2c3d'); // no new id is made over it

    const own = fresh();
    const mine = await localAnnotator(own);
    expect(await adoptIdentity(own, { annotatorName: 'Maria' })).toBe(false);
    expect(await localIdentity(own)).toEqual({ annotatorId: mine });
    expect(await adoptIdentity(fresh(), {})).toBe(false);
  });
});
