// The list model at the database level: text index written with documents,
// name/status/label filters, counts from indexes, incremental count updates.
import { describe, expect, it } from 'vitest';
import type { CorpusLoad } from '../../../core/model';
import { statusCounts } from '../../../renderer/db/corpus-query';
import { getDocument, storeDocuments } from '../../../renderer/db/documents-repo';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { writeSpanChanges } from '../../../renderer/db/spans-repo';
import { searchText } from '../../../renderer/db/terms-index';
import { CorpusModel } from '../../../renderer/ui/corpus-model';

let n = 0;
type Doc = CorpusLoad['documents'][number];
const doc = (id: string, text: string, extra: Partial<Doc> = {}): Doc => ({
  id,
  name: `${id}.txt`,
  text,
  sha256: `sha-${text}`,
  source: id,
  ...extra,
});

async function corpus() {
  const db = openWorkbenchDb(`test-corpus-${n++}`);
  await storeDocuments(db, [
    doc('alpha', 'The Home Secretary met Interpol.'),
    doc('beta', 'Funding for border security.', { status: 'done' }),
    doc('gamma', 'Home office security review', { spans: [{ start: 0, end: 4, label: 'actor' }] }),
  ]);
  await storeDocuments(db, [doc('delta', 'Nothing about homes here.')]);
  return db;
}

describe('corpus search and filters', () => {
  it('reads at most scanLimit texts still waiting to be indexed, oldest first, and says how many it left out', async () => {
    const db = openWorkbenchDb(`test-corpus-${n++}`);
    await storeDocuments(db, [doc('old1', 'Frontex patrols'), doc('old2', 'Frontex budget')]);
    await storeDocuments(db, [doc('new1', 'Frontex again'), doc('new2', 'nothing')]);
    const left: number[] = [];
    const found = await searchText(db, 'frontex', { scanLimit: 3, unsearched: (count) => left.push(count) });
    expect(found).toEqual(new Set(['old1', 'old2', 'new1']));
    expect(left).toEqual([1]);
    const first = await searchText(db, 'frontex', { scanLimit: 2, unsearched: (count) => left.push(count) });
    expect(first).toEqual(new Set(['old1', 'old2']));
    expect(left).toEqual([1, 2]);
    const model = new CorpusModel(db);
    await model.load();
    await model.setFilter({ query: 'frontex', mode: 'text' });
    expect(model.visible.sort()).toEqual(['new1', 'old1', 'old2']); // 4 waiting, under SEARCH_SCAN_LIMIT
    expect(model.unsearched).toBe(0);
  });

  it('finds documents holding every word of the query, as whole words', async () => {
    const db = await corpus();
    expect([...(await searchText(db, 'home security'))!]).toEqual(['gamma']);
    expect([...(await searchText(db, 'home'))!].sort()).toEqual(['alpha', 'gamma']);
    expect([...(await searchText(db, 'hom'))!]).toEqual([]);
    expect([...(await searchText(db, 'interpol zebra '))!]).toEqual([]);
    expect(await searchText(db, '  ')).toBeUndefined();
  });

  it('matches word starts only when asked: a trailing * or the prefix option', async () => {
    const db = await corpus();
    expect([...(await searchText(db, 'hom*'))!].sort()).toEqual(['alpha', 'delta', 'gamma']);
    expect([...(await searchText(db, 'hom', { prefix: true }))!].sort()).toEqual(['alpha', 'delta', 'gamma']);
    expect([...(await searchText(db, 'home secur*'))!]).toEqual(['gamma']);
  });

  it('finds Cooper the name without every document about cooperation (issue 10, bug 11)', async () => {
    const db = openWorkbenchDb(`test-corpus-${n++}`);
    await storeDocuments(db, [
      doc('name', 'Yvette Cooper, the Home Secretary, spoke.'),
      doc('hyphen', 'EU co-operation on security.'),
      doc('u2010', 'EU co\u2010operation on security.'),
      doc('shy', 'EU co\u00ADoperation on security.'),
    ]);
    expect([...(await searchText(db, 'Cooper'))!]).toEqual(['name']);
    expect([...(await searchText(db, 'cooperation'))!].sort()).toEqual(['hyphen', 'shy', 'u2010']);
    expect([...(await searchText(db, 'Cooper*'))!].sort()).toEqual(['hyphen', 'name', 'shy', 'u2010']);
  });

  it('does not index a document twice when the same text arrives again', async () => {
    const db = await corpus();
    await storeDocuments(db, [doc('alpha2', 'The Home Secretary met Interpol.')]);
    expect([...(await searchText(db, 'interpol '))!]).toEqual(['alpha']);
  });

  it('filters by name, status and label, and counts from the indexes', async () => {
    const db = await corpus();
    const model = new CorpusModel(db);
    await model.load();
    expect(model.visible).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(model.counts).toEqual({ todo: 2, in_progress: 1, done: 1, total: 4 });
    await model.setFilter({ query: 'TA', mode: 'name' });
    expect(model.visible).toEqual(['beta', 'delta']);
    await model.setFilter({ query: '', mode: 'name', status: 'todo' });
    expect(model.visible).toEqual(['alpha', 'delta']);
    await model.setFilter({ query: 'security', mode: 'text', label: 'actor' });
    expect(model.visible).toEqual(['gamma']);
  });

  it('moves the counts by one record after a span edit, without re-reading the corpus', async () => {
    const db = await corpus();
    const model = new CorpusModel(db);
    await model.load();
    await model.ensure(0, 4);
    const span = {
      id: 's',
      docId: 'alpha',
      start: 4,
      end: 8,
      label: 'actor',
      text: 'Home',
      note: '',
      createdAt: 1,
      updatedAt: 1,
    };
    await writeSpanChanges(db, 'alpha', [{ kind: 'add', span }]);
    model.update((await getDocument(db, 'alpha'))!);
    expect(model.counts).toEqual(await statusCounts(db));
    expect(model.counts.in_progress).toBe(2);
  });
});

describe('schema version 2 upgrade', () => {
  it('indexes the texts a version 1 database already holds', async () => {
    const { default: Dexie } = await import('dexie');
    const { schemaHistory } = await import('../../../renderer/db/schema');
    const name = `test-upgrade-${n++}`;
    const old = new Dexie(name);
    schemaHistory[0](old);
    await old.open();
    await old.table('texts').bulkPut([
      { id: 'a', text: 'Europol summit' },
      { id: 'b', text: 'Interpol summit' },
    ]);
    old.close();
    const db = openWorkbenchDb(name);
    expect([...(await searchText(db, 'summit '))!].sort()).toEqual(['a', 'b']);
    expect([...(await searchText(db, 'europol '))!]).toEqual(['a']);
  });
});
