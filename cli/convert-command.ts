// corpus convert <in> --to prodigy|doccano|brat|conll|labelstudio|w3c|hf --out <path> [--offsets codepoints|utf16]
import type { FormatDocument, FormatProblem } from '../core/formats/document';
import { isOffsetUnit, OFFSET_UNITS, type OffsetUnit } from '../core/jsonl/span-check';
import type { CorpusLoad } from '../core/model';
import { FILE_FORMATS, isFileFormat, writeFileFormat } from '../main/services/format-output';
import { readImportPaths } from '../main/services/import-paths';
import { openJsonlWriter } from '../main/services/jsonl-writer';
import { formatOption, parse, showHelp, requireString, UsageError, type Io } from './args';
import { writeBatches } from './export-records';
import { ProblemReport, toStderr } from './report';

export const CONVERT_HELP = `corpus convert <in> --to <format> --out <path> [--offsets codepoints|utf16]

Reads any format the app reads (found by content, not by extension): JSON Lines
(Prodigy, spaCy, doccano in every version), Label Studio JSON, brat (.ann with
its .txt), CoNLL/IOB/BILUO, W3C Web Annotation (with its .txt), INCEpTION
WebAnno TSV 3 and UIMA XMI; a folder is read whole. Writes it as:

  prodigy      JSONL {"text","spans":[{start,end,label,text}],"cats"?,"meta"}
  doccano      JSONL {"text","label":[[start,end,"LABEL"]],"cats"?}
  brat         a folder of <name>.txt + <name>.ann
  conll        token TAG lines (IOB2), -DOCSTART- between documents
  labelstudio  a task list (.json) and <out>.label-config.xml for the project
  w3c          a folder of <name>.txt + <name>.w3c.json (JSON-LD)
  hf           Hugging Face token classification JSONL + <out>.labels.json

Offsets written are code points. What a format cannot hold is reported
(README: "Formats"); everything else is written.

  --to, -t     the format to write (required)
  --out, -o    the file or folder to write (required)
  --offsets    how the input's unquoted offsets count: codepoints (default) or
               utf16 (doccano's web UI)
  --doccano-offsets utf16
               with --to doccano: write UTF-16 units, as doccano's web UI counts
               them, so spans after an emoji sit right in doccano

Exit code: 0 ok, 1 some input or span had errors, 2 usage error.`;

const TARGETS = ['prodigy', 'doccano', ...FILE_FORMATS] as const;

export function offsetsOption(value: string | boolean | undefined): OffsetUnit | undefined {
  if (value === undefined) return undefined;
  if (!isOffsetUnit(value))
    throw new UsageError(`--offsets must be ${OFFSET_UNITS.join(' or ')} (got ${String(value)})`);
  return value;
}

async function* batchesOf(input: string, offsets: OffsetUnit | undefined): AsyncGenerator<CorpusLoad> {
  yield* readImportPaths([input], { batchSize: 1000, offsets });
}

export async function convertCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, {
    to: { type: 'string', short: 't' },
    out: { type: 'string', short: 'o' },
    offsets: { type: 'string' },
    'doccano-offsets': { type: 'string' },
  });
  if (values.help) return showHelp(io, CONVERT_HELP);
  if (positionals.length !== 1) throw new UsageError('convert needs exactly one input file or folder');
  const to = requireString(values, 'to');
  const out = requireString(values, 'out');
  const offsets = offsetsOption(values.offsets);
  const report = new ProblemReport(toStderr(io));
  if (!isFileFormat(to)) {
    if (!(TARGETS as readonly string[]).includes(to))
      throw new UsageError(`--to must be one of ${TARGETS.join(', ')} (got ${to})`);
    const format = formatOption(to, 'prodigy', 'to');
    const doccanoOffsets = offsetsOption(values['doccano-offsets']);
    if (doccanoOffsets && format !== 'doccano') throw new UsageError('--doccano-offsets goes with --to doccano');
    const writer = await openJsonlWriter(out, format, { doccanoOffsets });
    const summary = await writeBatches(writer, batchesOf(positionals[0], offsets), report);
    io.out(
      `converted ${summary.documents} documents, ${summary.spans} spans to ${format} in ${summary.path}; ${report.summary()}`,
    );
    return report.exitCode();
  }
  const docs: FormatDocument[] = [];
  for await (const batch of batchesOf(positionals[0], offsets)) {
    report.add(batch.problems);
    for (const doc of batch.documents) docs.push(doc);
  }
  const problems: FormatProblem[] = [];
  const written = await writeFileFormat(to, docs, out, problems);
  report.add(problems.map((p) => ({ file: out, ...p })));
  const spans = docs.reduce((n, d) => n + (d.spans?.length ?? 0), 0);
  io.out(
    `converted ${docs.length} documents, ${spans} spans to ${to}: ${written.length} files at ${out}; ${report.summary()}`,
  );
  return report.exitCode();
}
