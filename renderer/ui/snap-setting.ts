// Word snapping: the one owner of the snap mode. Commands read it when they
// tag; the W key, the menu and the label bar's toggle change it; it is kept
// across restarts.
import type { SnapMode } from '../../core/spans/snap';
import type { WorkbenchDb } from '../db/schema';
import { getSetting, putSetting } from '../db/settings-repo';

export class SnapSetting {
  private current: SnapMode = 'word';

  constructor(private readonly db: WorkbenchDb) {}

  get mode(): SnapMode {
    return this.current;
  }

  async load(): Promise<void> {
    this.current = await getSetting(this.db, 'snapMode', 'word');
  }

  /** Switches between word and exact selections; returns what to tell the researcher. */
  async toggle(): Promise<string> {
    this.current = this.current === 'word' ? 'exact' : 'word';
    await putSetting(this.db, 'snapMode', this.current);
    return this.current === 'word' ? 'Selections snap to whole words.' : 'Selections keep their exact characters.';
  }
}
