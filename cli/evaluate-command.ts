// corpus evaluate <predicted.jsonl> <gold.jsonl> [--json]
// Precision, recall and F1 per label and overall: exact match for actor,
// country and money, one-to-one overlap for commitment; documents paired by text.
import { evaluate, type Evaluation, type EvaluationDoc } from '../core/suggest/evaluate';
import { readJsonlFileWhole } from '../main/services/jsonl-file';
import { parse, showHelp, UsageError, type Io } from './args';
import { ProblemReport, toStderr } from './report';

export const EVALUATE_HELP = `corpus evaluate <predicted.jsonl> <gold.jsonl> [--json]

Scores predicted spans against gold spans: precision, recall and F1 per label
and overall. actor, country and money count on an exact match (start, end,
label); commitment on overlap (one-to-one pairs of commitment spans sharing at
least one code point). Documents are paired by their text.

  --json  print the scores as one JSON object

Exit code: 0 ok, 1 an input had errors, 2 usage error.`;

const pct = (n: number): string => n.toFixed(3);

export function formatEvaluation(e: Evaluation): string[] {
  const rows = [['label', 'precision', 'recall', 'f1', 'tp', 'fp', 'fn']];
  for (const [label, s] of [...Object.entries(e.labels), ['overall', e.overall] as const]) {
    rows.push([label, pct(s.precision), pct(s.recall), pct(s.f1), String(s.tp), String(s.fp), String(s.fn)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  if (e.unmatchedGold > 0)
    lines.push(
      `${e.unmatchedGold} gold document(s) had no predicted document with the same text (all their spans count as missed)`,
    );
  return lines;
}

async function load(file: string, report: ProblemReport): Promise<EvaluationDoc[]> {
  const { documents, problems } = await readJsonlFileWhole(file);
  report.add(problems);
  return documents.map((d) => ({ text: d.text, spans: d.spans ?? [] }));
}

export async function evaluateCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, { json: { type: 'boolean' } });
  if (values.help) return showHelp(io, EVALUATE_HELP);
  if (positionals.length !== 2) throw new UsageError('evaluate needs <predicted.jsonl> <gold.jsonl>');
  const report = new ProblemReport(toStderr(io));
  const predicted = await load(positionals[0], report);
  const gold = await load(positionals[1], report);
  const result = evaluate(predicted, gold);
  if (values.json) io.out(JSON.stringify(result));
  else for (const line of formatEvaluation(result)) io.out(line);
  return report.exitCode();
}
