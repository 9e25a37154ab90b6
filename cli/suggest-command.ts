// corpus suggest <files, folders or .jsonl...> --out <file.jsonl> [--patterns <file.jsonl>] [--model <model.json>]
// Batch pre-annotation: every document with the suggestions as spans (each
// with "source" and "score"), the spans it already had kept beside them.
import { readFile, rename, writeFile, appendFile } from 'node:fs/promises';
import { makeOffsetConverter } from '../core/codepoints';
import { compilePatterns, type CompiledPatterns } from '../core/suggest/matcher';
import { parsePatternFile } from '../core/suggest/pattern-file';
import { suggestText } from '../core/suggest/suggest';
import { readModel, type TaggerModel } from '../core/suggest/tagger';
import { readImportPaths } from '../main/services/import-paths';
import { parse, requireString, showHelp, UsageError, type Io } from './args';
import { ProblemReport, toStderr } from './report';

export const SUGGEST_HELP = `corpus suggest <files, folders or .jsonl...> --out <file.jsonl> [--patterns <file.jsonl>] [--model <model.json>]

Pre-annotates documents offline with the built-in suggesters (countries, money,
actors, commitments), other occurrences of spans already tagged, a Prodigy/spaCy
pattern file and a tagger model from "corpus train". Writes Prodigy-shape JSONL:
spans already in the input are kept as they are; each suggestion is a span with
"source" and "score". Offsets are code points (Python str indices).

  --out, -o       the JSONL file to write
  --patterns, -p  a pattern file (JSONL, one {"label", "pattern"} a line)
  --model, -m     a tagger model (JSON) written by "corpus train"

Exit code: 0 ok, 1 some input had errors (good documents are still written), 2 usage error.`;

async function loadPatterns(file: string, report: ProblemReport): Promise<CompiledPatterns> {
  const { patterns, problems } = parsePatternFile(await readFile(file, 'utf8'));
  report.add(problems.map((p) => ({ file, line: p.line, message: p.message, severity: 'error' as const })));
  return compilePatterns(patterns);
}

async function loadModel(file: string): Promise<TaggerModel> {
  try {
    return readModel(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
}

export async function suggestCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, {
    out: { type: 'string', short: 'o' },
    patterns: { type: 'string', short: 'p' },
    model: { type: 'string', short: 'm' },
  });
  if (values.help) return showHelp(io, SUGGEST_HELP);
  if (positionals.length === 0) throw new UsageError('suggest needs at least one file or folder');
  const out = requireString(values, 'out');
  const report = new ProblemReport(toStderr(io));
  const patterns = typeof values.patterns === 'string' ? await loadPatterns(values.patterns, report) : undefined;
  const model = typeof values.model === 'string' ? await loadModel(values.model) : undefined;
  const temp = `${out}.partial`;
  await writeFile(temp, '');
  let documents = 0;
  let suggested = 0;
  for await (const batch of readImportPaths(positionals)) {
    report.add(batch.problems);
    const lines: string[] = [];
    for (const doc of batch.documents) {
      const convert = makeOffsetConverter(doc.text);
      const cp = (s: { start: number; end: number }) => ({
        start: convert.toCodePoint(s.start),
        end: convert.toCodePoint(s.end),
      });
      const kept = (doc.spans ?? []).map((s) => ({
        ...cp(s),
        label: s.label,
        text: doc.text.slice(s.start, s.end),
        ...(s.note ? { note: s.note } : {}),
      }));
      const suggestions = suggestText(doc.text, doc.spans ?? [], { patterns, model }).map((c) => ({
        ...cp(c),
        label: c.label,
        text: doc.text.slice(c.start, c.end),
        source: c.source,
        score: c.score,
      }));
      suggested += suggestions.length;
      const spans = [...kept, ...suggestions].sort(
        (a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : 1),
      );
      lines.push(JSON.stringify({ text: doc.text, meta: { name: doc.name, source: doc.source }, spans }));
      documents++;
    }
    if (lines.length > 0) await appendFile(temp, `${lines.join('\n')}\n`);
  }
  await rename(temp, out);
  io.out(`wrote ${documents} documents with ${suggested} suggestions to ${out}; ${report.summary()}`);
  return report.exitCode();
}
