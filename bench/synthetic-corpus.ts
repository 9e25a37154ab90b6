// A deterministic JSONL corpus for the scale benchmark and the scale e2e test:
// `count` documents of about `bytes` characters each, every one carrying a
// word no other has (its marker), so a text search must find exactly it.
// Every 10th document brings one "actor" span, as an annotated export would.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { syntheticText } from './synthetic';

export const padIndex = (i: number) => String(i).padStart(6, '0');
/** Names sort in index order, so list position i shows document i. */
export const syntheticName = (i: number) => `doc-${padIndex(i)}.txt`;
/** A word only document i contains. */
export const markerWord = (i: number) => `zx${i}q`;

/** Document i's text: a title line with its marker, then prose from the seeded generator. */
export function syntheticDocText(i: number, bytes: number, seed = 1): string {
  return `Report ${padIndex(i)} ${markerWord(i)}\n${syntheticText(seed * 1_000_003 + i, Math.max(0, bytes - 30))}`;
}

export function syntheticJsonlLine(i: number, bytes: number, seed = 1): string {
  const text = syntheticDocText(i, bytes, seed);
  const spans = i % 10 === 0 ? [{ start: 0, end: 6, label: 'actor', text: 'Report' }] : [];
  return JSON.stringify({ text, spans, meta: { name: syntheticName(i) } });
}

/** Writes documents [from, to) as JSONL to `file`, streaming (100k docs never sit in memory). */
export async function writeSyntheticJsonl(
  file: string,
  count: number,
  bytes: number,
  seed = 1,
  from = 0,
): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  for (let i = from; i < from + count; i++) {
    const line = `${syntheticJsonlLine(i, bytes, seed)}\n`;
    written += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return written;
}
