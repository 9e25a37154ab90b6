// corpus stats <file.jsonl>: documents, spans by label, statuses and problems.
// Counts keyed by user data (labels, statuses) are Maps: a label named
// `constructor`, `toString` or `__proto__` is a label like any other.
import { codePointLength } from '../core/codepoints';
import type { CorpusLoad } from '../core/model';
import { readImportPaths } from '../main/services/import-paths';
import { parse, showHelp, UsageError, type Io } from './args';
import { offsetsOption } from './convert-command';
import { ProblemReport, toStderr } from './report';
import { terminalSafe } from './terminal';

export const STATS_HELP = `corpus stats <file> [--json] [--offsets codepoints|utf16]

Counts documents, spans by label, documents by status and by category, relations,
suggestions, code points of text, and problems (printed to stderr as
file:line: severity: message). Reads every format the import reads, by content.

  --json     print the numbers as one JSON object
  --offsets  codepoints (default) or utf16: how unquoted offsets count

Exit code: 0 no errors, 1 the file has errors, 2 usage error.`;

export interface CorpusStats {
  documents: number;
  spans: number;
  codePoints: number;
  emptyDocuments: number;
  spansByLabel: Map<string, number>;
  documentsByStatus: Map<string, number>;
  documentsByCategory: Map<string, number>;
  relations: number;
  suggestions: number;
  errors: number;
  warnings: number;
}

const bump = (counts: Map<string, number>, key: string) => void counts.set(key, (counts.get(key) ?? 0) + 1);

export function emptyStats(): CorpusStats {
  return {
    documents: 0,
    spans: 0,
    codePoints: 0,
    emptyDocuments: 0,
    spansByLabel: new Map(),
    documentsByStatus: new Map(),
    documentsByCategory: new Map(),
    relations: 0,
    suggestions: 0,
    errors: 0,
    warnings: 0,
  };
}

export function addBatch(stats: CorpusStats, batch: CorpusLoad): void {
  for (const doc of batch.documents) {
    stats.documents++;
    stats.codePoints += codePointLength(doc.text);
    if (doc.text === '') stats.emptyDocuments++;
    bump(stats.documentsByStatus, doc.status ?? '(none)');
    for (const category of doc.categories ?? []) bump(stats.documentsByCategory, category);
    stats.relations += doc.relations?.length ?? 0;
    stats.suggestions += doc.suggestions?.length ?? 0;
    for (const span of doc.spans ?? []) {
      bump(stats.spansByLabel, span.label);
      stats.spans++;
    }
  }
}

function sortedCounts(counts: Map<string, number>): Array<[string, number]> {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** The stats as JSON: the maps as objects built with own keys only (defineProperty, so `__proto__` is a key). */
export function statsJson(stats: CorpusStats): string {
  const object = (counts: Map<string, number>) => {
    const out = Object.create(null) as Record<string, number>;
    for (const [key, n] of sortedCounts(counts)) Object.defineProperty(out, key, { value: n, enumerable: true });
    return out;
  };
  return JSON.stringify({
    ...stats,
    spansByLabel: object(stats.spansByLabel),
    documentsByStatus: object(stats.documentsByStatus),
    documentsByCategory: object(stats.documentsByCategory),
  });
}

export function formatStats(stats: CorpusStats): string[] {
  const lines = [
    `documents: ${stats.documents} (${stats.emptyDocuments} empty, ${stats.codePoints} code points of text)`,
    `spans: ${stats.spans}`,
  ];
  for (const [label, n] of sortedCounts(stats.spansByLabel)) lines.push(`  ${terminalSafe(label)}: ${n}`);
  lines.push('documents by status:');
  for (const [status, n] of sortedCounts(stats.documentsByStatus)) lines.push(`  ${terminalSafe(status)}: ${n}`);
  if (stats.documentsByCategory.size > 0) {
    lines.push('documents by category:');
    for (const [category, n] of sortedCounts(stats.documentsByCategory))
      lines.push(`  ${terminalSafe(category)}: ${n}`);
  }
  if (stats.relations > 0) lines.push(`relations: ${stats.relations}`);
  if (stats.suggestions > 0) lines.push(`suggestions: ${stats.suggestions}`);
  lines.push(`problems: ${stats.errors} errors, ${stats.warnings} warnings`);
  return lines;
}

export async function statsCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, { json: { type: 'boolean' }, offsets: { type: 'string' } });
  if (values.help) return showHelp(io, STATS_HELP);
  if (positionals.length !== 1) throw new UsageError('stats needs exactly one file or folder');
  const report = new ProblemReport(toStderr(io));
  const stats = emptyStats();
  for await (const batch of readImportPaths(positionals, { batchSize: 5000, offsets: offsetsOption(values.offsets) })) {
    report.add(batch.problems);
    addBatch(stats, batch);
  }
  Object.assign(stats, { errors: report.errors, warnings: report.warnings });
  if (values.json) io.out(terminalSafe(statsJson(stats)));
  else formatStats(stats).forEach((line) => io.out(line));
  return report.exitCode();
}
