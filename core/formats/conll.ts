// CoNLL-style token-per-line files (CoNLL 2003, IOB1, IOB2, BILUO/BIOES) and
// spaCy's sentence-per-line `word|POS|TAG`. The tag is the last column.
//
// Reading rebuilds the text by one documented rule: tokens joined by one
// space, sentences (blank-line separated, or one spaCy line) by a newline;
// `-DOCSTART-` lines start a new document. Offsets follow from the rebuild.
//
// Writing tokenises with core/formats/tokens.ts (Intl.Segmenter, one sentence
// a line of text) and tags IOB2. What IOB cannot hold is reported, never
// dropped silently: a span not on token boundaries is widened to the tokens
// it touches, a span overlapping an earlier one is left out.
import type { SpanDraft } from '../model';
import { docName, error, warning, type FormatDocument, type FormatProblem, type FormatRead } from './document';
import { sentencesOf, type Token } from './tokens';

interface TaggedToken {
  text: string;
  tag: string;
  line: number;
}

const TAG = /^(?:O|[BIELSU]-.+)$/;

function splitColumns(line: string): string[] {
  return line.includes('\t')
    ? line
        .split('\t')
        .map((c) => c.trim())
        .filter((c) => c !== '')
    : line.trim().split(/\s+/);
}

/** spaCy's one sentence a line: `word|POS|TAG word|POS|TAG` (tag last). */
function spacyLine(line: string, lineNo: number): TaggedToken[] | undefined {
  const items = line.trim().split(/\s+/);
  // A word is never empty ("|E-X" would make an empty span): such a line is not spaCy's shape.
  if (!items.every((t) => t.indexOf('|') > 0 && TAG.test(t.slice(t.lastIndexOf('|') + 1)))) return undefined;
  return items.map((t) => ({ text: t.slice(0, t.indexOf('|')), tag: t.slice(t.lastIndexOf('|') + 1), line: lineNo }));
}

/** Builds one document from its sentences, turning IOB1/IOB2/BILUO tags into spans. */
function buildDocument(sentences: TaggedToken[][], problems: FormatProblem[], line: number): FormatDocument {
  let text = '';
  const spans: SpanDraft[] = [];
  sentences.forEach((sentence, si) => {
    if (si > 0) text += '\n';
    let open: SpanDraft | undefined;
    const close = () => void (open && spans.push(open), (open = undefined));
    sentence.forEach((tok, ti) => {
      if (ti > 0) text += ' ';
      const start = text.length;
      text += tok.text;
      const end = text.length;
      const [prefix, label] = tok.tag === 'O' ? ['O', ''] : [tok.tag[0], tok.tag.slice(2)];
      if (prefix === 'O') return close();
      const continues = (prefix === 'I' || prefix === 'L' || prefix === 'E') && open?.label === label;
      if (continues) open!.end = end;
      else {
        if ((prefix === 'L' || prefix === 'E') && open?.label !== label)
          problems.push(warning(`${tok.tag} without a span to end: read as a one-token span`, tok.line));
        close();
        open = { start, end, label };
      }
      if (prefix === 'L' || prefix === 'E' || prefix === 'U' || prefix === 'S') close();
    });
    close();
  });
  return { text, spans, line };
}

/** A CoNLL/IOB/BILUO file (or spaCy's word|POS|TAG lines) as documents. */
export function readConll(content: string): FormatRead {
  const problems: FormatProblem[] = [];
  const documents: FormatDocument[] = [];
  let sentences: TaggedToken[][] = [];
  let sentence: TaggedToken[] = [];
  let docLine = 1;
  const endSentence = () => void (sentence.length > 0 && sentences.push(sentence), (sentence = []));
  const endDocument = (nextLine: number) => {
    endSentence();
    if (sentences.length > 0) documents.push(buildDocument(sentences, problems, docLine));
    sentences = [];
    docLine = nextLine;
  };
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const lineNo = i + 1;
      if (raw.trim() === '') return endSentence();
      if (raw.startsWith('-DOCSTART-')) return endDocument(lineNo + 1);
      const spacy = raw.includes('|') ? spacyLine(raw, lineNo) : undefined;
      if (spacy) return void (endSentence(), sentences.push(spacy));
      const cols = splitColumns(raw);
      const tag = cols.at(-1)!;
      if (cols.length < 2 || !TAG.test(tag))
        return void problems.push(
          error(
            `not a "token … TAG" line (the last column must be O or B-/I-/L-/U-/E-/S-LABEL): ${JSON.stringify(raw.slice(0, 80))}`,
            lineNo,
          ),
        );
      sentence.push({ text: cols[0], tag, line: lineNo });
    });
  endDocument(0);
  return { documents, problems };
}

