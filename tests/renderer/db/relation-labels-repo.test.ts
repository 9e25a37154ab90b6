// Relation labels are configurable like span labels (issue 13): added,
// recoloured, rekeyed, given the span labels they connect, renamed with their
// relations, deleted with them and brought back on undo; mistakes are refused
// in plain words.
import { describe, expect, it } from 'vitest';
import { relationProblem } from '../../../core/relations/labels';
import { storeDocuments } from '../../../renderer/db/documents-repo';
import { LabelError } from '../../../renderer/db/labels-repo';
import {
  addRelationLabel,
  countRelationsWithLabel,
  deleteRelationLabel,
  renameRelationLabel,
  restoreRelationLabel,
  updateRelationLabel,
} from '../../../renderer/db/relation-labels-repo';
import { listRelationLabels, listRelations } from '../../../renderer/db/relations-repo';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { writeSpanChanges } from '../../../renderer/db/spans-repo';
import { RELATION_TEXT, relationRow, spanRow } from '../../support/relation-rows';

const TEXT = RELATION_TEXT;
let n = 0;
const span = spanRow;
const rel = relationRow;

/** A document with an actor, a commitment and a money span, and a funds and a commits relation. */
async function related() {
  const db = openWorkbenchDb(`test-relation-labels-${n++}`);
  await storeDocuments(db, [{ id: 'd', name: 'd.txt', text: TEXT, sha256: 'x', source: 'd.txt' }]);
  await writeSpanChanges(db, 'd', [
    { kind: 'add', span: span('a', 4, 18, 'actor') },
    { kind: 'add', span: span('c', 19, 37, 'commitment') },
    { kind: 'add', span: span('m', 27, 37, 'money') },
    { kind: 'relate', relation: rel('r1', 'a', 'm', 'funds') },
    { kind: 'relate', relation: rel('r2', 'a', 'c', 'commits') },
  ]);
  return db;
}

describe('relation labels repository', () => {
  it('adds a label after the others, with a colour and no key, and refuses a second of one name', async () => {
    const db = await related();
    const added = await addRelationLabel(db, 'opposes');
    expect(added).toMatchObject({ name: 'opposes', key: '', order: 4 });
    expect((await listRelationLabels(db)).map((l) => l.name)).toEqual([
      'commits',
      'funds',
      'involves',
      'speaks_for',
      'opposes',
    ]);
    await expect(addRelationLabel(db, 'funds')).rejects.toThrow(/already exists/);
  });

  it('sets which span labels a label connects, and the rule then refuses what breaks it', async () => {
    const db = await related();
    await updateRelationLabel(db, 'funds', { heads: [' actor ', 'actor', ''], children: ['money', 'country'] });
    const funds = (await listRelationLabels(db)).find((l) => l.name === 'funds')!;
    expect([funds.heads, funds.children]).toEqual([['actor'], ['money', 'country']]);
    expect(relationProblem(funds, { id: 'c', label: 'commitment' }, { id: 'm', label: 'money' })).toMatch(
      /connects actor → money or country; this goes from commitment to money/,
    );
    await updateRelationLabel(db, 'funds', { heads: [] }); // empty: any span
    const any = (await listRelationLabels(db)).find((l) => l.name === 'funds')!;
    expect(relationProblem(any, { id: 'c', label: 'commitment' }, { id: 'm', label: 'money' })).toBeUndefined();
  });

  it('takes a key in lower case, and refuses one another relation label has', async () => {
    const db = await related();
    await updateRelationLabel(db, 'involves', { key: 'I' });
    expect((await listRelationLabels(db)).find((l) => l.name === 'involves')!.key).toBe('i');
    await expect(updateRelationLabel(db, 'involves', { key: 'c' })).rejects.toThrow(LabelError);
    await expect(updateRelationLabel(db, 'involves', { key: 'c' })).rejects.toThrow(/already makes “commits”/);
  });

  it('renames a label and its relations in one transaction', async () => {
    const db = await related();
    await renameRelationLabel(db, 'funds', 'pays');
    expect((await listRelations(db, 'd')).map((r) => [r.id, r.label]).sort()).toEqual([
      ['r1', 'pays'],
      ['r2', 'commits'],
    ]);
    await expect(renameRelationLabel(db, 'pays', 'commits')).rejects.toThrow(/already exists/);
  });

  it('deletes a label with its relations, and the undo brings both back', async () => {
    const db = await related();
    expect(await countRelationsWithLabel(db, 'funds')).toBe(1);
    const deleted = await deleteRelationLabel(db, 'funds');
    expect((await listRelations(db, 'd')).map((r) => r.id)).toEqual(['r2']);
    expect((await listRelationLabels(db)).map((l) => l.name)).not.toContain('funds');
    await restoreRelationLabel(db, deleted!);
    expect((await listRelations(db, 'd')).map((r) => r.id).sort()).toEqual(['r1', 'r2']);
    expect((await listRelationLabels(db)).find((l) => l.name === 'funds')).toMatchObject({ key: 'f', order: 1 });
  });

  it('restores no relation whose span was deleted meanwhile, and no key taken meanwhile', async () => {
    const db = await related();
    const deleted = await deleteRelationLabel(db, 'funds');
    await writeSpanChanges(db, 'd', [{ kind: 'remove', span: span('m', 27, 37, 'money') }]);
    await addRelationLabel(db, 'finances');
    await updateRelationLabel(db, 'finances', { key: 'f' });
    await restoreRelationLabel(db, deleted!);
    expect((await listRelations(db, 'd')).map((r) => r.id)).toEqual(['r2']);
    expect((await listRelationLabels(db)).find((l) => l.name === 'funds')!.key).toBe('');
  });
});
