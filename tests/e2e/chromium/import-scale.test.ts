// Imports at scale through the app's own import path in Chromium ("Import
// files…", main's readImportPaths answering importNext, the app storing each
// batch), watching memory:
// - a JSONL of SEED_IMPORT_RECORDS records (1,000,000 in `npm run soak`,
//   2,000 in `npm test`) with a bad line every tenth of the file: the
//   summary counts exactly what was written (added, spans, every bad line by
//   number), and memory stays flat: the renderer's heap after GC grows by no
//   more than the id the corpus list keeps per document, main's RSS by a
//   bounded amount, whatever the file's size;
// - a 200 MB .txt is imported or refused with a message saying why: the page
//   is still there and answers, never a vanished window.
import { once } from 'node:events';
import { createWriteStream, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_WAIT_MS } from '../../../renderer/ui/throttled-reload';
import { defaultDeps, openApp, PROJECT_ROOT, type AppSession } from '../../support/app-page';
import { pickingDialog, sampleMemory, type MemorySample } from '../../support/import-driver';

const RECORDS = Number(process.env.SEED_IMPORT_RECORDS ?? 2_000);
const BAD_EVERY = Math.max(10, Math.floor(RECORDS / 10)); // ten bad lines, spread over the file
const SEEDS = 5;
const MB = 1024 * 1024;
/** What the renderer may keep per document (the corpus list's id and its array slot), in heap bytes. */
const HEAP_BYTES_PER_DOCUMENT = 120;
/** Heap growth always allowed (caches of rows on screen, compiled code): small next to a million documents' texts. */
const HEAP_SLACK = 8 * MB;
/** Growth of main's RSS allowed over the import, whatever its size: batches in flight, not the file. */
const HOST_RSS_GROWTH = 300 * MB;

const WORDS =
  'the minister pledged money to italy while the home secretary met delegates from france and spain about trade'.split(
    ' ',
  );

/** Record i: about 300 characters, unique (its number), one "actor" span on "Record". */
function recordLine(i: number): string {
  const words = Array.from({ length: 48 }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]).join(' ');
  return JSON.stringify({
    text: `Record ${i}: ${words}.`,
    spans: [{ start: 0, end: 6, label: 'actor', text: 'Record' }],
    meta: { name: `rec-${String(i).padStart(7, '0')}` },
  });
}

