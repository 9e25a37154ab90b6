import { describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import { getDocument, storeDocuments } from '../../../renderer/db/documents-repo';
import { countSpansWithLabel, deleteLabel, listLabels, renameLabel } from '../../../renderer/db/labels-repo';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { writeSpanChanges, listSpans, listSpansStarting, statusAfter } from '../../../renderer/db/spans-repo';

let n = 0;
async function dbWithDoc() {
  const db = openWorkbenchDb(`test-spans-${n++}`);
  await storeDocuments(db, [
    { id: 'd', name: 'd.txt', text: 'The Home Secretary pledged £5 million.', sha256: 'x', source: 'd.txt' },
  ]);
  return db;
}
const span = (id: string, start: number, end: number, label: string): Span => ({
  id,
  docId: 'd',
  start,
  end,
  label,
  text: 'The Home Secretary pledged £5 million.'.slice(start, end),
  note: '',
  createdAt: 1,
  updatedAt: 1,
});

describe('spans repository', () => {
  it("reads a stretch of a document's spans by where they start, in reading order", async () => {
    const db = await dbWithDoc();
    await writeSpanChanges(db, 'd', [
      { kind: 'add', span: span('m', 27, 37, 'money') },
      { kind: 'add', span: span('a', 4, 18, 'actor') },
      { kind: 'add', span: span('h', 9, 18, 'actor') },
    ]);
    expect((await listSpansStarting(db, 'd', 0, 9)).map((s) => s.id)).toEqual(['a']);
    expect((await listSpansStarting(db, 'd', 9)).map((s) => s.id)).toEqual(['h', 'm']);
    expect((await listSpansStarting(db, 'd', 0)).map((s) => s.id)).toEqual(['a', 'h', 'm']);
    expect(await listSpansStarting(db, 'other', 0)).toEqual([]);
  });

  it('applies a step of changes and keeps the document count and status current', async () => {
    const db = await dbWithDoc();
    const a = { ...span('a', 4, 18, 'actor'), version: 1 };
    await writeSpanChanges(db, 'd', [
      { kind: 'add', span: a },
      { kind: 'add', span: span('m', 27, 37, 'money') },
    ]);
    expect((await getDocument(db, 'd'))?.spanCount).toBe(2);
    expect((await getDocument(db, 'd'))?.status).toBe('in_progress');
    const noted = { ...a, note: 'minister', version: 2 };
    expect(await writeSpanChanges(db, 'd', [{ kind: 'update', before: a, after: noted }])).toEqual({ stale: [] });
    expect((await listSpans(db, 'd')).find((s) => s.id === 'a')).toMatchObject({ note: 'minister', version: 2 });
    await writeSpanChanges(db, 'd', [
      { kind: 'remove', span: noted },
      { kind: 'remove', span: span('m', 27, 37, 'money') },
    ]);
    expect(await listSpans(db, 'd')).toEqual([]);
    expect((await getDocument(db, 'd'))?.status).toBe('todo');
  });

  it('keeps a done document done when spans change', () => {
    expect(statusAfter('done', 0)).toBe('done');
    expect(statusAfter('todo', 1)).toBe('in_progress');
  });

  it('renames a label on every span and deletes a label with its spans', async () => {
    const db = await dbWithDoc();
    await writeSpanChanges(db, 'd', [
      { kind: 'add', span: span('a', 4, 18, 'actor') },
      { kind: 'add', span: span('m', 27, 37, 'money') },
    ]);
    await renameLabel(db, 'actor', 'person');
    expect((await listSpans(db, 'd')).map((s) => s.label).sort()).toEqual(['money', 'person']);
    expect((await listLabels(db)).map((l) => l.name)).toContain('person');
    expect(await countSpansWithLabel(db, 'money')).toBe(1);
    expect((await deleteLabel(db, 'money'))?.spans).toHaveLength(1);
    expect((await listSpans(db, 'd')).map((s) => s.label)).toEqual(['person']);
    expect((await getDocument(db, 'd'))?.spanCount).toBe(1);
    await expect(renameLabel(db, 'person', 'country')).rejects.toThrow(/cannot rename/);
  });
});

describe('stale writes from a second window', () => {
  const a = { ...span('a', 4, 18, 'actor'), version: 1 };

  it('merges a stale relabel onto the stored span: a note added elsewhere survives', async () => {
    const db = await dbWithDoc();
    await writeSpanChanges(db, 'd', [{ kind: 'add', span: a }]);
    // Window 1 adds a note (version 1 -> 2); window 2 still holds version 1 and relabels it.
    await writeSpanChanges(db, 'd', [{ kind: 'update', before: a, after: { ...a, note: 'the minister', version: 2 } }]);
    const result = await writeSpanChanges(db, 'd', [
      { kind: 'update', before: a, after: { ...a, label: 'country', version: 2 } },
    ]);
    expect(result.stale.map((s) => s.outcome)).toEqual(['merged']);
    expect(await listSpans(db, 'd')).toEqual([
      expect.objectContaining({ id: 'a', label: 'country', note: 'the minister', version: 3 }),
    ]);
  });

  it('never brings back a span deleted elsewhere, and never deletes a span changed elsewhere', async () => {
    const db = await dbWithDoc();
    await writeSpanChanges(db, 'd', [
      { kind: 'add', span: a },
      { kind: 'add', span: { ...span('m', 27, 37, 'money'), version: 1 } },
    ]);
    await writeSpanChanges(db, 'd', [{ kind: 'remove', span: a }]);
    const relabel = await writeSpanChanges(db, 'd', [
      { kind: 'update', before: a, after: { ...a, label: 'country', version: 2 } },
    ]);
    expect(relabel.stale.map((s) => s.outcome)).toEqual(['refused-gone']);
    expect((await listSpans(db, 'd')).map((s) => s.id)).toEqual(['m']);
    const m = (await listSpans(db, 'd'))[0];
    await writeSpanChanges(db, 'd', [{ kind: 'update', before: m, after: { ...m, note: 'kept', version: 2 } }]);
    const remove = await writeSpanChanges(db, 'd', [{ kind: 'remove', span: m }]);
    expect(remove.stale.map((s) => s.outcome)).toEqual(['refused-changed']);
    expect(await listSpans(db, 'd')).toEqual([expect.objectContaining({ id: 'm', note: 'kept' })]);
    expect((await getDocument(db, 'd'))?.spanCount).toBe(1);
  });
});
