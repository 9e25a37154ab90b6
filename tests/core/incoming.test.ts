import { describe, expect, it } from 'vitest';
import { firstFreeId, idCandidates, mergeRepeatedTexts } from '../../core/incoming';
import type { IncomingDocument } from '../../core/model';

const doc = (id: string, text: string, spans: IncomingDocument['spans']): IncomingDocument => ({
  id,
  name: id,
  text,
  sha256: `sha-${text}`,
  source: id,
  spans,
});

describe('incoming documents', () => {
  it("one document per text, carrying every record's spans once", () => {
    const t = 'Yvette Cooper met G7 partners in Spain.';
    const kept = mergeRepeatedTexts([
      doc('a', t, [{ start: 0, end: 5, label: 'actor' }]),
      doc('b', 'other', []),
      doc('c', t, [
        { start: 17, end: 22, label: 'country' },
        { start: 0, end: 5, label: 'actor' },
      ]),
    ]);
    expect(kept.map((d) => d.id)).toEqual(['a', 'b']);
    expect(kept[0].spans).toEqual([
      { start: 0, end: 5, label: 'actor' },
      { start: 17, end: 22, label: 'country' },
    ]);
  });

  it('a crafted collision (X, X-<sha8 of the second>, X) still finds a free id', () => {
    const sha = 'abcdef0123456789'.repeat(4);
    const taken = new Set(['X', `X-${sha.slice(0, 8)}`]);
    expect(firstFreeId('X', sha, (id) => taken.has(id))).toBe(`X-${sha.slice(0, 16)}`);
    // idCandidates never ends: take the first six by hand (spreading it would never return).
    const all: string[] = [];
    for (const candidate of idCandidates('X', sha)) if (all.push(candidate) === 6) break;
    expect(new Set(all).size).toBe(6);
  });
});
