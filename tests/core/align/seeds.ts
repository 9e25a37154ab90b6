// Reads the real seed documents for the alignment tests, by their number prefix.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SEEDS = join(__dirname, '..', '..', '..', 'seeds');

export function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(`${prefix}_`));
  if (name === undefined) throw new Error(`no seed ${prefix}_*`);
  return readFileSync(join(SEEDS, name), 'utf8');
}

export const SEED_PREFIXES = ['000', '001', '002', '003', '004'] as const;

/** Range of the n-th occurrence (0-based) of `needle` in `text`; throws if missing. */
export function rangeOf(text: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${nth} not found`);
  }
  return { start: at, end: at + needle.length };
}
