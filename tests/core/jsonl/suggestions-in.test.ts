// A backup line's "suggestions": written in code points beside the spans,
// read back to the same UTF-16 offsets with source, score and rejection, the
// quote checked as a span's; a bad entry is named and the rest still load.
import { describe, expect, it } from 'vitest';
import { ExportError, toJsonlLine } from '../../../core/jsonl';
import { parseJsonlLine } from '../../../core/jsonl/parser';
import type { ExportSuggestion } from '../../../core/jsonl/records';
import { recordOf, spansFor } from './samples';

const TEXT = '🇫🇷 France\r\nand e\u0301 Italy, 𠀀 UK';
const at = (word: string) => ({ start: TEXT.indexOf(word), end: TEXT.indexOf(word) + word.length, text: word });

describe('a backup line’s suggestions', () => {
  const suggestions: ExportSuggestion[] = [
    { ...at('Italy'), label: 'country', source: 'projection', score: 1 },
    { ...at('UK'), label: 'actor', source: 'actors', rejected: true },
  ];
  const record = { ...recordOf('d', TEXT, spansFor(TEXT, ['France'], 'country')), suggestions };

  it('are written in code points, so Python slices their text', () => {
    const out = JSON.parse(toJsonlLine(record, 'prodigy'));
    for (const s of out.suggestions) expect([...out.text].slice(s.start, s.end).join('')).toBe(s.text);
    expect(out.suggestions.map((s: ExportSuggestion) => s.source)).toEqual(['projection', 'actors']);
    // Exports for training never carry them: a record without the field writes none.
    expect(JSON.parse(toJsonlLine({ ...record, suggestions: undefined }, 'prodigy'))).not.toHaveProperty('suggestions');
  });

  it('come back at the same UTF-16 offsets with source, score and rejection', () => {
    const parsed = parseJsonlLine(toJsonlLine(record, 'prodigy'), 1);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.errors).toEqual([]);
    expect(parsed.record.suggestions).toEqual([
      { start: at('Italy').start, end: at('Italy').end, label: 'country', source: 'projection', score: 1 },
      { start: at('UK').start, end: at('UK').end, label: 'actor', source: 'actors', rejected: true },
    ]);
    expect(parsed.record.spans.map((s) => TEXT.slice(s.start, s.end))).toEqual(['France']);
  });

  it('are refused on the way out when their quote no longer matches the text', () => {
    const stale = { ...record, suggestions: [{ ...suggestions[0], text: 'Spain' }] };
    expect(() => toJsonlLine(stale, 'prodigy')).toThrow(ExportError);
  });

  it('name a bad entry with its place, keep the good ones, and say what was not kept', () => {
    const line = JSON.stringify({
      text: 'UK and France',
      suggestions: [
        { start: 0, end: 2, label: 'country', text: 'UK', source: 'x'.repeat(201), score: 7 },
        { start: 7, end: 13, label: 'country', text: 'Spain' },
        'nonsense',
      ],
    });
    const parsed = parseJsonlLine(line, 4);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.record.suggestions).toEqual([{ start: 0, end: 2, label: 'country', source: 'imported' }]);
    expect(parsed.errors).toEqual([
      expect.stringMatching(/^suggestion 2 dropped: span text "Spain" does not match/),
      'suggestion 3 dropped: not an object (got string)',
    ]);
    expect(parsed.warnings).toEqual([
      expect.stringMatching(/^suggestion 1: source .* not kept; named "imported"$/),
      'suggestion 1: score 7 ignored (not 0..1)',
    ]);
  });
});
