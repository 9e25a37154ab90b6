// The start decision against main's profile marker: every combination of
// marker (none, one, damaged) and database (empty, marked, data unmarked).
import { describe, expect, it } from 'vitest';
import { checkArgument, BridgeArgumentError } from '../../core/bridge';
import { identityFields, isProfileMarker, sameIdentity, startKind, type MarkerRead } from '../../core/profile-marker';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const marker = (profileId = ID): MarkerRead => ({ profileId, heldDataSince: 1_700_000_000_000 });
const empty = { profileId: undefined, hasDocuments: false };

describe('startKind', () => {
  it('a first start: no marker, an empty database', () => {
    expect(startKind(null, empty)).toBe('first-start');
  });

  it('continues when the database carries the id the marker names', () => {
    expect(startKind(marker(), { profileId: ID, hasDocuments: true })).toBe('continue');
    // Marked, then killed before the seeds were stored: still this profile's database.
    expect(startKind(marker(), { profileId: ID, hasDocuments: false })).toBe('continue');
  });

  it('names a lost database: the marker says data was held, the database is empty and unmarked', () => {
    expect(startKind(marker(), empty)).toBe('database-lost');
    // A marker file that is there but unreadable still says the profile held data.
    expect(startKind('damaged', empty)).toBe('database-lost');
  });

  it('adopts a database with data the marker does not name, and never calls it lost', () => {
    expect(startKind(null, { profileId: undefined, hasDocuments: true })).toBe('adopt'); // before markers
    expect(startKind(null, { profileId: ID, hasDocuments: true })).toBe('adopt'); // the marker file was removed
    expect(startKind(marker(OTHER), { profileId: ID, hasDocuments: true })).toBe('adopt');
    expect(startKind(marker(), { profileId: undefined, hasDocuments: true })).toBe('adopt');
    expect(startKind('damaged', { profileId: ID, hasDocuments: true })).toBe('adopt');
  });
});

describe('the marker shape main accepts from the page', () => {
  it('takes a UUID and a time, nothing else', () => {
    expect(checkArgument('writeProfileMarker', marker())).toEqual(marker());
    for (const bad of [
      { profileId: '../../etc/passwd', heldDataSince: 1 },
      { profileId: ID.toUpperCase(), heldDataSince: 1 },
      { profileId: ID, heldDataSince: -1 },
      { profileId: ID, heldDataSince: 1.5 },
      { profileId: ID },
      { profileId: ID, heldDataSince: 1, path: '/tmp/x' },
      { profileId: ID, heldDataSince: 1, toString: 'x'.repeat(1000) },
      undefined,
    ]) {
      expect(isProfileMarker(bad)).toBe(false);
      expect(() => checkArgument('writeProfileMarker', bad)).toThrow(BridgeArgumentError);
    }
  });

  it('may name who annotates here: a name the card allows, and an id the profile made', () => {
    const named = { ...(marker() as object), annotatorName: 'Maria', annotatorId: 'annotator-0a1b2c3d' };
    expect(checkArgument('writeProfileMarker', named)).toEqual(named);
    expect(isProfileMarker({ ...(marker() as object), annotatorName: 'x'.repeat(200) })).toBe(true);
    for (const bad of [
      { annotatorName: '' },
      { annotatorName: 'x'.repeat(201) },
      { annotatorName: 7 },
      { annotatorId: 'annotator-XYZ' },
      { annotatorId: '../profile' },
      { annotator: 'Maria' },
    ]) {
      expect(isProfileMarker({ ...(marker() as object), ...bad }), JSON.stringify(bad)).toBe(false);
      expect(() => checkArgument('writeProfileMarker', { ...(marker() as object), ...bad })).toThrow(
        BridgeArgumentError,
      );
    }
  });

  it('keeps only identity fields that fit, and tells an unchanged identity', () => {
    expect(identityFields({ annotatorName: 'x'.repeat(201), annotatorId: 'annotator-0a1b2c3d' })).toEqual({
      annotatorId: 'annotator-0a1b2c3d',
    });
    expect(identityFields({ annotatorName: 'Maria', annotatorId: 'someone' })).toEqual({ annotatorName: 'Maria' });
    const m = { profileId: ID, heldDataSince: 1, annotatorName: 'Maria' };
    expect(sameIdentity(m, { annotatorName: 'Maria' })).toBe(true);
    expect(sameIdentity(m, { annotatorName: 'Maria', annotatorId: 'annotator-0a1b2c3d' })).toBe(false);
    expect(sameIdentity(m, {})).toBe(false);
  });

  it('readProfileMarker takes no argument', () => {
    expect(() => checkArgument('readProfileMarker', { path: '/etc/passwd' })).toThrow(BridgeArgumentError);
  });
});
