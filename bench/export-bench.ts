// Export at scale, in Node as main runs it. Ours: core/jsonl toJsonlLine
// (offsets checked and converted to code points, spans sorted) through
// main/services openJsonlWriter (temporary file, fsync, atomic rename).
// Baseline, same run, same disk: JSON.stringify of the same records, written
// batch by batch to a plain file, with the same fsync at the end. The two run
// alternately, three times each, and the medians count: on a loaded machine
// one disk stall must not decide the ratio.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ExportRecord } from '../core/jsonl/records';
import { openJsonlWriter } from '../main/services/jsonl-writer';
import { median, type BenchResult } from './measure';
import { PeakMemory, peaksText } from './memory';
import { syntheticDocText, syntheticName } from './synthetic-corpus';

const BATCH = 500;

function batchOf(from: number, to: number, bytes: number): ExportRecord[] {
  const records: ExportRecord[] = [];
  for (let i = from; i < to; i++) {
    const text = syntheticDocText(i, bytes);
    const spans = i % 10 === 0 ? [{ start: 0, end: 6, label: 'actor', text: 'Report' }] : [];
    records.push({
      id: `d${i}`,
      name: syntheticName(i),
      text,
      sha256: '0'.repeat(64),
      source: `corpus.jsonl:${i + 1}`,
      status: 'todo',
      updatedAt: 1_700_000_000_000,
      spans,
    });
  }
  return records;
}

/** Feeds `count` records in batches to `write`; only the time inside write and finish counts. */
async function timed(
  count: number,
  bytes: number,
  write: (records: ExportRecord[]) => Promise<void>,
  finish: () => Promise<void>,
): Promise<number> {
  let ms = 0;
  for (let from = 0; from < count; from += BATCH) {
    const records = batchOf(from, Math.min(count, from + BATCH), bytes);
    const t0 = performance.now();
    await write(records);
    ms += performance.now() - t0;
  }
  const t0 = performance.now();
  await finish();
  return ms + performance.now() - t0;
}

async function ours(file: string, count: number, bytes: number): Promise<number> {
  const writer = await openJsonlWriter(file, 'prodigy');
  return timed(
    count,
    bytes,
    (r) => writer.write(r),
    async () => void (await writer.close()),
  );
}

async function baseline(file: string, count: number, bytes: number): Promise<number> {
  const handle = await open(file, 'w');
  return timed(
    count,
    bytes,
    async (r) => void (await handle.write(r.map((x) => `${JSON.stringify(x)}\n`).join(''))),
    async () => {
      await handle.sync();
      await handle.close();
    },
  );
}

const RUNS = 3;

export async function benchExport(count: number, bytes: number): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-export-'));
  try {
    const memory = await PeakMemory.start();
    const oursRuns: number[] = [];
    const baseRuns: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      rmSync(path.join(dir, 'ours.jsonl'), { force: true });
      oursRuns.push(await ours(path.join(dir, 'ours.jsonl'), count, bytes));
      baseRuns.push(await baseline(path.join(dir, 'plain.jsonl'), count, bytes));
    }
    const peaks = peaksText(await memory.stop());
    const [oursMs, baseMs] = [median(oursRuns), median(baseRuns)];
    const size = statSync(path.join(dir, 'ours.jsonl')).size / 1024 / 1024;
    const mbps = size / (oursMs / 1000);
    const ratio = oursMs / baseMs;
    return [
      {
        name: `export ${count.toLocaleString('en-US')} docs (${size.toFixed(0)} MB JSONL)`,
        ours: oursMs,
        baseline: baseMs,
        unit: 'ms',
        goal: '>= 50 MB/s, ratio <= 1.5',
        met: mbps >= 50 && ratio <= 1.5,
        detail: `${mbps.toFixed(0)} MB/s, median of ${RUNS} runs alternating with the baseline (ours ${oursRuns.map((m) => m.toFixed(0)).join('/')} ms, baseline ${baseRuns.map((m) => m.toFixed(0)).join('/')} ms; baseline JSON.stringify + write, same disk, ${(statSync(path.join(dir, 'plain.jsonl')).size / 1024 / 1024).toFixed(0)} MB); generation not timed; ${peaks}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
