// Layers in the store: a colleague's spans keep her name, identical spans of
// two annotators are two rows, a re-import merges layers instead of dropping
// them, and renaming the local annotator carries her spans along.
import { describe, expect, it } from 'vitest';
import type { IncomingDocument } from '../../../core/model';
import { storeDocuments } from '../../../renderer/db/documents-repo';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { listSpans } from '../../../renderer/db/spans-repo';
import { hasLayer, namedAnnotators, readAllLayers, renameAnnotator } from '../../../renderer/db/teams-repo';

let n = 0;
const freshDb = () => openWorkbenchDb(`test-teams-${n++}`);
const TEXT = 'Priti Patel met Italy.';
const doc = (id: string, spans: IncomingDocument['spans']): IncomingDocument => ({
  id,
  name: `${id}.txt`,
  text: TEXT,
  sha256: 'sha-one',
  source: `/x/${id}`,
  spans,
});
const actor = (annotator?: string) => ({ start: 0, end: 11, label: 'actor', ...(annotator && { annotator }) });

describe('annotators’ layers in IndexedDB', () => {
  it('keeps two annotators’ identical spans as two rows with their own ids, and merges layers on a re-import', async () => {
    const db = freshDb();
    await storeDocuments(db, [doc('a', [actor('ann')])], 1, 'me');
    // Same text from bob (dedup by sha256): his identical span is his layer, not a duplicate.
    const result = await storeDocuments(db, [doc('b', [actor('bob'), actor('ann')])], 2, 'me');
    expect(result).toMatchObject({ added: 0, existing: 1, spansAdded: 1 });
    const spans = await listSpans(db, 'a');
    expect(spans.map((s) => s.annotator).sort()).toEqual(['ann', 'bob']);
    expect(new Set(spans.map((s) => s.id)).size).toBe(2);
    // My own unnamed span, and the same span naming me, are one annotation.
    await storeDocuments(db, [doc('c', [actor()])], 3, 'me');
    expect(await storeDocuments(db, [doc('d', [actor('me')])], 4, 'me')).toMatchObject({ spansAdded: 0 });
    expect((await listSpans(db, 'a')).length).toBe(3);
    expect(await namedAnnotators(db)).toEqual(['ann', 'bob']);
    expect(await hasLayer(db, 'curation')).toBe(false);
  });

  it('renames the local annotator’s spans with a new version; reads every layer in name order', async () => {
    const db = freshDb();
    await storeDocuments(db, [doc('a', [actor('ann'), { start: 16, end: 21, label: 'country', annotator: 'ann' }])], 1);
    expect(await renameAnnotator(db, 'ann', 'anna', 9)).toBe(2);
    const spans = await listSpans(db, 'a');
    expect(spans.map((s) => [s.annotator, s.updatedAt])).toEqual([
      ['anna', 9],
      ['anna', 9],
    ]);
    const layers = await readAllLayers(db);
    expect(layers.map((l) => [l.id, l.sha256, l.spans.length])).toEqual([['a', 'sha-one', 2]]);
  });
});
