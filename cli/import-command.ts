// corpus import <files or folders...> --out corpus.jsonl [--format prodigy|doccano]
import { readImportPaths } from '../main/services/import-paths';
import { openJsonlWriter } from '../main/services/jsonl-writer';
import { formatOption, parse, showHelp, requireString, UsageError, type Io } from './args';
import { offsetsOption } from './convert-command';
import { partsByText, writeDeduplicated } from './export-records';
import { ProblemReport, toStderr } from './report';

export const IMPORT_HELP = `corpus import <files or folders...> --out <corpus.jsonl> [--format prodigy|doccano]

Reads .txt and .md files (UTF-8, UTF-16 with BOM, or Windows-1252 with a warning),
JSON Lines (Prodigy/spaCy, doccano) and every other format convert reads, folders recursively,
and writes one JSONL export. Offsets in the export are code points (Python str indices).
Each text is written once, as the app stores it: records with the same text are
merged (their spans together, identical spans once), and ids are kept unique.
Problems are printed as file:line: severity: message; good documents are always written.

  --out, -o     the JSONL file to write (written to a temp file, renamed at the end)
  --format, -f  prodigy (default) or doccano
  --offsets     codepoints (default) or utf16: how the input's unquoted offsets count

Exit code: 0 ok (warnings allowed), 1 some input had errors, 2 usage error.`;

export async function importCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, {
    out: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    offsets: { type: 'string' },
  });
  if (values.help) return showHelp(io, IMPORT_HELP);
  if (positionals.length === 0) throw new UsageError('import needs at least one file or folder');
  const out = requireString(values, 'out');
  const writer = await openJsonlWriter(out, formatOption(values.format, 'prodigy', 'format'));
  const report = new ProblemReport(toStderr(io));
  // Two passes: the first gathers every text's spans and suggestions (and reports problems), the second writes each text once.
  let summary;
  try {
    const offsets = offsetsOption(values.offsets);
    const merged = await partsByText(readImportPaths(positionals, { offsets }), report);
    summary = await writeDeduplicated(writer, readImportPaths(positionals, { offsets }), merged);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  io.out(
    `wrote ${summary.documents} documents, ${summary.spans} spans to ${summary.path} (${summary.bytes} bytes); ${report.summary()}`,
  );
  return report.exitCode();
}
