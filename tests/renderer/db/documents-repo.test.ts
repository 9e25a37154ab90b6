import { describe, expect, it } from 'vitest';
import type { CorpusLoad } from '../../../core/model';
import { BackgroundIndexer } from '../../../renderer/db/background-index';
import { listDocuments, readText, storeDocuments } from '../../../renderer/db/documents-repo';
import { listLabels } from '../../../renderer/db/labels-repo';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { signatureOf } from '../../../renderer/db/signatures';
import { listSpans } from '../../../renderer/db/spans-repo';
import { searchText } from '../../../renderer/db/terms-index';

let n = 0;
const freshDb = () => openWorkbenchDb(`test-docs-${n++}`);
type Doc = CorpusLoad['documents'][number];
const doc = (id: string, text: string, extra: Partial<Doc> = {}): Doc => ({
  id,
  name: `${id}.txt`,
  text,
  sha256: `sha-${text}`,
  source: `/x/${id}.txt`,
  ...extra,
});

describe('documents repository (Dexie on fake-indexeddb)', () => {
  it('starts with the four default labels', async () => {
    const db = freshDb();
    expect((await listLabels(db)).map((l) => [l.name, l.key])).toEqual([
      ['actor', '1'],
      ['country', '2'],
      ['money', '3'],
      ['commitment', '4'],
    ]);
  });

  it('stores documents once however often the same corpus arrives', async () => {
    const db = freshDb();
    const docs = [doc('a', 'alpha\nbeta'), doc('b', '\n\n  second doc')];
    expect(await storeDocuments(db, docs)).toEqual({ added: 2, existing: 0, spansAdded: 0 });
    expect(await storeDocuments(db, docs)).toEqual({ added: 0, existing: 2, spansAdded: 0 });
    const listed = await listDocuments(db);
    expect(listed.map((d) => [d.id, d.preview, d.length, d.status])).toEqual([
      ['a', 'alpha', 10, 'todo'],
      ['b', 'second doc', 14, 'todo'],
    ]);
    expect(await readText(db, 'b')).toBe('\n\n  second doc');
  });

  it('gives a fresh id to different text that claims a taken id, and dedups within one batch', async () => {
    const db = freshDb();
    await storeDocuments(db, [doc('a', 'one')]);
    const result = await storeDocuments(db, [doc('a', 'two'), doc('c', 'two')]);
    expect(result.added).toBe(1);
    const ids = (await listDocuments(db)).map((d) => d.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain('a');
  });

  it('gives documents that came without an id the next ids in insertion order, and keeps ids a source gave', async () => {
    const db = freshDb();
    // Hash-like stand-ins in falling order: stored under them, the rows would go to the front of every table.
    const unnamed = (i: number, text: string) => doc(`f${String(9 - i).repeat(15)}`, text, { idFromText: true });
    await storeDocuments(db, [unnamed(0, 'first'), unnamed(1, 'second'), doc('given', 'third')]);
    await storeDocuments(db, [unnamed(2, 'fourth'), unnamed(3, 'first')]);
    const byName = new Map((await listDocuments(db)).map((d) => [d.name, d.id]));
    expect(byName.get('given.txt')).toBe('given');
    const ordered = [0, 1, 2].map((i) => byName.get(`f${String(9 - i).repeat(15)}.txt`)!);
    expect(ordered.every((id) => /^d[0-9a-z]{11}$/.test(id))).toBe(true);
    expect([...ordered].sort()).toEqual(ordered);
    expect(new Set(ordered).size).toBe(3);
    // The repeated text kept its first id: deduplication goes by the text, whatever id a record brings.
    expect(byName.size).toBe(4);
    expect(await readText(db, ordered[0])).toBe('first');
  });

  it('stores imported spans with their quoted text, adds unknown labels, and merges spans into a known document', async () => {
    const db = freshDb();
    const text = 'Yvette Cooper met G7 partners.';
    await storeDocuments(db, [doc('a', text, { spans: [{ start: 0, end: 13, label: 'actor' }] })]);
    const again = await storeDocuments(db, [
      doc('a2', text, {
        spans: [
          { start: 0, end: 13, label: 'actor' },
          { start: 18, end: 20, label: 'group' },
        ],
      }),
    ]);
    expect(again).toEqual({ added: 0, existing: 1, spansAdded: 1, labelsAdded: ['group'] });
    const spans = (await listSpans(db, 'a')).sort((x, y) => x.start - y.start);
    expect(spans.map((s) => [s.text, s.label])).toEqual([
      ['Yvette Cooper', 'actor'],
      ['G7', 'group'],
    ]);
    expect((await listLabels(db)).map((l) => l.name)).toContain('group');
    const [record] = await listDocuments(db);
    expect(record.spanCount).toBe(2);
    expect(record.status).toBe('in_progress');
  });

  it('marks a batch unindexed, finds it by its text meanwhile, and indexes it under the ids it is stored with', async () => {
    const db = freshDb();
    await storeDocuments(db, [doc('a', 'first words here')]);
    const batch = [
      doc('a', 'Interpol warned ministers'),
      doc('b', 'Interpol warned ministers'),
      doc('c', 'first words here'),
      doc('d', 'Coastguard budget grew'),
    ];
    expect(await storeDocuments(db, batch)).toEqual({ added: 2, existing: 2, spansAdded: 0 });
    const renamed = (await listDocuments(db)).map((d) => d.id).find((id) => id.startsWith('a-'))!;
    expect(renamed).toBe(`a-${'sha-Interpol warned ministers'.slice(0, 8)}`);
    // Stored, not yet indexed: one mark a batch, and search reads the texts.
    expect((await db.unindexed.toArray()).map((row) => row.ids)).toEqual([['a'], [renamed, 'd']]);
    expect(await db.terms.count()).toBe(0);
    const searches = async () => [
      await searchText(db, 'interpol ministers '),
      await searchText(db, 'coastguard '),
      await searchText(db, 'first '),
      await searchText(db, 'coast*'),
    ];
    const expected = [new Set([renamed]), new Set(['d']), new Set(['a']), new Set(['d'])];
    expect(await searches()).toEqual(expected);
    await new BackgroundIndexer(db).drained();
    expect(await db.unindexed.count()).toBe(0);
    expect(await db.terms.count()).toBeGreaterThan(0);
    expect(await searches()).toEqual(expected); // the same answers from the index
    const signatures = await db.signatures.toArray();
    expect(signatures.map((s) => s.id).sort()).toEqual(['a', renamed, 'd'].sort());
    const stored = signatures.find((s) => s.id === renamed)!;
    const expectedSig = signatureOf(renamed, 'Interpol warned ministers');
    expect([...stored.sig]).toEqual([...expectedSig.sig]);
    expect(stored.mins).toEqual(expectedSig.mins);
  });

  it('merges the spans of records with the same text within one batch, as across batches (identical spans once)', async () => {
    const text = 'Yvette Cooper met G7 partners in Spain.';
    const actor = { start: 0, end: 6, label: 'actor' };
    const country = { start: 33, end: 38, label: 'country' };
    const together = freshDb();
    const result = await storeDocuments(together, [
      doc('a', text, { spans: [actor] }),
      doc('b', text, { spans: [country, actor] }),
    ]);
    expect(result).toEqual({ added: 1, existing: 1, spansAdded: 2 });
    expect((await listSpans(together, 'a')).map((s) => s.label).sort()).toEqual(['actor', 'country']);
    expect((await listDocuments(together))[0].spanCount).toBe(2);
    // A known text brought twice in one later batch gains its new span once.
    const again = await storeDocuments(together, [
      doc('c', text, { spans: [{ start: 18, end: 20, label: 'money' }] }),
      doc('d', text, { spans: [{ start: 18, end: 20, label: 'money' }] }),
    ]);
    expect(again).toEqual({ added: 0, existing: 2, spansAdded: 1 });
    expect(await listSpans(together, 'a')).toHaveLength(3);
  });

  it('a crafted id collision (X, X-<sha8 of the second X>, X) never refuses the batch', async () => {
    const db = freshDb();
    const second = doc('X', 'second X');
    const batch = [doc('X', 'first X'), doc(`X-${second.sha256.slice(0, 8)}`, 'squatter'), second, doc('Y', 'plain')];
    expect(await storeDocuments(db, batch)).toEqual({ added: 4, existing: 0, spansAdded: 0 });
    const ids = (await listDocuments(db)).map((d) => d.id);
    expect(new Set(ids).size).toBe(4);
    expect(await readText(db, `X-${second.sha256.slice(0, 16)}`)).toBe('second X');
    // The same collision against stored documents, in a later batch.
    expect(
      await storeDocuments(db, [doc('X', 'third X'), doc(`X-${'sha-third X'.slice(0, 8)}`, 'another')]),
    ).toMatchObject({ added: 2 });
  });

  it('in one batch: a known text gives its spans to the stored copy, a taken id moves on, a new text is added, and each text is marked for indexing once', async () => {
    const db = freshDb();
    await storeDocuments(db, [doc('known', 'stored text'), doc('taken', 'holder of the id')]);
    const batch = [
      doc('other-name', 'stored text', { spans: [{ start: 0, end: 6, label: 'actor' }] }),
      doc('taken', 'a different text claiming a stored id'),
      doc('new', 'brand new'),
    ];
    expect(await storeDocuments(db, batch)).toEqual({ added: 2, existing: 1, spansAdded: 1 });
    const byText = new Map(
      await Promise.all((await listDocuments(db)).map(async (d) => [await readText(db, d.id), d.id] as const)),
    );
    expect(byText.size).toBe(4);
    expect(byText.get('stored text')).toBe('known');
    expect(byText.get('holder of the id')).toBe('taken'); // never overwritten
    expect(byText.get('a different text claiming a stored id')).toMatch(/^taken-/);
    expect(byText.get('brand new')).toBe('new');
    expect((await listSpans(db, 'known')).map((s) => s.text)).toEqual(['stored']);
    const marked = (await db.unindexed.toArray()).flatMap((row) => row.ids).sort();
    expect(marked).toEqual(['known', 'new', 'taken', byText.get('a different text claiming a stored id')!].sort());
  });

  it('creates a label an import brings (ORG) with a colour of its own, and says so', async () => {
    const db = freshDb();
    const result = await storeDocuments(db, [
      doc('a', 'Interpol warned', { spans: [{ start: 0, end: 8, label: 'ORG' }] }),
    ]);
    expect(result.labelsAdded).toEqual(['ORG']);
    const labels = await listLabels(db);
    const org = labels.find((l) => l.name === 'ORG')!;
    expect(labels.filter((l) => l.color === org.color)).toHaveLength(1);
  });
});
