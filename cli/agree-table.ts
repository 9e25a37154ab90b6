// The agreement report as a readable table: one block per annotator pair
// (and one for the group of three or more), a row per label, and the
// documents most in need of an adjudicator. Figures are rounded to three
// places here only; --json prints them whole.
import type { AgreementReport, GroupMeasures, PairMeasures, Scores } from '../core/agreement';

const num = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(3));

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function labelRows(labels: readonly string[], columns: Scores[]): string[][] {
  const rows = [['(overall)', ...columns.map((c) => num(c.overall))]];
  for (const label of labels) {
    if (columns.every((c) => !(label in c.byLabel))) continue;
    rows.push([label, ...columns.map((c) => num(c.byLabel[label]))]);
  }
  return rows;
}

export function pairLines(pair: PairMeasures, labels: readonly string[]): string[] {
  const [a, b] = pair.annotators;
  return [
    `${a} × ${b}: ${pair.documents} documents, ${pair.spans[0]} / ${pair.spans[1]} spans, ${pair.tokens} tokens`,
    ...table(
      ['label', 'exact F1', 'overlap F1', "Cohen's κ", 'alpha_u'],
      labelRows(labels, [pair.exactF1, pair.overlapF1, pair.cohenKappa, pair.alphaU]),
    ),
  ];
}

export function groupLines(group: GroupMeasures, labels: readonly string[]): string[] {
  return [
    `all ${group.annotators.length} annotators: ${group.documents} documents, ${group.tokens} tokens`,
    ...table(['label', "Fleiss' κ", 'alpha_u'], labelRows(labels, [group.fleissKappa, group.alphaU])),
  ];
}

export function documentLines(report: AgreementReport, top: number): string[] {
  const shown = report.documents.slice(0, top);
  if (shown.length === 0) return ['no document is shared by two annotators'];
  const rows = shown.map((d) => [
    d.name,
    String(d.disagreements),
    String(d.spans),
    num(d.lowestExactF1),
    d.annotators.join(', '),
  ]);
  const more = report.documents.length - shown.length;
  return [
    `documents by disagreement (${shown.length} of ${report.documents.length}${more > 0 ? '; --top N or --json for more' : ''}):`,
    ...table(['document', 'disagreeing spans', 'spans', 'lowest exact F1', 'annotators'], rows),
  ];
}

export function reportLines(report: AgreementReport, top: number): string[] {
  const lines: string[] = [];
  for (const pair of report.pairs) lines.push(...pairLines(pair, report.labels), '');
  if (report.group) lines.push(...groupLines(report.group, report.labels), '');
  lines.push(...documentLines(report, top));
  if (report.unpaired.length > 0)
    lines.push('', `${report.unpaired.length} document(s) only one annotator has, not compared (--json lists them)`);
  return lines;
}
