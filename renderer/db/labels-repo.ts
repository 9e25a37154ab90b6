// The label set. Renaming or deleting a label changes its spans in the same
// transaction, so no span is ever left pointing at a label that is gone.
import { DEFAULT_LABELS, type Label } from '../../core/model';
import type { WorkbenchDb } from './schema';

const EXTRA_COLORS = ['#7c3aed', '#0e7490', '#b91c1c', '#4d7c0f', '#a16207', '#be185d', '#1d4ed8', '#047857'];

export function pickColor(order: number): string {
  return order < DEFAULT_LABELS.length ? DEFAULT_LABELS[order].color : EXTRA_COLORS[(order - DEFAULT_LABELS.length) % EXTRA_COLORS.length];
}

/**
 * Creates every label in `names` the set lacks (an import's `ORG`), each with
 * its own colour, so its spans show in the label bar, the filter and the span
 * menu. Runs inside the caller's transaction; returns the names it created.
 */
export async function addMissingLabels(db: WorkbenchDb, names: Iterable<string>): Promise<string[]> {
  const wanted = new Set(names);
  if (wanted.size === 0) return [];
  const known = new Set((await db.labels.toArray()).map((l) => l.name));
  const missing = [...wanted].filter((n) => !known.has(n));
  let order = known.size;
  await db.labels.bulkAdd(missing.map((name): Label => ({ name, color: pickColor(order), key: '', order: order++ })));
  return missing;
}

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
