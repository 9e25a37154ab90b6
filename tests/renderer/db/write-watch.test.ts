// The watcher the backups and sync hang on: every write to what a backup holds
// is told, relations and rejections included; the suggesters' own rows are not
// (they are rewritten on every open), kept suggestions are.
import { describe, expect, it } from 'vitest';
import type { Rejection, Relation, Suggestion } from '../../../core/model';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { watchWrites } from '../../../renderer/db/write-watch';

let n = 0;
const suggestion = (kept: boolean): Suggestion => ({
  id: `d:0:3:actor:${kept}`,
  docId: 'd',
  start: 0,
  end: 3,
  label: 'actor',
  text: 'NCA',
  source: kept ? 'projection' : 'actors',
  score: 1,
  createdAt: 1,
  ...(kept ? { kept: true } : {}),
});

describe('watchWrites', () => {
  it('tells of writes to relations, rejections and kept suggestions, not of the suggesters’ rows', async () => {
    let told = 0;
    const db = openWorkbenchDb(`test-write-watch-${n++}`);
    watchWrites(db, 'test', () => told++); // before the first open, as the app does
    await db.open();
    const settle = () => new Promise((r) => setTimeout(r, 0));
    await settle();
    told = 0; // the first open writes the default labels
    await db.suggestions.put(suggestion(false));
    await settle();
    expect(told).toBe(0);
    await db.suggestions.put(suggestion(true));
    await settle();
    expect(told).toBe(1);
    const rejection: Rejection = {
      docId: 'd',
      start: 0,
      end: 3,
      label: 'actor',
      text: 'NCA',
      source: 'actors',
      rejectedAt: 1,
    };
    await db.rejections.put(rejection);
    await settle();
    expect(told).toBe(2);
    const relation: Relation = {
      id: 'r',
      docId: 'd',
      head: 'a',
      child: 'b',
      label: 'funds',
      version: 1,
      createdAt: 1,
      updatedAt: 1,
    };
    await db.relations.put(relation);
    await settle();
    expect(told).toBe(3);
  });
});
