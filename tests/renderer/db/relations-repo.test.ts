import { describe, expect, it } from 'vitest';
import { storeDocuments } from '../../../renderer/db/documents-repo';
import { listRelationLabels, listRelations } from '../../../renderer/db/relations-repo';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { listSpans, writeSpanChanges } from '../../../renderer/db/spans-repo';
import { RELATION_TEXT, relationRow, spanRow } from '../../support/relation-rows';

const TEXT = RELATION_TEXT;
let n = 0;
async function dbWithDoc() {
  const db = openWorkbenchDb(`test-relations-${n++}`);
  await storeDocuments(db, [{ id: 'd', name: 'd.txt', text: TEXT, sha256: 'x', source: 'd.txt' }]);
  return db;
}
const span = spanRow;
const rel = (id: string, head: string, child: string, label = 'funds') => relationRow(id, head, child, label);

describe('relations repository', () => {
  it('starts a new database with the default relation labels', async () => {
    const db = await dbWithDoc();
    expect((await listRelationLabels(db)).map((l) => [l.name, l.heads, l.children])).toEqual([
      ['commits', ['actor'], ['commitment']],
      ['funds', ['actor', 'commitment'], ['money']],
      ['involves', ['commitment'], ['country']],
      ['speaks_for', ['actor'], ['actor']],
    ]);
  });

  it('writes relations in the step of their spans, and a span removal takes its relations in the same write', async () => {
    const db = await dbWithDoc();
    const a = span('a', 4, 18, 'actor');
    const m = span('m', 27, 37, 'money');
    await writeSpanChanges(db, 'd', [
      { kind: 'add', span: a },
      { kind: 'add', span: m },
      { kind: 'relate', relation: rel('r', 'a', 'm') },
    ]);
    expect(await listRelations(db, 'd')).toMatchObject([{ id: 'r', head: 'a', child: 'm', label: 'funds' }]);
    await writeSpanChanges(db, 'd', [
      { kind: 'relabel-relation', before: rel('r', 'a', 'm'), after: { ...rel('r', 'a', 'm', 'commits'), version: 2 } },
    ]);
    expect((await listRelations(db, 'd'))[0].label).toBe('commits');
    // Even a removal that does not list the relation (another window's stale copy) leaves none dangling.
    await writeSpanChanges(db, 'd', [{ kind: 'remove', span: m }]);
    expect(await db.relations.count()).toBe(0);
    expect((await listSpans(db, 'd')).map((s) => s.id)).toEqual(['a']);
  });

  it('does not add a relation whose end is gone', async () => {
    const db = await dbWithDoc();
    await writeSpanChanges(db, 'd', [{ kind: 'add', span: span('a', 4, 18, 'actor') }]);
    await writeSpanChanges(db, 'd', [{ kind: 'relate', relation: rel('r', 'a', 'gone') }]);
    expect(await db.relations.count()).toBe(0);
  });

  it('stores the relations an import brings, by the spans they index, once, with unknown labels created', async () => {
    const db = openWorkbenchDb(`test-relations-${n++}`);
    const doc = {
      id: 'i',
      name: 'i.jsonl',
      text: TEXT,
      sha256: 'y',
      source: 'i.jsonl:1',
      spans: [
        { start: 4, end: 18, label: 'actor' },
        { start: 27, end: 37, label: 'money' },
      ],
      relations: [
        { head: 0, child: 1, label: 'funds' },
        { head: 0, child: 1, label: 'PAYS' },
        { head: 0, child: 7, label: 'funds' },
      ],
    };
    const first = await storeDocuments(db, [doc]);
    expect(first.relationsAdded).toBe(2);
    // The same record again (a re-import, a restore): nothing doubles.
    const again = await storeDocuments(db, [{ ...doc, id: 'i2' }]);
    expect(again.relationsAdded).toBeUndefined();
    const spans = await listSpans(db, 'i');
    const text = (id: string) => spans.find((s) => s.id === id)?.text;
    const stored = await listRelations(db, 'i');
    expect(stored.map((r) => [text(r.head), r.label, text(r.child)]).sort()).toEqual([
      ['Home Secretary', 'PAYS', '£5 million'],
      ['Home Secretary', 'funds', '£5 million'],
    ]);
    expect((await listRelationLabels(db)).map((l) => l.name)).toContain('PAYS');
  });
});
