// main's profile marker on disk: absent, written atomically, read back, and a
// damaged file taken as "data was held", never as "no marker".
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileMarkerFile, PROFILE_MARKER_FILE } from '../../../main/services/profile-marker-file';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'profile-marker-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const marker = { profileId: '0f8fad5b-d9cb-469f-a165-70867728950e', heldDataSince: 1_700_000_000_000 };

describe('ProfileMarkerFile', () => {
  it('reads null where none was written, even in a data folder not made yet', async () => {
    expect(await new ProfileMarkerFile(path.join(freshDir(), 'not-yet')).read()).toBeNull();
  });

  it('writes and reads back, replacing the old marker and leaving no temporary file', async () => {
    const dir = path.join(freshDir(), 'userData');
    const file = new ProfileMarkerFile(dir);
    await file.write(marker);
    expect(await file.read()).toEqual(marker);
    const next = { ...marker, profileId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };
    await file.write(next);
    expect(await file.read()).toEqual(next);
    expect(readdirSync(dir)).toEqual([PROFILE_MARKER_FILE]);
  });

  it('a file that is not a marker reads as damaged (data was held), not as none', async () => {
    const dir = freshDir();
    const file = new ProfileMarkerFile(dir);
    for (const content of ['', '{"profileId":', '{"profileId":"x","heldDataSince":1}', '[]', 'null']) {
      writeFileSync(path.join(dir, PROFILE_MARKER_FILE), content);
      expect(await file.read(), JSON.stringify(content)).toBe('damaged');
    }
  });

  it('an unreadable marker is an error, not "no marker"', async () => {
    const dir = freshDir();
    const file = new ProfileMarkerFile(dir);
    // A folder where the file should be: reading it fails with EISDIR.
    await import('node:fs/promises').then((fs) => fs.mkdir(path.join(dir, PROFILE_MARKER_FILE)));
    await expect(file.read()).rejects.toThrow(/EISDIR/);
  });
});
