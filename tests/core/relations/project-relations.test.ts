import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../../../core/align';
import type { Relation, Span } from '../../../core/model';
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

  it('leaves a relation waiting on the proposals of both its ends, and only when both were projected', () => {
    const projection = projectOnto(
      {
        text: b,
        spans: [cooper, g7, lonely],
        relations: [rel('r1', 'cooper', 'g7', 'involves'), rel('r2', 'lonely', 'cooper', 'speaks_for')],
      },
      { docId: 'dst', text: a, spans: [] },
      alignment,
      'b->a',
      newId,
      5,
    );
    expect(projection.unmatched.map((u) => u.span.id)).toEqual(['lonely']);
    expect(projection.relations).toEqual([]); // no end is a span there yet
    const [c, g] = projection.suggestions;
    const key = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;
    const link = { label: 'involves', head: key(c), child: key(g) };
    expect(c.links).toEqual([link]);
    expect(g.links).toEqual([link]);
  });

  it('adds a relation at once when both ends are spans there, and never doubles one the target has', () => {
    const first = projectOnto(
      { text: b, spans: [cooper, g7] },
      { docId: 'dst', text: a, spans: [] },
      alignment,
      'b->a',
      newId,
      5,
    );
    const targetSpans = first.suggestions.map((s, i) => spanAt(`t${i}`, a, s.start, s.end - s.start, s.label));
    const r = rel('r1', 'cooper', 'g7', 'involves');
    const again = projectOnto(
      { text: b, spans: [cooper, g7], relations: [r] },
      { docId: 'dst', text: a, spans: targetSpans },
      alignment,
      'b->a',
      newId,
      5,
    );
    expect(again.suggestions).toEqual([]);
    expect(again.present).toBe(2);
    expect(
      again.relations.map((c) =>
        c.kind === 'relate' ? [c.relation.head, c.relation.label, c.relation.child, c.relation.docId] : [],
      ),
    ).toEqual([['t0', 'involves', 't1', 'dst']]);
    const existing = again.relations.map((c) => (c.kind === 'relate' ? c.relation : r));
    const third = projectOnto(
      { text: b, spans: [cooper, g7], relations: [r] },
      { docId: 'dst', text: a, spans: targetSpans, relations: existing },
      alignment,
      'b->a',
      newId,
      5,
    );
    expect(third.relations).toEqual([]);
  });

  it('with one end a span there and the other a proposal, waits on the proposal only', () => {
    const first = projectOnto(
      { text: b, spans: [cooper] },
      { docId: 'dst', text: a, spans: [] },
      alignment,
      'b->a',
      newId,
      5,
    );
    const there = spanAt('t0', a, first.suggestions[0].start, 13, 'actor');
    const projection = projectOnto(
      { text: b, spans: [cooper, g7], relations: [rel('r1', 'cooper', 'g7', 'involves')] },
      { docId: 'dst', text: a, spans: [there] },
      alignment,
      'b->a',
      newId,
      5,
    );
    expect(projection.relations).toEqual([]);
    expect(projection.suggestions.map((s) => [s.text, s.links])).toEqual([
      [
        'G7',
        [{ label: 'involves', head: `${there.start}:${there.end}:actor`, child: expect.stringMatching(/:country$/) }],
      ],
    ]);
  });
});
