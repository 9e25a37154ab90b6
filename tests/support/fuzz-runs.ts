// One setting for every fuzz property in the project: how many cases each
// runs. `npm test` runs FUZZ_RUNS = 5,000 a property; `npm run fuzz` (and
// `npm run soak`) set SEED_FUZZ_RUNS=1000000. SEED_FUZZ_SEED replays a run
// (fast-check prints the seed and the shrunk case of a failure).
// Each property prints its rate, so a slow target shows up in the log, and
// appends its figures to test-results/fuzz-figures.jsonl for scripts/soak.mjs.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

const DEFAULT_RUNS = 5_000;

function runsFromEnv(): number {
  const raw = process.env.SEED_FUZZ_RUNS;
  if (raw === undefined || raw === '') return DEFAULT_RUNS;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`SEED_FUZZ_RUNS must be a positive integer, got ${JSON.stringify(raw)}`);
  return runs;
}

export const FUZZ_RUNS = runsFromEnv();
const SEED = process.env.SEED_FUZZ_SEED ? Number(process.env.SEED_FUZZ_SEED) : undefined;

/** Test timeout for one fuzz property: generous per case (a loaded 2-core machine), at least a minute. */
export const FUZZ_TIMEOUT_MS = Math.max(60_000, FUZZ_RUNS * 5);

const FIGURES = path.resolve(import.meta.dirname, '../../test-results/fuzz-figures.jsonl');

function record(target: string, runs: number, ms: number): void {
  const perSecond = Math.round(runs / Math.max(ms / 1000, 1e-3));
  console.log(
    `fuzz ${target}: ${runs.toLocaleString('en-US')} cases in ${(ms / 1000).toFixed(1)} s (${perSecond.toLocaleString('en-US')} cases/s)`,
  );
  try {
    mkdirSync(path.dirname(FIGURES), { recursive: true });
    appendFileSync(FIGURES, `${JSON.stringify({ target, runs, ms: Math.round(ms), perSecond })}\n`);
  } catch {
    /* the figures file is a convenience; the printed line is the record */
  }
}

/**
 * Runs `property` over FUZZ_RUNS cases (or `runs` when a property is costly
 * per case: then it says so in its name) and prints cases/s. A failure
 * throws fast-check's report: seed, path and the shrunk counterexample.
 */
export function fuzz<T>(target: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => boolean | void): void {
  const started = performance.now();
  fc.assert(fc.property(arbitrary, predicate), { numRuns: FUZZ_RUNS, seed: SEED, endOnFailure: false });
  record(target, FUZZ_RUNS, performance.now() - started);
}

/** A failed check inside a property: a plain Error is far cheaper than expect() at a million cases. */
export function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}
