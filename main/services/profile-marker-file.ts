// Keeps the profile marker (core/profile-marker.ts) in <dataDir>/profile.json,
// beside the backups and outside IndexedDB, so that it survives whatever the
// browser engine does to the database. Written to a temporary file, flushed,
// then renamed over the old one: a crash leaves the old marker or the new one.
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { isProfileMarker, type MarkerRead, type ProfileMarker } from '../../core/profile-marker';
import { tempPathFor } from './jsonl-writer';

export const PROFILE_MARKER_FILE = 'profile.json';

export class ProfileMarkerFile {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = path.join(dataDir, PROFILE_MARKER_FILE);
  }

  /**
   * The marker, or null when there is none. A file that is there but is not a
   * marker (damaged) still says the profile held data: 'damaged', never null.
   */
  async read(): Promise<MarkerRead> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    return isProfileMarker(parsed) ? parsed : 'damaged'; // the schema is strict: nothing else rides along
  }

  async write(marker: ProfileMarker): Promise<void> {
    await mkdir(path.dirname(this.path), { recursive: true });
    const temp = tempPathFor(this.path);
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(`${JSON.stringify(marker)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temp, this.path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}
