// brat standoff: a document's .txt beside its .ann, one annotation a line.
//   T1<TAB>Label 0 5;7 10<TAB>text    a text-bound span (";" separates fragments)
//   R1<TAB>Label Arg1:T1 Arg2:T2      a relation         -> RelationDraft
//   A1<TAB>Negation T1 / M1 ... Value  an attribute       -> a line of the span's note
//   N1<TAB>Reference T1 db:id<TAB>txt  a normalization    -> a line of the span's note
//   #1<TAB>AnnotatorNotes T1<TAB>note  a note             -> the span's note
//   E1, *                             events and equivalences: not supported, reported
// Offsets count code points of the .txt (brat's server is Python); files made in
// brat's web client count UTF-16 after an astral character, so a quote that only
// fits in UTF-16 is read that way and said. A discontinuous span becomes one span
// per fragment, each noted as "fragment i of n of T1" (the app has no gaps in spans).
// Writing follows brat's own reader (server/src/annotation.py, nlplab/brat @ 44ecd82):
// labels without spaces, a span crossing a line break split there into fragments.
import { makeOffsetConverter, type OffsetConverter } from '../codepoints';
import type { RelationDraft, SpanDraft } from '../model';
import {
  error,
  quotedSpans,
  relationsOf,
  warning,
  type FormatDocument,
  type FormatProblem,
  type FormatRead,
} from './document';

const T_LINE = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\s*(?:\t(.*))?$/;
const R_LINE = /^(R\d+)\t(\S+) (\S+):(T\d+) (\S+):(T\d+)\s*$/;
const A_LINE = /^([AM]\d+)\t(\S+) (T\d+)(?: (\S+))?\s*$/;
const N_LINE = /^(N\d+)\t(\S+) (T\d+) (\S+)(?:\t(.*))?$/;
const NOTE_LINE = /^(#\d*)\t(\S+) (\S+)\t(.*)$/;

interface Reading {
  text: string;
  conv: OffsetConverter;
  spans: SpanDraft[];
  /** brat id -> indexes of its spans (several for a discontinuous one). */
  ids: Map<string, number[]>;
  relations: RelationDraft[];
  problems: FormatProblem[];
  utf16Spans: number;
}

function addNote(reading: Reading, id: string, note: string, line: number): void {
  const at = reading.ids.get(id)?.[0];
  if (at === undefined)
    return void reading.problems.push(
      warning(
        `note on ${id} not kept: ${id} is not a span of this file (notes on relations and events have no place in the app)`,
        line,
      ),
    );
  const span = reading.spans[at];
  span.note = span.note ? `${span.note}\n${note}` : note;
}

/**
 * Offsets of the fragments in UTF-16, trying code points first and UTF-16 when only that fits the quote.
 * As brat's own reader: the quote must begin with the fragments' text joined by a space (more is a
 * trailing comment), and a line without a quote takes the text the offsets select.
 */
function fragmentsOf(reading: Reading, ranges: string, quote: string | undefined): Array<[number, number]> | string {
  const parts = ranges.split(';').map((r) => r.split(' ').map(Number) as [number, number]);
  const asCodePoints = parts.every(([s, e]) => s < e && e <= reading.conv.codePointLength);
  const cp = asCodePoints
    ? parts.map(([s, e]): [number, number] => [reading.conv.toUtf16(s), reading.conv.toUtf16(e)])
    : undefined;
  const fits = (frags: Array<[number, number]>) =>
    quote === undefined || quote.startsWith(frags.map(([s, e]) => reading.text.slice(s, e)).join(' '));
  if (cp && fits(cp)) return cp;
  const utf16 = parts.every(
    ([s, e]) => s < e && e <= reading.text.length && reading.conv.isBoundary(s) && reading.conv.isBoundary(e),
  );
  if (utf16 && fits(parts)) return (reading.utf16Spans++, parts);
  if (!asCodePoints) return `offsets ${ranges} are outside the text (${reading.conv.codePointLength} code points)`;
  return `text ${JSON.stringify(quote ?? '')} does not match the .txt at ${ranges} (${JSON.stringify(cp!.map(([s, e]) => reading.text.slice(s, e)).join(' '))})`;
}

function readT(reading: Reading, m: RegExpExecArray, line: number): void {
  const [, id, label, ranges, quote] = m as unknown as [string, string, string, string, string | undefined];
  const frags = fragmentsOf(reading, ranges, quote);
  if (typeof frags === 'string') return void reading.problems.push(error(`${id} not imported: ${frags}`, line));
  const indexes = frags.map(([start, end], i) => {
    const span: SpanDraft = { start, end, label };
    if (frags.length > 1) span.note = `fragment ${i + 1} of ${frags.length} of brat ${id}`;
    return reading.spans.push(span) - 1;
  });
  if (frags.length > 1)
    reading.problems.push(
      warning(`${id} is discontinuous: imported as ${frags.length} spans, each noted as a fragment of ${id}`, line),
    );
  reading.ids.set(id, indexes);
}

function readLine(reading: Reading, raw: string, line: number): void {
  let m: RegExpExecArray | null;
  if ((m = T_LINE.exec(raw))) return readT(reading, m, line);
  if ((m = R_LINE.exec(raw))) {
    const [, id, label, , head, , child] = m;
    const [h, c] = [reading.ids.get(head)?.[0], reading.ids.get(child)?.[0]];
    if (h === undefined || c === undefined)
      return void reading.problems.push(
        error(`${id} not imported: ${h === undefined ? head : child} is not a span read before it`, line),
      );
    return void reading.relations.push({ head: h, child: c, label });
  }
  if ((m = A_LINE.exec(raw))) return addNote(reading, m[3], m[4] ? `${m[2]}: ${m[4]}` : m[2], line);
  if ((m = N_LINE.exec(raw))) return addNote(reading, m[3], `${m[2]} ${m[4]}${m[5] ? ` (${m[5]})` : ''}`, line);
  if ((m = NOTE_LINE.exec(raw))) return addNote(reading, m[3], m[4], line);
  if (/^E\d+\t/.test(raw))
    return void reading.problems.push(
      warning(
        `event ${raw.split('\t')[0]} not imported: brat events are not supported (their trigger spans are imported)`,
        line,
      ),
    );
  if (/^\*\t/.test(raw))
    return void reading.problems.push(warning('equivalence (*) not imported: not supported', line));
  reading.problems.push(error(`not a brat annotation line: ${JSON.stringify(raw.slice(0, 80))}`, line));
}

/** One brat document: the .txt's text and the .ann's lines. Problems' lines are .ann lines. */
export function readBrat(text: string, ann: string): FormatRead {
  const reading: Reading = {
    text,
    conv: makeOffsetConverter(text),
    spans: [],
    ids: new Map(),
    relations: [],
    problems: [],
    utf16Spans: 0,
  };
  const lines = ann.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => raw.trim() !== '' && readLine(reading, raw, i + 1));
  if (reading.utf16Spans > 0)
    reading.problems.push(
      warning(
        `${reading.utf16Spans} spans counted UTF-16 units (brat's web client after an emoji): read that way, their quotes match`,
      ),
    );
  const doc: FormatDocument = { text, spans: reading.spans };
  if (reading.relations.length > 0) doc.relations = reading.relations;
  return { documents: [doc], problems: reading.problems };
}

