// Reads annotators' JSONL files for `corpus agree` and `corpus merge`
// through the shared reader (problems named by file and line, good records
// kept), and pairs their documents by text (sha256) into the input of
// core/agreement. An annotator is named by the record's _annotator_id or a
// span's "annotator" where given, else by the file name (the path when two
// files share a name).
import path from 'node:path';
import { DocumentPairing, toCodePointSpans, type AgreementInput, type LabeledSpan } from '../core/agreement';
import type { IncomingDocument } from '../core/model';
import { readJsonlFile } from '../main/services/jsonl-file';
import { readAnnotatorFields, type AnnotatorFields, type LineAnnotators } from './annotator-fields';
import type { ProblemReport } from './report';

export interface AnnotatorInputs {
  readonly input: AgreementInput;
  /** Each file and the annotators found in it, for the header line. */
  readonly files: ReadonlyArray<{ readonly file: string; readonly annotators: readonly string[] }>;
}

/** Default annotator per file: its base name without .jsonl, or the path as given when names clash. */
export function fileAnnotatorNames(files: readonly string[]): string[] {
  const bases = files.map((f) => path.basename(f).replace(/\.jsonl$/i, ''));
  return files.map((f, i) => (bases.filter((b) => b === bases[i]).length > 1 ? f : bases[i]));
}

const NO_FIELDS: LineAnnotators = { spans: new Map() };

/** The fields of the next line holding `text` (occurrences are consumed in order). */
function nextLine(fields: AnnotatorFields | undefined, seen: Map<string, number>, text: string): LineAnnotators {
  const lines = fields?.get(text);
  if (!lines) return NO_FIELDS;
  const k = seen.get(text) ?? 0;
  seen.set(text, k + 1);
  return lines[k] ?? NO_FIELDS;
}

/**
 * One document's spans split by annotator. Who has the document (and so a
 * layer, maybe empty): the record's _annotator_id, the annotators of
 * meta.annotators, the annotator of each span; a line naming none of them
 * belongs to the file's annotator.
 */
function splitByAnnotator(doc: IncomingDocument, line: LineAnnotators, fallback: string): Map<string, LabeledSpan[]> {
  const owner = line.record ?? fallback;
  const layers = new Map<string, LabeledSpan[]>();
  const layer = (name: string): LabeledSpan[] => {
    let spans = layers.get(name);
    if (!spans) layers.set(name, (spans = []));
    return spans;
  };
  if (line.record || (!line.covered && line.spans.size === 0)) layer(owner);
  for (const name of line.covered ?? []) layer(name);
  const queues = new Map([...line.spans].map(([key, names]) => [key, [...names]]));
  for (const span of toCodePointSpans(doc.text, doc.spans ?? [])) {
    const who = queues.get(`${span.start}:${span.end}:${span.label}`)?.shift() ?? owner;
    layer(who).push({ start: span.start, end: span.end, label: span.label });
  }
  return layers;
}

export async function readAnnotatorFiles(files: readonly string[], report: ProblemReport): Promise<AnnotatorInputs> {
  const pairing = new DocumentPairing();
  const fallbacks = fileAnnotatorNames(files);
  const found: Array<{ file: string; annotators: string[] }> = [];
  for (const [i, file] of files.entries()) {
    const fields = await readAnnotatorFields(file);
    const seen = new Map<string, number>();
    const names = new Set<string>();
    for await (const batch of readJsonlFile(file, { batchSize: 5000 })) {
      report.add(batch.problems);
      for (const doc of batch.documents) {
        for (const [annotator, spans] of splitByAnnotator(doc, nextLine(fields, seen, doc.text), fallbacks[i])) {
          names.add(annotator);
          pairing.add(annotator, { key: doc.sha256, name: doc.name, text: doc.text, spans });
        }
      }
    }
    // A file with no good record still names its annotator, so the table shows who had nothing.
    if (names.size === 0) {
      pairing.annotator(fallbacks[i]);
      names.add(fallbacks[i]);
    }
    found.push({ file, annotators: [...names] });
  }
  return { input: pairing.input(), files: found };
}
