// Similar documents among the benchmark corpus (core/align SimilarityIndex):
// MinHash + LSH query for a lightly edited copy of a document, against a
// brute-force scan of every signature with estimateJaccard (same signatures).
import { estimateJaccard, minhashSignature, SimilarityIndex } from '../core/align';
import { median, type BenchResult } from './measure';
import { PeakMemory, peaksText } from './memory';
import { syntheticDocText } from './synthetic-corpus';

function edited(text: string): string {
  return text.replace(/ the /g, ' a ').replace('Report', 'Copy of report');
}

export async function benchSimilar(count: number, bytes: number): Promise<BenchResult[]> {
  const memory = await PeakMemory.start();
  const t0 = performance.now();
  const index = new SimilarityIndex();
  const sigs: Uint32Array[] = [];
  for (let i = 0; i < count; i++) {
    const sig = minhashSignature(syntheticDocText(i, bytes));
    sigs.push(sig);
    index.add(`d${i}`, sig);
  }
  const buildMs = performance.now() - t0;
  const queries = Array.from({ length: 20 }, (_, k) => Math.floor((k / 20) * count));
  const lsh: number[] = [];
  const scan: number[] = [];
  let found = 0;
  for (const i of queries) {
    const sig = minhashSignature(edited(syntheticDocText(i, bytes)));
    const q0 = performance.now();
    const hits = index.query(sig, 10);
    lsh.push(performance.now() - q0);
    if (hits.some((h) => h.id === `d${i}`)) found++;
    const s0 = performance.now();
    let best = -1;
    for (const other of sigs) best = Math.max(best, estimateJaccard(sig, other));
    scan.push(performance.now() - s0);
  }
  const ours = median(lsh);
  return [{
    name: `similar docs: query among ${count.toLocaleString('en-US')}`, ours, baseline: median(scan), unit: 'ms', goal: '< 200 ms', met: ours < 200,
    detail: `median of 20 edited copies, ${found}/20 found in top 10; baseline: scan of every signature; build ${buildMs.toFixed(0)} ms; ${peaksText(await memory.stop())}`,
  }];
}
