// Which reader a file needs, decided by its content (the extension only breaks
// ties): a .txt holding CoNLL lines is CoNLL, a .json holding JSON Lines is
// JSON Lines. `head` is the file's beginning, decoded (a few KB is enough).
export const INPUT_FORMATS = ['jsonl', 'json', 'brat', 'conll', 'webanno-tsv', 'xmi', 'text'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const TEXT_EXTENSIONS = /\.(txt|md|text)$/i;
const KNOWN_EXTENSIONS = /\.(jsonl|ndjson|json|jsonld|ann|conll|conllu|iob|iob2|bio|biluo|bioes|tsv|xmi|xml|txt|md|text)$/i;
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
  const spacy = body.every((l) => l.trim().split(/\s+/).every((t) => t.includes('|') && TAG.test(t.slice(t.lastIndexOf('|') + 1))));
  if (spacy) return true;
  const tagged = body.filter((l) => {
    const cols = l.trim().split(/\s+/);
    return cols.length >= 2 && cols.length <= 20 && TAG.test(cols[cols.length - 1]);
  });
  return tagged.length === body.length && (body.length >= 2 || ls.some((l) => l.startsWith('-DOCSTART-')));
}

/** The reader for a file, by its content first; undefined when it is none the app reads. */
export function detectFormat(name: string, head: string): InputFormat | undefined {
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  const ls = lines(head);
  if (/^#FORMAT=WebAnno TSV 3/.test(trimmed)) return 'webanno-tsv';
  if (/^<\?xml[^>]*>\s*<xmi:XMI|^<xmi:XMI/.test(trimmed)) return 'xmi';
  if (trimmed.startsWith('[')) return 'json';
  if (trimmed.startsWith('{')) {
    const first = ls.find((l) => l.trim() !== '')!.trim();
    try {
      JSON.parse(first);
      return 'jsonl';
    } catch {
      // A first line that is not a whole object: pretty-printed JSON, or broken JSON Lines.
      return first === '{' || /\.json(ld)?$/i.test(name) ? 'json' : 'jsonl';
    }
  }
  const body = ls.filter((l) => l.trim() !== '');
  if (body.length > 0 && body.every((l) => BRAT_LINE.test(l)) && !/\.(txt|md)$/i.test(name)) return 'brat';
  if (looksConll(ls)) return 'conll';
  if (/\.ann$/i.test(name) && body.length === 0) return 'brat';
  if (/\.jsonl$/i.test(name)) return 'jsonl';
  if (TEXT_EXTENSIONS.test(name)) return 'text';
  return undefined;
}

/** True for files worth opening to look at (an image or an archive is skipped without reading it). */
export function mayBeReadable(name: string): boolean {
  return KNOWN_EXTENSIONS.test(name) || !/\.[^./\\]+$/.test(name);
}
