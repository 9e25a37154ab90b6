// corpus convert <in.jsonl> --to prodigy|doccano --out <file>
import { readJsonlFile } from '../main/services/jsonl-file';
import { openJsonlWriter } from '../main/services/jsonl-writer';
import { formatOption, parse, showHelp, requireString, UsageError, type Io } from './args';
import { writeBatches } from './export-records';
import { ProblemReport, toStderr } from './report';

export const CONVERT_HELP = `corpus convert <in.jsonl> --to prodigy|doccano --out <file>

Reads a JSONL corpus in any supported shape (Prodigy/spaCy, doccano, {"text"})
and writes it in the chosen one. Offsets stay code points. The doccano shape
has no span notes or meta: those are dropped when converting to it.
Bad lines and bad spans are reported and left out; everything good is written.

  --to, -t   prodigy or doccano (required)
  --out, -o  the file to write (required)

Exit code: 0 ok, 1 some lines or spans had errors, 2 usage error.`;

export async function convertCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, {
    to: { type: 'string', short: 't' },
    out: { type: 'string', short: 'o' },
  });
  if (values.help) return showHelp(io, CONVERT_HELP);
  if (positionals.length !== 1) throw new UsageError('convert needs exactly one input file');
  const format = formatOption(requireString(values, 'to'), 'prodigy', 'to');
  const writer = await openJsonlWriter(requireString(values, 'out'), format);
  const report = new ProblemReport(toStderr(io));
  const summary = await writeBatches(writer, readJsonlFile(positionals[0]), report);
  io.out(
    `converted ${summary.documents} documents, ${summary.spans} spans to ${format} in ${summary.path}; ${report.summary()}`,
  );
  return report.exitCode();
}
