import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeKey, segmentSentences, tokenize } from '../../../core/align';

const slices = (text: string, ranges: ReadonlyArray<{ start: number; end: number }>) =>
  ranges.map((r) => text.slice(r.start, r.end));

describe('normalizeKey', () => {
  it('erases case, accents, inner hyphens and apostrophes', () => {
    expect(normalizeKey('Co-operation')).toBe(normalizeKey('cooperation'));
    expect(normalizeKey('I’ve')).toBe(normalizeKey("I've"));
    expect(normalizeKey('Café')).toBe('cafe');
    expect(normalizeKey('ﬁnal')).toBe('final');
  });

  it('gives the same key to co-operation spelled with U+002D, U+2010, U+2011 or a soft hyphen', () => {
    const text = 'co-operation co\u2010operation co\u2011operation co\u00ADoperation cooperation';
    expect(tokenize(text).map((t) => t.key)).toEqual(Array(5).fill('cooperation'));
  });

  it('treats a soft hyphen inside a word as nothing', () => {
    const [word] = tokenize('co\u00ADoperation');
    expect(word.key).toBe('cooperation');
    expect(word.end).toBe(12);
  });
});

describe('tokenize', () => {
  it('keeps hyphenated and apostrophised words whole, with exact offsets', () => {
    const text = '“I’ve\tseen co-operation,” she said.';
    const tokens = tokenize(text);
    expect(slices(text, tokens)).toEqual(['I’ve', 'seen', 'co-operation', 'she', 'said']);
    expect(tokens.map((t) => t.key)).toEqual(['ive', 'seen', 'cooperation', 'she', 'said']);
  });

  it('counts astral characters as two UTF-16 units', () => {
    const text = '😀 𝐀lpha and x𝐁\r\nnext';
    const tokens = tokenize(text);
    expect(slices(text, tokens)).toEqual(['𝐀lpha', 'and', 'x𝐁', 'next']);
    expect(tokens[0].start).toBe(3);
    expect(tokens[0].key).toBe('alpha');
  });

  it('slices back to the words for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        for (const t of tokenize(text)) {
          expect(t.end).toBeGreaterThan(t.start);
          expect(/^[\p{L}\p{N}]/u.test(text.slice(t.start, t.end))).toBe(true);
        }
      }),
    );
  });
});

describe('segmentSentences', () => {
  it('breaks at sentence ends and line breaks, keeping closing quotes and CRLF offsets', () => {
    const text = 'Heading\r\n“I agree,” he said. “So do I.” Mr. Smith left.\r\n\r\nlast line';
    expect(slices(text, segmentSentences(text))).toEqual([
      'Heading',
      '“I agree,” he said.',
      '“So do I.”',
      'Mr. Smith left.',
      'last line',
    ]);
  });

  it('breaks at the stops of scripts without spaces after them, and at Arabic question marks', () => {
    const zh = '第一句话。第二句话！第三句？好的。';
    expect(slices(zh, segmentSentences(zh))).toEqual(['第一句话。', '第二句话！', '第三句？', '好的。']);
    const ar = 'عاد الوزير. ثم غادر؟ نعم.';
    expect(slices(ar, segmentSentences(ar))).toEqual(['عاد الوزير.', 'ثم غادر؟', 'نعم.']);
  });

  it('keeps initials and abbreviations inside, and breaks after an ellipsis', () => {
    const text = 'J. Smith met Prof. Jones at 3 p.m. today. He left… Then he came back!';
    expect(slices(text, segmentSentences(text))).toEqual([
      'J. Smith met Prof. Jones at 3 p.m. today.',
      'He left…',
      'Then he came back!',
    ]);
  });

  it('does not break before a lower-case word', () => {
    const text = 'across the continent. together, we can.';
    expect(slices(text, segmentSentences(text))).toEqual([text]);
  });

  it('drops passages without words and cuts run-on passages', () => {
    const long = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');
    const sentences = segmentSentences(`***\n${long}`);
    expect(sentences.length).toBe(3);
    expect(sentences[0].start).toBe(4);
    expect(sentences.at(-1)!.end).toBe(4 + long.length);
  });
});
