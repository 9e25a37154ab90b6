// corpus validate <file.jsonl...>: every bad line, offset and quote, with its line number.
import { readJsonlFile } from '../main/services/jsonl-file';
import { parse, showHelp, UsageError, type Io } from './args';
import { ProblemReport } from './report';

export const VALIDATE_HELP = `corpus validate <file.jsonl...>

Checks each line: valid UTF-8 and JSON, an object with a string "text", and
every span (Prodigy "spans" or doccano "label"/"labels") with integer code point
offsets inside the text, a label, and a "text" that equals text[start:end].
Prints one line per problem as file:line: severity: message, then a summary.

  --quiet, -q  print errors only, not warnings

Exit code: 0 no errors, 1 errors found, 2 usage error.`;

export async function validateCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, { quiet: { type: 'boolean', short: 'q' } });
  if (values.help) return showHelp(io, VALIDATE_HELP);
  if (positionals.length === 0) throw new UsageError('validate needs a .jsonl file');
  const report = new ProblemReport((line) => io.out(line), !values.quiet);
  let documents = 0;
  let spans = 0;
  for (const file of positionals) {
    for await (const batch of readJsonlFile(file, { batchSize: 5000 })) {
      report.add(batch.problems);
      documents += batch.documents.length;
      spans += batch.documents.reduce((n, d) => n + (d.spans?.length ?? 0), 0);
    }
  }
  io.out(`${documents} documents, ${spans} valid spans; ${report.summary()}`);
  return report.exitCode();
}
