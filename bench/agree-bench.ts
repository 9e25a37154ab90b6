// Agreement at the scale: two annotators x 100,000 documents x 10
// spans, measured by core/agreement measureAgreement exactly as `corpus
// agree` and the app call it (span F1 exact and overlap, Cohen's kappa over
// tokens, alpha_u over code points; per label, per document and for the
// corpus; documents sorted by disagreement). The layers are built in memory
// first (not timed): reading JSONL is the shared reader's work, measured by
// the import rows. Baseline, same run, same layers: a plain pass over the
// same spans computing only exact-match F1 per document with a Set of
// "start:end:label" keys, what a short script would do.
import { DocumentPairing, measureAgreement, type AgreementInput, type LabeledSpan } from '../core/agreement';
import { median, type BenchResult } from './measure';
import { PeakMemory, peaksText } from './memory';
import { prng, syntheticSpans, syntheticText } from './synthetic';

const SPANS = 10;
const LABELS = ['actor', 'country', 'money', 'commitment'];

/** The second annotator: about one span in five relabelled, stretched, dropped, or doubled with another label. */
function disagree(seed: number, text: string, spans: LabeledSpan[]): LabeledSpan[] {
  const random = prng(seed);
  const out: LabeledSpan[] = [];
  for (const s of spans) {
    const r = random();
    if (r < 0.07) continue;
    if (r < 0.14) out.push({ ...s, label: LABELS[(LABELS.indexOf(s.label) + 1) % LABELS.length] });
    else if (r < 0.21) out.push({ ...s, end: Math.min(text.length, s.end + 4) });
    else out.push(s);
    if (r > 0.96) out.push({ start: s.start, end: s.end, label: 'commitment' });
  }
  return out;
}

/** `count` documents of about 420 ASCII characters (code points = UTF-16 units), two layers each. */
export function agreementCorpus(count: number): AgreementInput {
  const pairing = new DocumentPairing();
  for (let i = 0; i < count; i++) {
    const text = `Report ${i}\n${syntheticText(7_000_003 + i, 400)}`;
    const spans = syntheticSpans(i, text, SPANS);
    pairing.add('ann', { key: `k${i}`, name: `doc-${i}`, text, spans });
    pairing.add('bob', { key: `k${i}`, name: `doc-${i}`, text, spans: disagree(i, text, spans) });
  }
  return pairing.input();
}

function plainPass(input: AgreementInput): number {
  let sum = 0;
  for (const doc of input.documents) {
    const [a, b] = doc.layers;
    const keys = new Set(a!.map((s) => `${s.start}:${s.end}:${s.label}`));
    let matched = 0;
    for (const s of b!) if (keys.has(`${s.start}:${s.end}:${s.label}`)) matched++;
    sum += (2 * matched) / (a!.length + b!.length || 1);
  }
  return sum;
}

const RUNS = 3;
const GOAL_MS = 5000;

export async function benchAgree(count = 100_000): Promise<BenchResult[]> {
  const input = agreementCorpus(count);
  const memory = await PeakMemory.start();
  const ours: number[] = [];
  const cpu: number[] = [];
  const base: number[] = [];
  let f1: number | null = null;
  for (let run = 0; run < RUNS; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f1 = measureAgreement(input).pairs[0].exactF1.overall;
    ours.push(performance.now() - t0);
    cpu.push(process.cpuUsage(c0).user / 1000);
    const t1 = performance.now();
    plainPass(input);
    base.push(performance.now() - t1);
  }
  const peaks = peaksText(await memory.stop());
  const ms = median(ours);
  return [
    {
      name: `agree: 2 annotators x ${count.toLocaleString('en-US')} docs x ${SPANS} spans`,
      ours: ms,
      baseline: median(base),
      unit: 'ms',
      goal: `< ${GOAL_MS} ms`,
      met: ms < GOAL_MS,
      detail:
        `median of ${RUNS} (${ours.map((m) => m.toFixed(0)).join('/')} ms wall, ${cpu.map((m) => m.toFixed(0)).join('/')} ms CPU); ` +
        `baseline: exact-match F1 only, Set of span keys per document; corpus exact F1 ${f1?.toFixed(3)}; layers built in memory, not timed; ${peaks}`,
    },
  ];
}
