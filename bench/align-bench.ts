// Benchmarks for core/align: sentence alignment of two ~50 KB versions of a
// story, span projection through that alignment, and the MinHash signatures
// of 100,000 documents. All inputs come from a seeded PRNG, so
// every run measures the same work. Run alone: `npx tsx bench/align-bench.ts`.

import { alignDocuments, minhashSignature, projectSpans, tokenize } from '../core/align';
import { prng } from './synthetic'; // the same mulberry32, shared by every benchmark

export interface BenchRow {
  name: string;
  ms: number;
  goal_ms: number;
  detail: string;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'ran', 'so', 'vel', 'dun', 'pri', 'gat', 'on', 'es', 'ul', 'bra', 'ny'];

/** A vocabulary whose low ranks are drawn far more often (Zipf-like), as in prose. */
function vocabulary(rand: () => number, size: number): string[] {
  return Array.from({ length: size }, (_, i) => {
    const n = 1 + Math.floor(rand() * 3);
    const w = Array.from({ length: n }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join('');
    return `${w}${i}`;
  });
}

function zipfWord(rand: () => number, vocab: readonly string[]): string {
  return vocab[Math.floor(vocab.length * rand() ** 3)];
}

function sentence(rand: () => number, vocab: readonly string[]): string[] {
  return Array.from({ length: 8 + Math.floor(rand() * 22) }, () => zipfWord(rand, vocab));
}

function render(words: readonly string[]): string {
  const s = words.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

/** Light rewording: drops, insertions, substitutions and a comma or quotes. */
function reword(rand: () => number, vocab: readonly string[], words: readonly string[]): string {
  const out: string[] = [];
  for (const w of words) {
    const r = rand();
    if (r < 0.04) continue;
    out.push(r < 0.08 ? zipfWord(rand, vocab) : w);
    if (r > 0.96) out.push(zipfWord(rand, vocab));
    if (r > 0.93 && r <= 0.96) out[out.length - 1] += ',';
  }
  const s = render(out);
  return rand() < 0.2 ? `“${s}”` : s;
}

/** Two versions of one story, each about `bytes` long. */
export function storyPair(seed: number, bytes: number): { a: string; b: string } {
  const rand = prng(seed);
  const vocab = vocabulary(rand, 4000);
  const a: string[] = [];
  const b: string[] = [];
  while (a.join(' ').length < bytes) {
    const words = sentence(rand, vocab);
    a.push(render(words));
    const r = rand();
    if (r < 0.7) b.push(reword(rand, vocab, words));
    else if (r < 0.85) b.push(render(sentence(rand, vocab)));
    if (rand() < 0.25) a.push('\r\n\r\n');
  }
  return { a: a.join(' '), b: b.join(rand() < 0.5 ? '\n' : ' ') };
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
}

/** Process CPU time in ms: on a shared machine it shows the work apart from waiting for a core. */
function cpuMs(): number {
  if (typeof process === 'undefined' || typeof process.cpuUsage !== 'function') return Number.NaN;
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time<T>(fn: () => T, runs: number): { ms: number; cpu: number; value: T } {
  let value = fn(); // warm-up: JIT and caches
  const times: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < runs; r++) {
    const [t0, c0] = [performance.now(), cpuMs()];
    value = fn();
    times.push(performance.now() - t0);
    cpus.push(cpuMs() - c0);
  }
  return { ms: median(times), cpu: median(cpus), value };
}

function benchAlign(rows: BenchRow[]): void {
  const { a, b } = storyPair(7, 50_000);
  const { ms, cpu, value } = time(() => alignDocuments(a, b), 7);
  rows.push({
    name: 'align 2 x 50 KB versions',
    ms,
    goal_ms: 300,
    detail: `${a.length}/${b.length} chars, ${value.pairs.length} pairs, ${value.onlyA.length}/${value.onlyB.length} only-A/B; median of 7, cpu ${cpu.toFixed(0)} ms`,
  });
  const line = 'The same boilerplate sentence repeats over and over in this document.';
  const same = Array.from({ length: Math.ceil(50_000 / line.length) }, () => line).join('\n');
  const rep = time(() => alignDocuments(same, same.replace(/over and over/g, 'again and again')), 5);
  const detail = `${rep.value.pairs.length} pairs, one line repeated; median of 5, cpu ${rep.cpu.toFixed(0)} ms`;
  rows.push({ name: 'align 2 x 50 KB repetitive', ms: rep.ms, goal_ms: 300, detail });
  benchProject(rows, a, b, value);
}

function benchProject(rows: BenchRow[], a: string, b: string, alignment: ReturnType<typeof alignDocuments>): void {
  const rand = prng(11);
  const words = tokenize(a);
  const spans = Array.from({ length: 1000 }, () => {
    const i = Math.floor(rand() * (words.length - 3));
    return { start: words[i].start, end: words[i + Math.floor(rand() * 3)].end };
  });
  const { ms, cpu, value } = time(() => projectSpans(a, b, alignment, spans, 'a->b'), 5);
  const detail = `${value.projected.length} projected, ${value.unmatched.length} unmatched; median of 5, cpu ${cpu.toFixed(0)} ms`;
  rows.push({ name: 'project 1000 spans (50 KB)', ms, goal_ms: 100, detail });
}

/** 100,000 short synthetic documents, as the import computes their signatures. */
function syntheticCorpus(count: number, seed: number): string[] {
  const rand = prng(seed);
  const vocab = vocabulary(rand, 30_000);
  return Array.from({ length: count }, () =>
    Array.from({ length: 40 + Math.floor(rand() * 40) }, () => vocab[Math.floor(rand() * vocab.length)]).join(' '),
  );
}

/** MinHash signatures, as the app computes them for every imported text (renderer/db/signatures.ts). */
function benchSignatures(rows: BenchRow[]): void {
  const docs = syntheticCorpus(100_000, 42);
  const t0 = performance.now();
  for (const d of docs) minhashSignature(d);
  const detail = '40-80 words a doc, 64 hashes, 3-word shingles';
  rows.push({ name: 'minhash signatures of 100,000 docs', ms: performance.now() - t0, goal_ms: 20_000, detail });
}

export async function benchAlignment(): Promise<Array<{ name: string; ms: number; goal_ms: number; detail: string }>> {
  const rows: BenchRow[] = [];
  benchAlign(rows);
  benchSignatures(rows);
  return rows.map((r) => ({ ...r, ms: Math.round(r.ms * 100) / 100 }));
}

function printTable(rows: readonly BenchRow[]): void {
  for (const r of rows) {
    const verdict = r.ms <= r.goal_ms ? 'ok  ' : 'SLOW';
    console.log(
      `${verdict} ${r.name.padEnd(52)} ${r.ms.toFixed(2).padStart(10)} ms  (goal ${r.goal_ms} ms)  ${r.detail}`,
    );
  }
}

// Run directly (not when imported by a bench runner).
if (
  typeof process !== 'undefined' &&
  process.argv[1] !== undefined &&
  import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
) {
  benchAlignment().then(printTable);
}