/** Writes the corpus, streaming; returns the line numbers of the bad lines. */
async function writeCorpus(file: string, lines: number): Promise<number[]> {
  const out = createWriteStream(file);
  const bad: number[] = [];
  for (let line = 1; line <= lines; line++) {
    const text = line % BAD_EVERY === 0 ? (bad.push(line), '{"text": 42}') : recordLine(line);
    if (!out.write(`${text}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bad;
}

const statValue = async (page: Page, id: string) =>
  Number(((await page.textContent(`.io-stat-value[data-testid="${id}"]`)) ?? '').replace(/,/g, ''));

/** Heap growth from the first sample past `from` of the way to the last, and the documents read meanwhile. */
function heapGrowth(samples: MemorySample[], from: number): { bytes: number; documents: number } {
  const last = samples[samples.length - 1];
  const early = samples.find((s) => s.documents >= last.documents * from) ?? samples[0];
  return { bytes: last.rendererHeap - early.rendererHeap, documents: last.documents - early.documents };
}

describe(`import at scale in Chromium (${RECORDS.toLocaleString('en-US')} records)`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'import-scale-'));
  let picked: string[] = [];
  let session: AppSession | undefined;
  afterAll(async () => session?.context.close());

  it(
    'imports every good record with flat memory, and the summary counts exactly what was written',
    async () => {
      const file = path.join(dir, 'corpus.jsonl');
      const bad = await writeCorpus(file, RECORDS);
      const good = RECORDS - bad.length;
      picked = [file];
      session = await openApp(undefined, defaultDeps(pickingDialog(() => picked)));
      const page = session.page;
      const started = Date.now();
      await page.click('button[data-testid="import-files"]');
      await page.waitForSelector('[data-testid="io-progress-text"]');
      // Every 50 ms for the short run: on a fast machine 2,000 records are in within a second or two (at 250 ms
      // it took only two samples on 2026-12-03), and the check needs three.
      const sampler = await sampleMemory(page, RECORDS >= 100_000 ? 5_000 : 50);
      try {
        await page.waitForSelector('[data-testid="import-summary"]', { timeout: Math.max(240_000, RECORDS * 8) });
      } finally {
        await sampler.stop();
      }
      const seconds = (Date.now() - started) / 1000;
      const samples = sampler.samples;

      expect(await statValue(page, 'import-added')).toBe(good);
      expect(await statValue(page, 'import-existing')).toBe(0);
      expect(await statValue(page, 'import-spans')).toBe(good);
      const where = await page.$$eval('[data-testid="import-problem"] .io-where', (els) =>
        els.map((e) => e.textContent),
      );
      expect(where).toEqual(bad.map((line) => `corpus.jsonl:${line}`));
      await page.click('[data-testid="import-close"]');
      const total = (good + SEEDS).toLocaleString('en-US');
      // The list re-reads every id at most MAX_WAIT_MS after its last re-read, which itself takes seconds at a
      // million documents (the 30 s default timed out there on 2026-12-02 with the summary already exact).
      await page.waitForFunction(
        (t) => document.querySelector('[data-testid="list-summary"]')?.textContent === t,
        `${total} of ${total} documents`,
        { timeout: 2 * MAX_WAIT_MS + RECORDS / 10 },
      );

      expect(samples.length, 'memory samples taken during the import').toBeGreaterThanOrEqual(3);
      const growth = heapGrowth(samples, 0.2);
      const rss = samples.map((s) => s.hostRss);
      const rssGrowth = Math.max(...rss) - rss[0];
      const fileMB = statSync(file).size / MB;
      const figures =
        `import of ${RECORDS.toLocaleString('en-US')} records (${fileMB.toFixed(0)} MB): ${seconds.toFixed(0)} s ` +
        `(${Math.round(good / seconds).toLocaleString('en-US')} documents/s); renderer heap after GC ${(samples[0].rendererHeap / MB).toFixed(0)} -> ` +
        `${(samples[samples.length - 1].rendererHeap / MB).toFixed(0)} MB (+${(growth.bytes / MB).toFixed(1)} MB over the last ${growth.documents.toLocaleString('en-US')} documents, ` +
        `${(growth.bytes / Math.max(1, growth.documents)).toFixed(0)} bytes each), ` +
        `host RSS ${(rss[0] / MB).toFixed(0)} -> max ${(Math.max(...rss) / MB).toFixed(0)} MB; ${samples.length} samples`;
      console.log(figures);
      mkdirSync(path.join(PROJECT_ROOT, 'test-results'), { recursive: true });
      writeFileSync(path.join(PROJECT_ROOT, 'test-results', 'import-figures.txt'), `${figures}\n`);
      expect(growth.bytes, figures).toBeLessThanOrEqual(HEAP_SLACK + HEAP_BYTES_PER_DOCUMENT * growth.documents);
      expect(rssGrowth, figures).toBeLessThanOrEqual(HOST_RSS_GROWTH);
    },
    Math.max(300_000, RECORDS * 10 + 300_000),
  );

  it('a 200 MB .txt is imported or refused with a message saying why, and the page lives on', async () => {
    const big = path.join(dir, 'big.txt');
    const line = 'The Home Secretary pledged money to Italy; the minister of finance agreed.\n';
    const out = createWriteStream(big);
    const piece = line.repeat(Math.ceil(MB / line.length));
    for (let written = 0; written < 200 * MB; written += piece.length) if (!out.write(piece)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    writeFileSync(path.join(dir, 'beside.txt'), 'A small document picked with it.');
    picked = [big, path.join(dir, 'beside.txt')];
    session ??= await openApp(undefined, defaultDeps(pickingDialog(() => picked)));
    const page = session.page;
    await page.click('button[data-testid="import-files"]');
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 240_000 });
    const problems = await page.$$eval('[data-testid="import-problem"]', (els) => els.map((e) => e.textContent ?? ''));
    const bigProblem = problems.find((p) => p.includes('big.txt'));
    const added = await statValue(page, 'import-added');
    if (bigProblem) {
      expect(bigProblem).toMatch(/error/);
      expect(bigProblem).toMatch(/too (large|big)|larger than|limit/i);
      expect(bigProblem).toMatch(/\d/);
      expect(added).toBe(1); // the small file beside it
    } else {
      expect(added).toBe(2);
    }
    // Alive: the page answers and the app is still usable.
    await page.click('[data-testid="import-close"]');
    expect(await page.evaluate(() => document.body.dataset.ready)).toBe('true');
    await page.locator('.doc-item:has(.doc-name:text-is("beside.txt"))').waitFor();
  }, 360_000);
});
