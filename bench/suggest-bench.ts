// Suggestions (core/suggest): one 200 KB document, a corpus in MB/s, and
// training the tagger on 1,000 annotated documents. Documents are the seeds
// and their gold spans, repeated with numbered names so no two are the same.
// Baseline for the first two rows: wink-nlp reading the same text with its
// full pipeline (what running the NLP library over everything would cost);
// for training: computing the rule features alone (the floor training sits on).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { makeOffsetConverter } from '../core/codepoints';
import { suggestRules } from '../core/suggest/rules';
import { suggestText } from '../core/suggest/suggest';
import { trainTagger, type TrainingDoc } from '../core/suggest/tagger';
import { median, type BenchResult } from './measure';

const root = path.resolve(import.meta.dirname, '..');
const seeds = readdirSync(path.join(root, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(root, 'seeds', f), 'utf8'));
const gold: TrainingDoc[] = readFileSync(path.join(root, 'tests/fixtures/gold/seeds.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const r = JSON.parse(line) as { text: string; spans: Array<{ start: number; end: number; label: string }> };
    const c = makeOffsetConverter(r.text);
    return {
      text: r.text,
      spans: r.spans.map((s) => ({ start: c.toUtf16(s.start), end: c.toUtf16(s.end), label: s.label })),
    };
  });

const variant = (i: number): string => `Report ${i}\n\n${seeds[i % seeds.length]}`;
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

function bigDocument(target: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    parts.push(variant(i));
    size += bytes(parts[parts.length - 1]) + 2;
  }
  return parts.join('\n\n');
}

/** Milliseconds of this process's CPU time since `from` (wall time on a busy shared machine overstates the work). */
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

/** Median wall time and median CPU time of `repeats` runs. */
function time(run: () => void, repeats: number): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs(c0));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export async function benchSuggest(): Promise<BenchResult[]> {
  const nlp = winkNLP(model);
  const rows: BenchResult[] = [];

  const doc = bigDocument(200_000);
  suggestText(doc); // load the model and compile the rules once, as a worker would on start
  const oneDoc = time(() => suggestText(doc), 5);
  const winkDoc = time(() => nlp.readDoc(doc).tokens().out(nlp.its.pos), 3);
  rows.push({
    name: 'suggest: one 200 KB document',
    ours: oneDoc.wall,
    baseline: winkDoc.wall,
    unit: 'ms',
    goal: '< 150 ms',
    met: oneDoc.wall < 150,
    detail: `CPU ${oneDoc.cpu.toFixed(0)} ms (baseline ${winkDoc.cpu.toFixed(0)}); ${(bytes(doc) / 1000).toFixed(0)} KB, ${suggestText(doc).length} suggestions, median of 5; baseline: wink-nlp POS over the whole text`,
  });

  const corpus = Array.from({ length: 600 }, (_, i) => variant(i));
  const corpusMb = corpus.reduce((n, t) => n + bytes(t), 0) / 1e6;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const text of corpus) suggestText(text);
  const ours = corpusMb / ((performance.now() - t0) / 1000);
  const oursCpu = corpusMb / (cpuMs(c0) / 1000);
  const wc0 = process.cpuUsage();
  const w0 = performance.now();
  for (const text of corpus) nlp.readDoc(text).tokens().out(nlp.its.pos);
  const baseline = corpusMb / ((performance.now() - w0) / 1000);
  const baselineCpu = corpusMb / (cpuMs(wc0) / 1000);
  rows.push({
    name: `suggest: corpus of ${corpus.length} documents`,
    ours,
    baseline,
    unit: 'MB/s',
    goal: '>= 1 MB/s',
    met: ours >= 1,
    detail: `per CPU second ${oursCpu.toFixed(2)} MB/s (baseline ${baselineCpu.toFixed(2)}); ${corpusMb.toFixed(2)} MB; higher is better; baseline: wink-nlp POS over every document`,
  });

  const training = Array.from({ length: 1000 }, (_, i) => {
    const g = gold[i % gold.length];
    const prefix = `Report ${i}\n\n`;
    return {
      text: prefix + g.text,
      spans: g.spans.map((s) => ({ ...s, start: s.start + prefix.length, end: s.end + prefix.length })),
    };
  });
  const rc0 = process.cpuUsage();
  const r0 = performance.now();
  for (const d of training) suggestRules(d.text, { labels: ['actor', 'country', 'money'] });
  const featuresOnly = performance.now() - r0;
  const featuresCpu = cpuMs(rc0);
  const sc0 = process.cpuUsage();
  const s0 = performance.now();
  const trained = trainTagger(training);
  const trainMs = performance.now() - s0;
  const trainCpu = cpuMs(sc0);
  rows.push({
    name: 'train: tagger on 1,000 annotated documents',
    ours: trainMs,
    baseline: featuresOnly,
    unit: 'ms',
    goal: '< 10 s',
    met: trainMs < 10_000,
    detail: `CPU ${(trainCpu / 1000).toFixed(1)} s (baseline ${(featuresCpu / 1000).toFixed(1)} s); labels ${Object.keys(trained.labels).join(', ')}, 5 epochs, model ${(JSON.stringify(trained).length / 1e3).toFixed(0)} KB; baseline: the rules the features come from`,
  });
  return rows;
}
