// corpus agree <a.jsonl> <b.jsonl> [more...] [--json] [--top N]: agreement
// between annotators' exports, the figures core/agreement computes for the
// app too. Documents are paired by their exact text.
import { measureAgreement } from '../core/agreement';
import { readAnnotatorFiles } from './agree-inputs';
import { reportLines } from './agree-table';
import { EXIT, parse, showHelp, UsageError, type Io } from './args';
import { ProblemReport, toStderr } from './report';

export const AGREE_HELP = `corpus agree <a.jsonl> <b.jsonl> [more.jsonl...] [--json] [--top N]
       corpus agree <merged.jsonl>   (one file holding several annotators)

Agreement between annotators, per annotator pair (and for all of them when
there are three or more), overall and per label:
  exact F1     spans equal in start, end and label
  overlap F1   one-to-one same-label spans sharing a code point (maximum matching)
  Cohen's κ    per token: the labels covering it, or O (two annotators)
  Fleiss' κ    the same, all annotators at once (three or more)
  alpha_u      Krippendorff's unitizing alpha over code points
Documents are paired by their exact text. An annotator is named by a
record's _annotator_id or a span's "annotator", else by the file name.
Definitions and references: docs/agreement.md.

  --json   the whole report as one JSON object (every document; null = undefined)
  --top N  documents listed by disagreement in the table (default 10)

Exit code: 0 ok, 1 an input has errors (good records are still measured), 2 usage error.`;

function topOption(value: string | boolean | undefined): number {
  if (value === undefined) return 10;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--top must be a whole number (got ${String(value)})`);
  return n;
}

export async function agreeCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, { json: { type: 'boolean' }, top: { type: 'string' } });
  if (values.help) return showHelp(io, AGREE_HELP);
  if (positionals.length < 1) throw new UsageError("agree needs the annotators' .jsonl files");
  const top = topOption(values.top);
  const report = new ProblemReport(toStderr(io));
  const { input, files } = await readAnnotatorFiles(positionals, report);
  if (input.annotators.length < 2) {
    io.err(
      `corpus agree: the files name only one annotator (${input.annotators.join(', ')}); give each annotator's export`,
    );
    return report.errors > 0 ? EXIT.problems : EXIT.usage;
  }
  const agreement = measureAgreement(input);
  if (values.json) {
    io.out(JSON.stringify({ files, ...agreement, problems: { errors: report.errors, warnings: report.warnings } }));
  } else {
    io.out(`annotators: ${files.map((f) => `${f.annotators.join(', ')} (${f.file})`).join('; ')}`);
    io.out(
      `documents paired by text: ${agreement.documents.length}; only in one annotator's file: ${agreement.unpaired.length}`,
    );
    io.out('');
    reportLines(agreement, top).forEach((line) => io.out(line));
    if (report.errors + report.warnings > 0) io.out(`\ninput problems: ${report.summary()} (listed on stderr)`);
  }
  return report.exitCode();
}