export interface TaggedSentence {
  tokens: Token[];
  tags: string[];
}

/**
 * Tokens cut where a kept span starts or ends inside one ("Uber’s" is one word
 * to Intl.Segmenter; a span over "Uber" makes it "Uber" + "’s"), so every span
 * keeps its exact extent; each cut is reported.
 */
function cutAtSpans(
  text: string,
  spans: readonly SpanDraft[],
  tokens: Token[],
  name: string,
  problems: FormatProblem[],
): Token[] {
  const edges = [...new Set(spans.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  return tokens.flatMap((t) => {
    const cuts = edges.filter((e) => e > t.start && e < t.end);
    if (cuts.length === 0) return [t];
    problems.push(
      warning(`${name}: token ${JSON.stringify(t.text)} cut at a span's edge, so the span keeps its extent`),
    );
    return [t.start, ...cuts].map((start, k) => {
      const end = k < cuts.length ? cuts[k] : t.end;
      return { start, end, text: text.slice(start, end) };
    });
  });
}

/** Spans IOB can hold: one label a character, so a span overlapping an earlier one is left out (and said). */
function nonOverlapping(doc: FormatDocument, name: string, problems: FormatProblem[]): SpanDraft[] {
  const kept: SpanDraft[] = [];
  for (const span of [...(doc.spans ?? [])].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const where = `${name}: span ${JSON.stringify(doc.text.slice(span.start, span.end))} (${span.label})`;
    if (kept.some((k) => k.start < span.end && span.start < k.end))
      problems.push(error(`${where} overlaps an earlier span: IOB holds one label a token, left out`));
    else kept.push(span);
  }
  return kept;
}

/** IOB2 tags over the document's tokens; problems name the document and the span. */
export function tagDocument(doc: FormatDocument, i: number, problems: FormatProblem[]): TaggedSentence[] {
  const name = docName(doc, i);
  const spans = nonOverlapping(doc, name, problems);
  const sentences = sentencesOf(doc.text)
    .map((tokens) => cutAtSpans(doc.text, spans, tokens, name, problems))
    .map((tokens) => ({ tokens, tags: tokens.map(() => 'O') }));
  const flat = sentences.flatMap((s, si) => s.tokens.map((t, ti) => ({ t, si, ti })));
  for (const span of spans) {
    const covered = flat.filter(({ t }) => t.end > span.start && t.start < span.end);
    const where = `${name}: span ${JSON.stringify(doc.text.slice(span.start, span.end))} (${span.label})`;
    if (covered.length === 0) {
      problems.push(error(`${where} covers only white space: left out`));
      continue;
    }
    if (covered[0].si !== covered.at(-1)!.si)
      problems.push(warning(`${where} crosses a line break: IOB ends it at the sentence end`));
    covered.forEach(
      ({ si, ti }, k) => (sentences[si].tags[ti] = `${k === 0 || covered[k - 1].si !== si ? 'B' : 'I'}-${span.label}`),
    );
  }
  return sentences;
}

/** Documents as CoNLL 2003 style `token TAG` lines (IOB2), `-DOCSTART- O` before each document. */
export function writeConll(docs: readonly FormatDocument[], problems: FormatProblem[]): string {
  const out: string[] = [];
  docs.forEach((doc, i) => {
    out.push('-DOCSTART- O', '');
    for (const s of tagDocument(doc, i, problems)) {
      s.tokens.forEach((t, k) => out.push(`${t.text.replace(/\s/g, '_')} ${s.tags[k]}`));
      out.push('');
    }
  });
  return `${out.join('\n')}\n`;
}
