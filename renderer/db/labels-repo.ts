// The label set. Renaming or deleting a label changes its spans in the same
// transaction, so no span is ever left pointing at a label that is gone.
import type { Label } from '../../core/model';
import { pickColor } from './documents-repo';
import type { WorkbenchDb } from './schema';

export function listLabels(db: WorkbenchDb): Promise<Label[]> {
  return db.labels.orderBy('order').toArray();
}

export async function addLabel(db: WorkbenchDb, name: string): Promise<Label> {
  const count = await db.labels.count();
  const label: Label = { name, color: pickColor(count), key: '', order: count };
  await db.labels.add(label);
  return label;
}

export async function updateLabel(db: WorkbenchDb, name: string, patch: Partial<Omit<Label, 'name'>>): Promise<void> {
  await db.labels.update(name, patch);
}

export async function renameLabel(db: WorkbenchDb, from: string, to: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.labels, db.spans, async () => {
    const label = await db.labels.get(from);
    if (!label || (await db.labels.get(to))) throw new Error(`cannot rename ${from} to ${to}`);
    await db.labels.delete(from);
    await db.labels.add({ ...label, name: to });
    await db.spans.where('label').equals(from).modify({ label: to, updatedAt: now });
  });
}

export function countSpansWithLabel(db: WorkbenchDb, name: string): Promise<number> {
  return db.spans.where('label').equals(name).count();
}

/** Deletes a label and every span that carries it; returns how many spans went. */
export async function deleteLabel(db: WorkbenchDb, name: string, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.labels, db.spans, db.documents, async () => {
    const spans = await db.spans.where('label').equals(name).toArray();
    await db.spans.bulkDelete(spans.map((s) => s.id));
    await db.labels.delete(name);
    for (const docId of new Set(spans.map((s) => s.docId))) {
      const count = await db.spans.where('docId').equals(docId).count();
      await db.documents.update(docId, { spanCount: count, updatedAt: now });
    }
    return spans.length;
  });
}
