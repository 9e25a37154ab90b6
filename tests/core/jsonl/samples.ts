// Hard texts for offset tests, each with spans found by substring (UTF-16).
import type { ExportRecord, ExportSpan } from '../../../core/jsonl';

export const HARD_TEXTS: Record<string, { text: string; quotes: string[] }> = {
  emoji: { text: 'Family 👨‍👩‍👧 met in 🇬🇧 on Monday 😀.', quotes: ['👨‍👩‍👧', '🇬🇧', 'Monday', '😀'] },
  cjkAstral: { text: '𠀀𪜀 and 中文 then 𠀀 again', quotes: ['𠀀𪜀', '中文', 'again'] },
  combining: { text: 'Cafe\u0301 in Zu\u0308rich', quotes: ['Cafe\u0301', 'Zu\u0308rich'] },
  rtl: { text: 'مرحبا بالعالم — שלום עולם 😀 end', quotes: ['بالعالم', 'שלום', 'end'] },
  crlf: { text: 'line one\r\nline 𝒳 two\r\n', quotes: ['line 𝒳 two', '\r\n'] },
  bom: { text: '\uFEFFstarts with a BOM 🎉', quotes: ['\uFEFFstarts', 'BOM 🎉'] },
  tabs: { text: 'a\tb\t\t😀\tc ', quotes: ['\t😀\t', 'c '] },
  empty: { text: '', quotes: [] },
};

export function spansFor(text: string, quotes: string[], label = 'actor'): ExportSpan[] {
  return quotes.map((quote) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`quote ${quote} not in text`);
    return { start, end: start + quote.length, label, text: quote };
  });
}

export function recordOf(id: string, text: string, spans: ExportSpan[]): ExportRecord {
  return {
    id,
    name: `${id}.txt`,
    text,
    sha256: '0'.repeat(64),
    source: `/tmp/${id}.txt`,
    status: 'todo',
    updatedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
    spans,
  };
}

export function hardRecords(): ExportRecord[] {
  return Object.entries(HARD_TEXTS).map(([id, { text, quotes }]) => recordOf(id, text, spansFor(text, quotes)));
}

/** The check every exported span must pass: slicing by code points gives its text. */
export function codePointSliceOk(text: string, span: { start: number; end: number; text: string }): boolean {
  return [...text].slice(span.start, span.end).join('') === span.text;
}
