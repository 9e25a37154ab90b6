import { describe, expect, it } from 'vitest';
import { suggestRecord, suggestText } from '../../../core/suggest/suggest';

describe('suggest (all suggesters for one document)', () => {
  it('gives code point offsets at the file boundary, also after emoji and astral characters', () => {
    const text = '👋𠀀 The UK will pledge £84 million. 🇫🇷 France agreed.';
    const spans = suggestRecord(text, []);
    const points = [...text];
    for (const s of spans) expect(points.slice(s.start, s.end).join('')).toBe(s.text);
    expect(spans.map((s) => [s.label, s.text])).toEqual(
      expect.arrayContaining([
        ['country', 'UK'],
        ['money', '£84 million'],
        ['country', 'France'],
      ]),
    );
    const uk = spans.find((s) => s.text === 'UK');
    expect(uk?.start).toBe(7); // 👋 and 𠀀 are one code point each
  });

  it('suggests other occurrences of existing spans and nothing that overlaps them', () => {
    const text = 'Acme Widgets spoke. Later Acme Widgets left.';
    const existing = [{ start: 0, end: 12, label: 'actor' }];
    const found = suggestText(text, existing).filter((c) => c.label === 'actor');
    expect(found.map((c) => [c.start, c.source])).toEqual([[26, 'occurrences']]);
  });
});
