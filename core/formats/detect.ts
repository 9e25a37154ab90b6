// Which reader a file needs, decided by its content (the extension only breaks
// ties): a .txt holding CoNLL lines is CoNLL, a .json holding JSON Lines is
// JSON Lines. `head` is the file's beginning, decoded (a few KB is enough).
export const INPUT_FORMATS = ['jsonl', 'json', 'brat', 'conll', 'webanno-tsv', 'xmi', 'text'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const TEXT_EXTENSIONS = /\.(txt|md|text)$/i;
const KNOWN_EXTENSIONS =
  /\.(jsonl|ndjson|json|jsonld|ann|conll|conllu|iob|iob2|bio|biluo|bioes|tsv|xmi|xml|txt|md|text)$/i;
const BRAT_LINE = /^(T\d+\t\S+ \d+ \d+(;\d+ \d+)*\t|[RAMNE]\d+\t\S+ |#\d*\tAnnotatorNotes |\*\t)/;
const TAG = /^(O|[BIELSU]-\S+)$/;

function lines(head: string, max = 200): string[] {
  const all = head.replace(/^\uFEFF/, '').split(/\r?\n/, max + 1);
  // The last line of a cut head may be cut too.
  return all.length > max ? all.slice(0, max) : all;
}

function looksConll(ls: string[]): boolean {
  const body = ls.filter((l) => l.trim() !== '' && !l.startsWith('-DOCSTART-') && !l.startsWith('#'));
  if (body.length === 0) return false;
  const spacy = body.every((l) =>
    l
      .trim()
      .split(/\s+/)
      .every((t) => t.includes('|') && TAG.test(t.slice(t.lastIndexOf('|') + 1))),
  );
  if (spacy) return body.some((l) => /\|[BIELSU]-\S+(\s|$)/.test(l));
  const tagged = body.filter((l) => {
    const cols = l.trim().split(/\s+/);
    return cols.length >= 2 && cols.length <= 20 && TAG.test(cols[cols.length - 1]);
  });
  const entity = tagged.some((l) => /\s[BIELSU]-\S+$/.test(l.trim()));
  return tagged.length === body.length && entity && (body.length >= 2 || ls.some((l) => l.startsWith('-DOCSTART-')));
}

/** A first line that is a whole JSON value, with more lines after it: JSON Lines (whatever the line holds). */
function jsonLinesOrDocument(ls: string[], name: string): InputFormat {
  const nonBlank = ls.filter((l) => l.trim() !== '');
  try {
    JSON.parse(nonBlank[0]);
    return nonBlank.length > 1 || /\.(jsonl|ndjson)$/i.test(name) || nonBlank[0].trim().startsWith('{')
      ? 'jsonl'
      : 'json';
  } catch {
    // A first line that is not a whole value: pretty-printed JSON, or broken JSON Lines.
    const first = nonBlank[0].trim();
    return first === '{' || first.startsWith('[') || /\.json(ld)?$/i.test(name) ? 'json' : 'jsonl';
  }
}

/**
 * The reader for a file, by its content first; undefined when it is none the app reads.
 * A .txt or .md file is a document whatever it holds (its text is what gets annotated),
 * unless every line of it is a CoNLL token line with at least one entity tag.
 */
export function detectFormat(name: string, head: string): InputFormat | undefined {
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  const ls = lines(head);
  if (TEXT_EXTENSIONS.test(name)) return looksConll(ls) ? 'conll' : 'text';
  if (/^#FORMAT=WebAnno TSV 3/.test(trimmed)) return 'webanno-tsv';
  if (/^<\?xml[^>]*>\s*<xmi:XMI|^<xmi:XMI/.test(trimmed)) return 'xmi';
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) return jsonLinesOrDocument(ls, name);
  const body = ls.filter((l) => l.trim() !== '');
  if (body.length > 0 && body.every((l) => BRAT_LINE.test(l))) return 'brat';
  if (looksConll(ls)) return 'conll';
  if (/\.ann$/i.test(name) && body.length === 0) return 'brat';
  if (/\.(jsonl|ndjson)$/i.test(name)) return 'jsonl';
  return undefined;
}

/** True for files worth opening to look at (an image or an archive is skipped without reading it). */
export function mayBeReadable(name: string): boolean {
  return KNOWN_EXTENSIONS.test(name) || !/\.[^./\\]+$/.test(name);
}