// brat reads an .ann with Python's readlines(), which ends a line at every str.splitlines boundary, not
// only \n and \r (nlplab/brat server/src/annotation.py, open_textfile + _parse_ann_lines). Nothing of
// ours may hold one inside a line, or brat would read a cut line and a junk one.
// eslint-disable-next-line no-control-regex -- these control characters are the line boundaries brat's reader cuts at
const BREAK = /(\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])/;
// eslint-disable-next-line no-control-regex -- these control characters are the line boundaries brat's reader cuts at
const ONLY_BREAKS = /^[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+$/;

/** brat labels are one token (Python's split() cuts at any white space): white space becomes underscores. */
// eslint-disable-next-line no-control-regex -- these control characters are the line boundaries brat's reader cuts at
export const bratLabel = (label: string): string => label.replace(/[\s\x1c-\x1f\x85]/g, '_');

// eslint-disable-next-line no-control-regex -- these control characters are the line boundaries brat's reader cuts at
const oneLine = (s: string) => s.replace(/[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+/g, ' ');

/** Fragments of a span split at line breaks, as brat makes them: offsets in code points. */
function bratFragments(text: string, start: number): string {
  const frags: string[] = [];
  let at = start;
  for (const piece of text.split(BREAK)) {
    const len = [...piece].length;
    if (!ONLY_BREAKS.test(piece) && len > 0) frags.push(`${at} ${at + len}`);
    at += len;
  }
  // A span of no length is "S S" with an empty quote, which brat reads; it must have one fragment.
  return frags.length > 0 ? frags.join(';') : `${start} ${start}`;
}

/**
 * A document as brat's .ann text (the .txt is the document's text, unchanged). A span made only of line
 * breaks has no fragment brat can hold: it is left out and said in `problems`, with its relations.
 */
export function writeBratAnn(doc: FormatDocument, i = 0, problems: FormatProblem[] = []): string {
  const lines: string[] = [];
  const tid = new Map<number, string>();
  let notes = 0;
  const where = doc.name ?? doc.id ?? `document ${i + 1}`;
  for (const s of quotedSpans(doc, i)) {
    if (s.text !== '' && ONLY_BREAKS.test(s.text)) {
      problems.push(
        warning(`${where}: a ${s.label} span of line breaks only at ${s.start}: brat cannot hold it, left out`),
      );
      continue;
    }
    const id = `T${tid.size + 1}`;
    tid.set(s.index, id);
    const pieces = s.text.split(BREAK).filter((p) => p !== '' && !ONLY_BREAKS.test(p));
    lines.push(`${id}\t${bratLabel(s.label)} ${bratFragments(s.text, s.start)}\t${pieces.join(' ')}`);
    if (s.note) lines.push(`#${++notes}\tAnnotatorNotes ${id}\t${oneLine(s.note)}`);
  }
  let relations = 0;
  for (const r of relationsOf(doc)) {
    const [head, child] = [tid.get(r.head), tid.get(r.child)];
    if (!head || !child) {
      problems.push(warning(`${where}: a ${r.label} relation to a span left out: left out too`));
      continue;
    }
    lines.push(`R${++relations}\t${bratLabel(r.label)} Arg1:${head} Arg2:${child}\t`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
