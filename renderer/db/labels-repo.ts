// The label set. Renaming or deleting a label changes its spans in the same
// transaction, so no span is ever left pointing at a label that is gone.
// Mistakes a researcher can make here (a name or key already taken) are
// refused with a LabelError whose message is fit to show as it is.
import { DEFAULT_LABELS, type Label, type Span } from '../../core/model';
import type { WorkbenchDb } from './schema';
import { recountSpans } from './spans-repo';

/** A refused label edit, said in words a researcher can act on. */
export class LabelError extends Error {
  override name = 'LabelError';
}

const EXTRA_COLORS = ['#7c3aed', '#0e7490', '#b91c1c', '#4d7c0f', '#a16207', '#be185d', '#1d4ed8', '#047857'];

/** The colour of the label at `order`: the defaults' own, then a fixed cycle. */
export function pickColor(order: number): string {
  return order < DEFAULT_LABELS.length
    ? DEFAULT_LABELS[order].color
    : EXTRA_COLORS[(order - DEFAULT_LABELS.length) % EXTRA_COLORS.length];
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
  return db.transaction('rw', db.labels, async () => {
    if (await db.labels.get(name)) throw new LabelError(`A label named “${name}” already exists.`);
    const count = await db.labels.count();
    const label: Label = { name, color: pickColor(count), key: '', order: count };
    await db.labels.add(label);
    return label;
  });
}

export async function updateLabel(db: WorkbenchDb, name: string, patch: Partial<Omit<Label, 'name'>>): Promise<void> {
  await db.transaction('rw', db.labels, async () => {
    if (patch.key) {
      const holder = (await db.labels.toArray()).find((l) => l.key === patch.key && l.name !== name);
      if (holder)
        throw new LabelError(
          `The key “${patch.key}” already tags “${holder.name}”; choose another key or clear that one first.`,
        );
    }
    await db.labels.update(name, patch);
  });
}

export async function renameLabel(db: WorkbenchDb, from: string, to: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.labels, db.spans, async () => {
    const label = await db.labels.get(from);
    if (!label) throw new LabelError(`There is no label “${from}” to rename (cannot rename ${from} to ${to}).`);
    if (await db.labels.get(to))
      throw new LabelError(`A label named “${to}” already exists (cannot rename ${from} to ${to}).`);
    await db.labels.delete(from);
    await db.labels.add({ ...label, name: to });
    await db.spans.where('label').equals(from).modify({ label: to, updatedAt: now });
  });
}

export function countSpansWithLabel(db: WorkbenchDb, name: string): Promise<number> {
  return db.spans.where('label').equals(name).count();
}

/** What deleteLabel removed: enough to put it all back (restoreLabel). */
export interface DeletedLabel {
  label: Label;
  spans: Span[];
}

/** Deletes a label and every span that carries it; returns what went, for an undo. */
export async function deleteLabel(db: WorkbenchDb, name: string, now = Date.now()): Promise<DeletedLabel | undefined> {
  return db.transaction('rw', db.labels, db.spans, db.documents, async () => {
    const label = await db.labels.get(name);
    if (!label) return undefined;
    const spans = await db.spans.where('label').equals(name).toArray();
    await db.spans.bulkDelete(spans.map((s) => s.id));
    await db.labels.delete(name);
    for (const docId of new Set(spans.map((s) => s.docId))) await recountSpans(db, docId, now);
    return { label, spans };
  });
}

/** Undoes deleteLabel: the label comes back with its spans (those whose document still exists). */
export async function restoreLabel(db: WorkbenchDb, deleted: DeletedLabel, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.labels, db.spans, db.documents, async () => {
    if (await db.labels.get(deleted.label.name))
      throw new LabelError(`A label named “${deleted.label.name}” exists again; it was not restored.`);
    const holder = deleted.label.key ? (await db.labels.toArray()).find((l) => l.key === deleted.label.key) : undefined;
    await db.labels.add(holder ? { ...deleted.label, key: '' } : deleted.label);
    const docIds = [...new Set(deleted.spans.map((s) => s.docId))];
    const present = new Set((await db.documents.bulkGet(docIds)).filter((d) => d !== undefined).map((d) => d!.id));
    await db.spans.bulkPut(deleted.spans.filter((s) => present.has(s.docId)));
    for (const docId of present) await recountSpans(db, docId, now);
  });
}
