// Who made each span, read from the raw JSONL lines, because the shared
// reader (main/services/jsonl-file.ts) keeps only text and spans. Fields:
//   "_annotator_id"      on a record (Prodigy's multi-annotator exports),
//   "annotator"          on a span (what `corpus merge --all` writes),
//   "meta.annotators"    the annotators a merged record covers, so one who
//                        made no span there still counts as having read it.
// Only files that mention "annotator" at all are parsed a second time.
// Lines are matched to the reader's documents by text and occurrence (the
// k-th line with a given text is the k-th document with it), and spans by
// (start, end, label) in code points, since the reader may drop bad spans.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface LineAnnotators {
  /** The record's _annotator_id, if any. */
  readonly record?: string;
  /** meta.annotators, if any. */
  readonly covered?: readonly string[];
  /** Span annotators by "start:end:label" (code points), in line order. */
  readonly spans: ReadonlyMap<string, string[]>;
}

/** Per text, the annotator fields of each line holding it, in file order. */
export type AnnotatorFields = Map<string, LineAnnotators[]>;

const NEEDLE = Buffer.from('annotator');

async function mentionsAnnotator(file: string): Promise<boolean> {
  let tail = Buffer.alloc(0);
  for await (const chunk of createReadStream(file)) {
    const bytes = Buffer.concat([tail, chunk as Buffer]);
    if (bytes.includes(NEEDLE)) return true;
    tail = bytes.subarray(Math.max(0, bytes.length - NEEDLE.length));
  }
  return false;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v !== '';

function fieldsOf(record: Record<string, unknown>): LineAnnotators {
  const spans = new Map<string, string[]>();
  for (const span of Array.isArray(record.spans) ? record.spans : []) {
    if (!isObject(span) || !nonEmpty(span.annotator)) continue;
    const key = `${span.start}:${span.end}:${span.label}`;
    const list = spans.get(key);
    if (list) list.push(span.annotator);
    else spans.set(key, [span.annotator]);
  }
  const meta = isObject(record.meta) ? record.meta : {};
  const covered = Array.isArray(meta.annotators) ? meta.annotators.filter(nonEmpty) : undefined;
  return { record: nonEmpty(record._annotator_id) ? record._annotator_id : undefined, covered, spans };
}

/** The annotator fields of `file`, or undefined when it names no annotator anywhere. */
export async function readAnnotatorFields(file: string): Promise<AnnotatorFields | undefined> {
  if (!(await mentionsAnnotator(file).catch(() => false))) return undefined;
  const fields: AnnotatorFields = new Map();
  let first = true;
  for await (let line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (first && line.startsWith('\uFEFF')) line = line.slice(1);
    first = false;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue; // the reader reports it
    }
    if (!isObject(record) || typeof record.text !== 'string') continue;
    const list = fields.get(record.text);
    if (list) list.push(fieldsOf(record));
    else fields.set(record.text, [fieldsOf(record)]);
  }
  return fields;
}
