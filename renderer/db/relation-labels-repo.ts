// Editing the relation label set: add, rename, recolour, rekey, say which span
// labels a relation label connects, delete (with the relations that carry it)
// and undo a delete. As with span labels (labels-repo.ts), a rename or a
// delete changes the relations in the same transaction, so no relation is
// ever left pointing at a label that is gone. Refusals are LabelErrors, with
// messages fit to show as they are. Keys are their own set: a relation key is
// read only while a relation is being made (after R), so it may equal a span
// label's key, never another relation label's.
import type { Relation, RelationLabel } from '../../core/model';
import { LabelError } from './labels-repo';
import type { WorkbenchDb } from './schema';

const COLORS = ['#6b46c1', '#b7791f', '#2c7a7b', '#2b6cb0', '#c05621', '#2f855a', '#97266d', '#4a5568'];

export type RelationLabelPatch = Partial<Pick<RelationLabel, 'color' | 'key' | 'heads' | 'children'>>;

export async function addRelationLabel(db: WorkbenchDb, name: string): Promise<RelationLabel> {
  return db.transaction('rw', db.relationLabels, async () => {
    if (await db.relationLabels.get(name)) throw new LabelError(`A relation label named “${name}” already exists.`);
    const all = await db.relationLabels.toArray();
    const order = all.reduce((max, l) => Math.max(max, l.order + 1), 0);
    const label: RelationLabel = { name, color: COLORS[order % COLORS.length], key: '', order };
    await db.relationLabels.add(label);
    return label;
  });
}

/** The span labels a relation label connects: distinct, in the order given; an empty list means any. */
const cleanEnds = (ends: readonly string[] | undefined): string[] | undefined =>
  ends === undefined ? undefined : [...new Set(ends.map((e) => e.trim()).filter(Boolean))];

export async function updateRelationLabel(db: WorkbenchDb, name: string, patch: RelationLabelPatch): Promise<void> {
  await db.transaction('rw', db.relationLabels, async () => {
    const label = await db.relationLabels.get(name);
    if (!label) throw new LabelError(`There is no relation label “${name}”.`);
    const key = patch.key?.trim().toLowerCase();
    if (key) {
      const holder = (await db.relationLabels.toArray()).find((l) => l.key === key && l.name !== name);
      if (holder)
        throw new LabelError(`The key “${key}” already makes “${holder.name}” relations; choose another key.`);
    }
    const next: RelationLabel = { ...label, ...patch };
    if (key !== undefined) next.key = key;
    if ('heads' in patch) next.heads = cleanEnds(patch.heads);
    if ('children' in patch) next.children = cleanEnds(patch.children);
    await db.relationLabels.put(next);
  });
}

export async function renameRelationLabel(db: WorkbenchDb, from: string, to: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.relationLabels, db.relations, async () => {
    const label = await db.relationLabels.get(from);
    if (!label) throw new LabelError(`There is no relation label “${from}” to rename.`);
    if (await db.relationLabels.get(to)) throw new LabelError(`A relation label named “${to}” already exists.`);
    await db.relationLabels.delete(from);
    await db.relationLabels.add({ ...label, name: to });
    await db.relations.where('label').equals(from).modify({ label: to, updatedAt: now });
  });
}

export function countRelationsWithLabel(db: WorkbenchDb, name: string): Promise<number> {
  return db.relations.where('label').equals(name).count();
}

/** What deleteRelationLabel removed: enough to put it all back. */
export interface DeletedRelationLabel {
  label: RelationLabel;
  relations: Relation[];
}

export async function deleteRelationLabel(db: WorkbenchDb, name: string): Promise<DeletedRelationLabel | undefined> {
  return db.transaction('rw', db.relationLabels, db.relations, async () => {
    const label = await db.relationLabels.get(name);
    if (!label) return undefined;
    const relations = await db.relations.where('label').equals(name).toArray();
    await db.relations.bulkDelete(relations.map((r) => r.id));
    await db.relationLabels.delete(name);
    return { label, relations };
  });
}

/** Undoes deleteRelationLabel: the label and those of its relations whose two spans still exist. */
export async function restoreRelationLabel(db: WorkbenchDb, deleted: DeletedRelationLabel): Promise<void> {
  await db.transaction('rw', db.relationLabels, db.relations, db.spans, async () => {
    if (await db.relationLabels.get(deleted.label.name))
      throw new LabelError(`A relation label named “${deleted.label.name}” exists again; it was not restored.`);
    const taken = deleted.label.key
      ? (await db.relationLabels.toArray()).some((l) => l.key === deleted.label.key)
      : false;
    await db.relationLabels.add(taken ? { ...deleted.label, key: '' } : deleted.label);
    const ends = [...new Set(deleted.relations.flatMap((r) => [r.head, r.child]))];
    const present = new Set((await db.spans.bulkGet(ends)).filter((s) => s !== undefined).map((s) => s!.id));
    await db.relations.bulkPut(deleted.relations.filter((r) => present.has(r.head) && present.has(r.child)));
  });
}
