// corpus train <annotated.jsonl...> --out <model.json>
// Trains the suggestion tagger (one averaged-perceptron BIO tagger per label)
// on annotated documents; the model is plain JSON for "corpus suggest --model".
import { writeFile, rename } from 'node:fs/promises';
import { trainTagger, type TrainingDoc } from '../core/suggest/tagger';
import { readImportPaths } from '../main/services/import-paths';
import { parse, requireString, showHelp, UsageError, type Io } from './args';
import { ProblemReport, toStderr } from './report';

export const TRAIN_HELP = `corpus train <annotated.jsonl...> --out <model.json> [--epochs <n>]

Trains the suggestion tagger on the spans of annotated documents (JSONL, or
folders of them). Documents without spans teach what is not a span. The model
is JSON, for "corpus suggest --model" and the app.

  --out, -o     the model file to write
  --epochs      passes over the data (default 5)

Exit code: 0 ok, 1 some input had errors (the model is trained on the good documents), 2 usage error.`;

export async function trainCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, { out: { type: 'string', short: 'o' }, epochs: { type: 'string' } });
  if (values.help) return showHelp(io, TRAIN_HELP);
  if (positionals.length === 0) throw new UsageError('train needs at least one annotated .jsonl file');
  const out = requireString(values, 'out');
  const epochs = values.epochs === undefined ? 5 : Number(values.epochs);
  if (!Number.isInteger(epochs) || epochs < 1) throw new UsageError('--epochs must be a whole number >= 1');
  const report = new ProblemReport(toStderr(io));
  const docs: TrainingDoc[] = [];
  for await (const batch of readImportPaths(positionals)) {
    report.add(batch.problems);
    for (const doc of batch.documents) docs.push({ text: doc.text, spans: doc.spans ?? [] });
  }
  if (docs.length === 0) {
    io.err('corpus: no documents to train on');
    return report.errors > 0 ? report.exitCode() : 1;
  }
  const model = trainTagger(docs, { epochs });
  await writeFile(`${out}.partial`, JSON.stringify(model));
  await rename(`${out}.partial`, out);
  io.out(
    `trained on ${docs.length} documents (labels: ${Object.keys(model.labels).join(', ') || 'none'}) -> ${out}; ${report.summary()}`,
  );
  return report.exitCode();
}
