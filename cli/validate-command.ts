// corpus validate <file.jsonl...>: every bad line, offset and quote, with its line number.
import { readImportPaths } from '../main/services/import-paths';
import { parse, showHelp, UsageError, type Io } from './args';
import { offsetsOption } from './convert-command';
import { ProblemReport } from './report';

export const VALIDATE_HELP = `corpus validate <files or folders...> [--offsets codepoints|utf16]

Checks each line of JSON Lines: valid UTF-8 and JSON, an object with a string "text", and
every span (Prodigy "spans", doccano "label"/"labels"/"entities"/"annotations") with integer
offsets inside the text, a label, and a "text" that equals text[start:end]. Every other
format the app reads (Label Studio, brat, CoNLL, W3C, WebAnno TSV, XMI; found by content)
is read the way the import reads it, with the same problems.
Prints one line per problem as file:line: severity: message, then a summary.

  --quiet, -q  print errors only, not warnings
  --offsets    codepoints (default) or utf16: how unquoted offsets count

Exit code: 0 no errors, 1 errors found, 2 usage error.`;

export async function validateCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, { quiet: { type: 'boolean', short: 'q' }, offsets: { type: 'string' } });
  if (values.help) return showHelp(io, VALIDATE_HELP);
  if (positionals.length === 0) throw new UsageError('validate needs a .jsonl file');
  const report = new ProblemReport((line) => io.out(line), !values.quiet);
  let documents = 0;
  let spans = 0;
  const offsets = offsetsOption(values.offsets);
  for await (const batch of readImportPaths(positionals, { batchSize: 5000, offsets })) {
    report.add(batch.problems);
    documents += batch.documents.length;
    spans += batch.documents.reduce((n, d) => n + (d.spans?.length ?? 0), 0);
  }
  io.out(`${documents} documents, ${spans} valid spans; ${report.summary()}`);
  return report.exitCode();
}
