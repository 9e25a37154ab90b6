// Label edits a researcher can get wrong are refused in plain words, and a
// deleted label comes back with its spans on undo.
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import { getDocument, storeDocuments } from '../../../renderer/db/documents-repo';
import {
  addLabel,
  deleteLabel,
  LabelError,
  listLabels,
  restoreLabel,
  updateLabel,
} from '../../../renderer/db/labels-repo';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { listSpans, writeSpanChanges } from '../../../renderer/db/spans-repo';

let n = 0;
const text = 'The Home Secretary pledged £5 million.';
async function db() {
  const db = openWorkbenchDb(`test-labels-${n++}`);
  await storeDocuments(db, [{ id: 'd', name: 'd.txt', text, sha256: 'x', source: 'd.txt' }]);
  return db;
}
const span = (id: string, start: number, end: number, label: string): Span => ({
  id,
  docId: 'd',
  start,
  end,
  label,
  text: text.slice(start, end),
  note: 'n',
  version: 1,
  createdAt: 1,
  updatedAt: 1,
});

describe('labels repository', () => {
  it('refuses a second label with an existing name, in words (no ConstraintError)', async () => {
    const d = await db();
    await expect(addLabel(d, 'actor')).rejects.toThrow(LabelError);
    await expect(addLabel(d, 'actor')).rejects.toThrow('A label named “actor” already exists.');
    expect((await listLabels(d)).filter((l) => l.name === 'actor')).toHaveLength(1);
  });

  it('refuses a key another label already has', async () => {
    const d = await db();
    const [first, second] = await listLabels(d);
    await expect(updateLabel(d, second.name, { key: first.key })).rejects.toThrow(`already tags “${first.name}”`);
    expect((await listLabels(d)).find((l) => l.name === second.name)?.key).toBe(second.key);
    await updateLabel(d, second.name, { key: '9' });
    expect((await listLabels(d)).find((l) => l.name === second.name)?.key).toBe('9');
  });

  it('deleting a label in use can be undone: the label and its spans come back', async () => {
    const d = await db();
    await writeSpanChanges(d, 'd', [
      { kind: 'add', span: span('a', 4, 18, 'actor') },
      { kind: 'add', span: span('m', 27, 37, 'money') },
    ]);
    const before = await listLabels(d);
    const deleted = await deleteLabel(d, 'money');
    expect(deleted?.spans.map((s) => s.id)).toEqual(['m']);
    expect((await getDocument(d, 'd'))?.spanCount).toBe(1);
    await restoreLabel(d, deleted!);
    expect(await listLabels(d)).toEqual(before);
    expect((await listSpans(d, 'd')).map((s) => s.id).sort()).toEqual(['a', 'm']);
    expect((await getDocument(d, 'd'))?.spanCount).toBe(2);
  });
});
