// Suggestions and rejections in IndexedDB (fake-indexeddb): a document's
// suggestions are replaced as a whole, rejected ones are never stored;
// rejections are written (and taken back) as steps of the span history; the
// tagger's training data is every document with accepted spans.
import { describe, expect, it } from 'vitest';
import type { Rejection, Suggestion } from '../../../core/model';
import { storeDocuments } from '../../../renderer/db/documents-repo';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { writeSpanChanges } from '../../../renderer/db/spans-repo';
import {
  annotatedDocuments,
  countTextsMatching,
  listRejections,
  listSuggestions,
  replaceSuggestions,
} from '../../../renderer/db/suggestions-repo';

const TEXT = 'The NCA met the NCA in France.';
let n = 0;
async function freshDb() {
  const db = openWorkbenchDb(`test-suggestions-${n++}`);
  await storeDocuments(db, [
    { id: 'd', name: 'd.txt', text: TEXT, sha256: 'x', source: 'd.txt' },
    { id: 'e', name: 'e.txt', text: 'Nothing here.', sha256: 'y', source: 'e.txt' },
  ]);
  return db;
}
const suggestion = (start: number, end: number, label: string): Suggestion => ({
  id: `d:${start}:${end}:${label}`,
  docId: 'd',
  start,
  end,
  label,
  text: TEXT.slice(start, end),
  source: 'rules',
  score: 0.9,
  createdAt: 1,
});
const rejection = (s: Suggestion): Rejection => ({
  docId: s.docId,
  start: s.start,
  end: s.end,
  label: s.label,
  text: s.text,
  source: s.source,
  rejectedAt: 5,
});

describe('suggestions repository', () => {
  const nca1 = suggestion(4, 7, 'actor');
  const nca2 = suggestion(16, 19, 'actor');
  const france = suggestion(23, 29, 'country');

  it('replaces a document’s suggestions and never stores a rejected one', async () => {
    const db = await freshDb();
    await replaceSuggestions(db, 'd', [nca1, france]);
    expect((await listSuggestions(db, 'd')).map((s) => s.id).sort()).toEqual([france.id, nca1.id].sort());
    await writeSpanChanges(db, 'd', [{ kind: 'reject', rejection: rejection(france) }]);
    expect(await listRejections(db, 'd')).toEqual([rejection(france)]);
    const kept = await replaceSuggestions(db, 'd', [nca1, nca2, france]);
    expect(kept.map((s) => s.id)).toEqual([nca1.id, nca2.id]);
    expect((await listSuggestions(db, 'd')).map((s) => s.id).sort()).toEqual([nca1.id, nca2.id].sort());
    await writeSpanChanges(db, 'd', [{ kind: 'unreject', rejection: rejection(france) }]); // undone
    expect(await listRejections(db, 'd')).toEqual([]);
    expect(await listSuggestions(db, 'e')).toEqual([]);
  });

  it('writes many suggestions a batch at a time, ending with the same rows', async () => {
    const db = await freshDb();
    const many = Array.from({ length: 7 }, (_, i) => ({ ...nca1, id: `d:${i}:${i + 1}:actor`, start: i, end: i + 1 }));
    const kept = await replaceSuggestions(db, 'd', many, 3); // one batch in the first transaction, then two more
    expect(kept.map((s) => s.id)).toEqual(many.map((s) => s.id));
    expect((await listSuggestions(db, 'd')).map((s) => s.id).sort()).toEqual(many.map((s) => s.id).sort());
    await replaceSuggestions(db, 'd', many.slice(0, 2), 3);
    expect((await listSuggestions(db, 'd')).map((s) => s.id).sort()).toEqual(
      many
        .slice(0, 2)
        .map((s) => s.id)
        .sort(),
    );
  });

  it('gives the tagger every document with accepted spans, with its rejections as negatives', async () => {
    const db = await freshDb();
    expect(await annotatedDocuments(db)).toEqual([]);
    const span = {
      id: 's',
      docId: 'd',
      start: 4,
      end: 7,
      label: 'actor',
      text: 'NCA',
      note: '',
      createdAt: 1,
      updatedAt: 1,
    };
    const projected = { ...span, id: 'p', start: 16, end: 19, projected: true };
    await writeSpanChanges(db, 'd', [
      { kind: 'add', span },
      { kind: 'add', span: projected },
      { kind: 'reject', rejection: rejection(france) },
    ]);
    expect(await annotatedDocuments(db)).toEqual([
      {
        id: 'd',
        text: TEXT,
        spans: [{ start: 4, end: 7, label: 'actor' }],
        rejected: [{ start: 23, end: 29, label: 'country' }],
      },
    ]);
  });
});

describe('countTextsMatching', () => {
  it('counts the texts a test passes, reading them a batch at a time', async () => {
    const db = await freshDb();
    const more = Array.from({ length: 7 }, (_, i) => ({
      id: `m${i}`,
      name: `m${i}.txt`,
      text: i % 2 ? 'France again.' : 'No.',
      sha256: `m${i}`,
      source: `m${i}.txt`,
    }));
    await storeDocuments(db, more);
    const seen: string[] = [];
    const found = await countTextsMatching(
      db,
      (text) => (seen.push(text), text.includes('France')),
      3, // batches of 3: 9 texts in 3 full batches, then an empty one
    );
    expect(found).toBe(1 + 3);
    expect(seen).toHaveLength(9);
  });
});
