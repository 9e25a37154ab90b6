// corpus merge <a.jsonl> <b.jsonl>... --out <file.jsonl> [--all]: one JSONL
// of the documents paired by text, with the spans every annotator agrees on
// exactly (the start of an adjudicated layer), or with --all every span of
// every annotator, each carrying its "annotator". Offsets are code points;
// each span quotes its text. The file is written beside the target and
// renamed over it at the end, so a failure never leaves half a file.
import { open, rename, rm } from 'node:fs/promises';
import {
  agreedSpans,
  attributedSpans,
  type AgreementDocument,
  type AgreementInput,
  type LabeledSpan,
} from '../core/agreement';
import { makeOffsetConverter } from '../core/codepoints';
import { tempPathFor } from '../main/services/jsonl-writer';
import { readAnnotatorFiles } from './agree-inputs';
import { parse, requireString, showHelp, UsageError, type Io } from './args';
import { ProblemReport, toStderr } from './report';

export const MERGE_HELP = `corpus merge <a.jsonl> <b.jsonl> [more.jsonl...] --out <file.jsonl> [--all]

Pairs the annotators' documents by their exact text and writes one JSONL:
  default  the spans all annotators agree on (same start, end and label), for
           the documents every annotator has; the others are counted on stderr
  --all    every document, every span of every annotator with an "annotator"
           field, and meta.annotators naming who had the document
           (corpus agree reads such a file back as separate annotators)

Exit code: 0 ok, 1 an input has errors (good records are still merged), 2 usage error.`;

type OutSpan = LabeledSpan & { text: string; annotator?: string };

function quoted(text: string, spans: readonly (LabeledSpan & { annotator?: string })[]): OutSpan[] {
  const conv = makeOffsetConverter(text);
  return spans.map((s) => ({ ...s, text: text.slice(conv.toUtf16(s.start), conv.toUtf16(s.end)) }));
}

function line(doc: AgreementDocument, spans: OutSpan[], annotators?: string[]): string {
  const meta = annotators ? { name: doc.name, sha256: doc.key, annotators } : { name: doc.name, sha256: doc.key };
  return JSON.stringify({ text: doc.text, spans, meta });
}

/** The lines to write, and how many documents were left out (not every annotator has them). */
export function mergeLines(input: AgreementInput, all: boolean): { lines: string[]; spans: number; leftOut: number } {
  const lines: string[] = [];
  let spans = 0;
  let leftOut = 0;
  for (const doc of input.documents) {
    if (all) {
      const attributed = quoted(doc.text, attributedSpans(doc, input.annotators));
      const who = input.annotators.filter((_, i) => doc.layers[i]);
      lines.push(line(doc, attributed, who));
      spans += attributed.length;
      continue;
    }
    const agreed = agreedSpans(doc);
    if (!agreed) {
      leftOut++;
      continue;
    }
    lines.push(line(doc, quoted(doc.text, agreed)));
    spans += agreed.length;
  }
  return { lines, spans, leftOut };
}

async function writeAtomically(target: string, lines: readonly string[]): Promise<void> {
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx');
  try {
    for (let i = 0; i < lines.length; i += 5000)
      await handle.write(
        lines
          .slice(i, i + 5000)
          .map((l) => `${l}\n`)
          .join(''),
      );
    await handle.sync();
    await handle.close();
    await rename(temp, target);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}

export async function mergeCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, { out: { type: 'string' }, all: { type: 'boolean' } });
  if (values.help) return showHelp(io, MERGE_HELP);
  if (positionals.length < 2) throw new UsageError('merge needs at least two .jsonl files');
  const out = requireString(values, 'out');
  const report = new ProblemReport(toStderr(io));
  const { input } = await readAnnotatorFiles(positionals, report);
  const { lines, spans, leftOut } = mergeLines(input, values.all === true);
  await writeAtomically(out, lines);
  const what = values.all ? 'spans of all annotators' : 'agreed spans';
  io.err(
    `merged ${input.annotators.length} annotators (${input.annotators.join(', ')}): ${lines.length} documents, ${spans} ${what} -> ${out}`,
  );
  if (leftOut > 0)
    io.err(`${leftOut} document(s) not in every annotator's file were left out (--all keeps every document)`);
  return report.exitCode();
}
