import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../../../core/align';
import type { Relation, Span } from '../../../core/model';
import { projectRelations } from '../../../core/relations/project-relations';
import { projectOnto } from '../../../core/spans/project-spans';

const seeds = path.resolve(import.meta.dirname, '../../../seeds');
const a = readFileSync(path.join(seeds, '002_8a5c06bed5e27244.txt'), 'utf8');
const b = readFileSync(path.join(seeds, '004_6c7801b40652ef8d.txt'), 'utf8');

const spanAt = (id: string, text: string, start: number, length: number, label: string): Span => ({
  id,
  docId: 'src',
  start,
  end: start + length,
  label,
  text: text.slice(start, start + length),
  note: '',
  createdAt: 0,
  updatedAt: 0,
});
const rel = (id: string, head: string, child: string, label: string): Relation => ({
  id,
  docId: 'src',
  head,
  child,
  label,
  createdAt: 0,
  updatedAt: 0,
});

describe('projecting relations with their spans', () => {
  // 004's second "Yvette Cooper" and the G7 of the shared quote both have counterparts in 002.
  const cooper = spanAt('cooper', b, b.indexOf('Yvette Cooper', b.indexOf('Yvette Cooper') + 1), 13, 'actor');
  const g7 = spanAt('g7', b, b.indexOf('newly agreed G7') + 'newly agreed '.length, 2, 'country');
  const lonely = spanAt('lonely', b, b.indexOf('Yvette Cooper'), 13, 'actor'); // only in 004
  const alignment = alignDocuments(a, b);
  let n = 0;
  const newId = () => `p${n++}`;

  it('carries a relation across when both ends are projected, and only then', () => {
    const projection = projectOnto(
      { text: b, spans: [cooper, g7, lonely] },
      { docId: 'dst', text: a, spans: [] },
      alignment,
      'b->a',
      newId,
      5,
    );
    expect(projection.unmatched.map((u) => u.span.id)).toEqual(['lonely']);
    const changes = projectRelations(
      [rel('r1', 'cooper', 'g7', 'involves'), rel('r2', 'lonely', 'cooper', 'speaks_for')],
      projection.counterparts,
      { docId: 'dst', relations: [] },
      newId,
      5,
    );
    const added = new Map(projection.changes.flatMap((c) => (c.kind === 'add' ? [[c.span.id, c.span] as const] : [])));
    expect(
      changes.map((c) =>
        c.kind === 'relate'
          ? [added.get(c.relation.head)?.text, c.relation.label, added.get(c.relation.child)?.text, c.relation.docId]
          : [],
      ),
    ).toEqual([['Yvette Cooper', 'involves', 'G7', 'dst']]);
  });

  it('links to a counterpart already present and never doubles a relation the target has', () => {
    const first = projectOnto(
      { text: b, spans: [cooper, g7] },
      { docId: 'dst', text: a, spans: [] },
      alignment,
      'b->a',
      newId,
      5,
    );
    const targetSpans = first.changes.flatMap((c) => (c.kind === 'add' ? [c.span] : []));
    const again = projectOnto(
      { text: b, spans: [cooper, g7] },
      { docId: 'dst', text: a, spans: targetSpans },
      alignment,
      'b->a',
      newId,
      5,
    );
    expect(again.changes).toEqual([]);
    expect(again.present).toBe(2);
    const r = rel('r1', 'cooper', 'g7', 'involves');
    const made = projectRelations([r], again.counterparts, { docId: 'dst', relations: [] }, newId, 5);
    expect(made).toHaveLength(1);
    const existing = made.map((c) => (c.kind === 'relate' ? c.relation : r));
    expect(projectRelations([r], again.counterparts, { docId: 'dst', relations: existing }, newId, 5)).toEqual([]);
  });
});
