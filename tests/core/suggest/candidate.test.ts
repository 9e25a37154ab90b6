import { describe, expect, it } from 'vitest';
import { byPosition, candidate, longestPerLabel, ofKnownLabels, suggestionRows } from '../../../core/suggest/candidate';

describe('candidates', () => {
  it('keeps per label the longest candidates that do not overlap; other labels may nest', () => {
    const kept = longestPerLabel([
      candidate(0, 4, 'actor', 'patterns', 0.5),
      candidate(0, 10, 'actor', 'patterns', 0.4),
      candidate(8, 12, 'actor', 'patterns', 0.9),
      candidate(2, 6, 'country', 'countries', 0.9),
      candidate(12, 15, 'actor', 'patterns', 0.9),
    ]).sort(byPosition);
    expect(kept.map((c) => [c.start, c.end, c.label])).toEqual([
      [0, 10, 'actor'],
      [2, 6, 'country'],
      [12, 15, 'actor'],
    ]);
  });

  it('become suggestion rows quoting the text (UTF-16 offsets, as the app stores them), with an id of offsets and label', () => {
    const text = 'Le 𠮷 pays: Türkiye';
    const start = text.indexOf('Türkiye');
    const [row] = suggestionRows('doc-1', [candidate(start, start + 7, 'country', 'countries', 0.8)], text, 42);
    expect(row).toEqual({
      id: `doc-1:${start}:${start + 7}:country`,
      docId: 'doc-1',
      start,
      end: start + 7,
      label: 'country',
      text: 'Türkiye',
      source: 'countries',
      score: 0.8,
      createdAt: 42,
    });
  });

  it('keeps only the suggestions whose label the project still has', () => {
    const rows = [candidate(0, 4, 'actor', 'patterns', 0.5), candidate(5, 9, 'commitment', 'tagger', 0.7)];
    expect(ofKnownLabels(rows, [{ name: 'actor' }, { name: 'country' }])).toEqual([rows[0]]);
    expect(ofKnownLabels(rows, [])).toEqual([]);
  });
});
