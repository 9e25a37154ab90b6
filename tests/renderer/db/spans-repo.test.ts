import { describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import { getDocument, storeDocuments } from '../../../renderer/db/documents-repo';
import { countSpansWithLabel, deleteLabel, listLabels, renameLabel } from '../../../renderer/db/labels-repo';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { applyChanges, listSpans, statusAfter } from '../../../renderer/db/spans-repo';

let n = 0;
async function dbWithDoc() {
  const db = openWorkbenchDb(`test-spans-${n++}`);
  await storeDocuments(db, [{ id: 'd', name: 'd.txt', text: 'The Home Secretary pledged £5 million.', sha256: 'x', source: 'd.txt' }]);
  return db;
}
const span = (id: string, start: number, end: number, label: string): Span => ({
  id, docId: 'd', start, end, label, text: 'The Home Secretary pledged £5 million.'.slice(start, end), note: '', createdAt: 1, updatedAt: 1,
});

describe('spans repository', () => {
  it('applies a step of changes and keeps the document count and status current', async () => {
    const db = await dbWithDoc();
    const a = span('a', 4, 18, 'actor');
    await applyChanges(db, 'd', [{ kind: 'add', span: a }, { kind: 'add', span: span('m', 27, 37, 'money') }]);
    expect((await getDocument(db, 'd'))?.spanCount).toBe(2);
    expect((await getDocument(db, 'd'))?.status).toBe('in_progress');
    await applyChanges(db, 'd', [{ kind: 'update', before: a, after: { ...a, note: 'minister' } }]);
    expect((await listSpans(db, 'd')).find((s) => s.id === 'a')?.note).toBe('minister');
    await applyChanges(db, 'd', [{ kind: 'remove', span: a }, { kind: 'remove', span: span('m', 27, 37, 'money') }]);
    expect(await listSpans(db, 'd')).toEqual([]);
    expect((await getDocument(db, 'd'))?.status).toBe('todo');
  });

  it('keeps a done document done when spans change', () => {
    expect(statusAfter('done', 0)).toBe('done');
    expect(statusAfter('todo', 1)).toBe('in_progress');
  });

  it('renames a label on every span and deletes a label with its spans', async () => {
    const db = await dbWithDoc();
    await applyChanges(db, 'd', [{ kind: 'add', span: span('a', 4, 18, 'actor') }, { kind: 'add', span: span('m', 27, 37, 'money') }]);
    await renameLabel(db, 'actor', 'person');
    expect((await listSpans(db, 'd')).map((s) => s.label).sort()).toEqual(['money', 'person']);
    expect((await listLabels(db)).map((l) => l.name)).toContain('person');
    expect(await countSpansWithLabel(db, 'money')).toBe(1);
    expect(await deleteLabel(db, 'money')).toBe(1);
    expect((await listSpans(db, 'd')).map((s) => s.label)).toEqual(['person']);
    expect((await getDocument(db, 'd'))?.spanCount).toBe(1);
    await expect(renameLabel(db, 'person', 'country')).rejects.toThrow(/cannot rename/);
  });
});
