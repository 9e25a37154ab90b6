import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../../../core/align';
import type { Span } from '../../../core/model';
import { fromLegacyProjection, projectOnto } from '../../../core/spans/project-spans';

const seed = (prefix: string) => {
  const dir = path.resolve(import.meta.dirname, '../../../seeds');
  const name = [
    '000_017ec2e2a4d45699.txt',
    '001_50b56699af419944.txt',
    '002_8a5c06bed5e27244.txt',
    '003_3f54934f788c0788.txt',
    '004_6c7801b40652ef8d.txt',
  ].find((n) => n.startsWith(prefix))!;
  return readFileSync(path.join(dir, name), 'utf8');
};

const spanOf = (text: string, needle: string, label: string, nth = 0, docId = 'src'): Span => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  return {
    id: `${needle}-${nth}`,
    docId,
    start: at,
    end: at + needle.length,
    label,
    text: needle,
    note: 'n',
    createdAt: 0,
    updatedAt: 0,
  };
};

describe('projecting spans between the seed pairs', () => {
  const a = seed('002');
  const b = seed('004');
  const alignment = alignDocuments(a, b);

  it('proposes projected spans as kept suggestions on the same words in the other version', () => {
    // 004's second "Yvette Cooper" and its "G7" in the quote sit in aligned passages
    const cooper = spanOf(b, 'Yvette Cooper', 'actor', 1);
    const at = b.indexOf('newly agreed G7') + 'newly agreed '.length; // the G7 inside the shared quote
    const g7: Span = { ...spanOf(b, 'G7', 'country'), start: at, end: at + 2 };
    const result = projectOnto(
      { text: b, spans: [cooper, g7] },
      { docId: 'dst', text: a, spans: [] },
      alignment,
      'b->a',
      () => 'r',
      5,
    );
    expect(result.unmatched).toEqual([]);
    expect(
      result.suggestions.map((s) => [a.slice(s.start, s.end), s.text, s.label, s.source, s.kept, s.docId]),
    ).toEqual([
      ['Yvette Cooper', 'Yvette Cooper', 'actor', 'projection', true, 'dst'],
      ['G7', 'G7', 'country', 'projection', true, 'dst'],
    ]);
    const [first] = result.suggestions;
    expect(first).toMatchObject({ id: `dst:${first.start}:${first.end}:actor`, score: 1, note: 'n', createdAt: 5 });
  });

  it('lists spans that find no counterpart with the reason, and proposes nothing already there or rejected there', () => {
    const lonely = spanOf(b, 'Yvette Cooper', 'actor', 0); // in "At a three-day meeting in Italy…", only in 004
    const cooper = spanOf(b, 'Yvette Cooper', 'actor', 1);
    const g7At = b.indexOf('newly agreed G7') + 'newly agreed '.length;
    const g7: Span = { ...spanOf(b, 'G7', 'country'), start: g7At, end: g7At + 2 };
    const first = projectOnto(
      { text: b, spans: [cooper, g7] },
      { docId: 'dst', text: a, spans: [] },
      alignment,
      'b->a',
      () => 'r',
    );
    const [proposedCooper, proposedG7] = first.suggestions;
    const accepted: Span = {
      ...spanOf(a, 'Yvette Cooper', 'actor', 0, 'dst'),
      start: proposedCooper.start,
      end: proposedCooper.end,
    };
    const again = projectOnto(
      { text: b, spans: [lonely, cooper, g7] },
      {
        docId: 'dst',
        text: a,
        spans: [accepted],
        rejected: new Set([`${proposedG7.start}:${proposedG7.end}:country`]),
      },
      alignment,
      'b->a',
      () => 'r',
    );
    expect(again.suggestions).toEqual([]);
    expect(again.present).toBe(1);
    expect(again.rejected).toBe(1);
    expect(again.unmatched.map((u) => [u.span.id, u.reason])).toEqual([
      [lonely.id, 'span is not inside an aligned passage'],
    ]);
  });

  it('turns spans projected by earlier versions into kept suggestions, their relations into links', () => {
    const old = { ...spanOf(a, 'G7', 'country', 0, 'dst'), id: 'old', projected: true };
    const made = { ...spanOf(a, 'Home Secretary', 'actor', 0, 'dst'), id: 'made' };
    const relation = {
      id: 'r',
      docId: 'dst',
      head: 'made',
      child: 'old',
      label: 'involves',
      createdAt: 0,
      updatedAt: 0,
    };
    const other = { ...relation, id: 'r2', child: 'made', head: 'made' };
    const { suggestions, step } = fromLegacyProjection([old, made], [relation, other], 9);
    expect(suggestions).toEqual([
      {
        id: `dst:${old.start}:${old.end}:country`,
        docId: 'dst',
        start: old.start,
        end: old.end,
        label: 'country',
        text: 'G7',
        source: 'projection',
        score: 1,
        createdAt: 9,
        kept: true,
        note: 'n',
        links: [
          { label: 'involves', head: `${made.start}:${made.end}:actor`, child: `${old.start}:${old.end}:country` },
        ],
      },
    ]);
    expect(step).toEqual([
      { kind: 'remove', span: old },
      { kind: 'unrelate', relation },
    ]);
    expect(fromLegacyProjection([made], [other])).toEqual({ suggestions: [], step: [] });
  });
});
