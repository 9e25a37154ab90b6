// A 200 MB .txt through the import path (readImportPaths, what "Import
// files…" streams to the renderer) is either imported whole or refused with a
// clear message naming the file: never a throw that ends the import, never a
// document cut short, and the files beside it still load.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusLoad } from '../../../core/model';
import { readImportPaths } from '../../../main/services/import-paths';

const MB = 1024 * 1024;
const SIZE = 200 * MB;
const LINE = 'The Home Secretary pledged money to Italy; the minister of finance agreed.\n'; // 75 bytes, plain ASCII

/** Writes `bytes` of text to `file` in 1 MB pieces (never 200 MB in memory); returns its sha256. */
async function writeBigText(file: string, bytes: number): Promise<string> {
  const piece = Buffer.from(LINE.repeat(Math.ceil(MB / LINE.length)).slice(0, MB));
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  for (let written = 0; written < bytes; written += piece.length) {
    const chunk = piece.subarray(0, Math.min(piece.length, bytes - written));
    hash.update(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

describe('a 200 MB .txt file', () => {
  let dir: string;
  let big: string;
  let sha: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'import-size-'));
    big = path.join(dir, 'big.txt');
    sha = await writeBigText(big, SIZE);
    await writeFile(path.join(dir, 'small.txt'), 'A small document beside it.');
  }, 120_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('is imported whole or refused with a message naming the file and the limit, and the file beside it still loads', async () => {
    const load: CorpusLoad = { documents: [], problems: [] };
    for await (const batch of readImportPaths([big, path.join(dir, 'small.txt')])) {
      load.documents.push(...batch.documents);
      load.problems.push(...batch.problems);
    }
    expect(load.documents.map((d) => d.name)).toContain('small.txt');
    const doc = load.documents.find((d) => d.name === 'big.txt');
    if (doc) {
      // Imported: whole, to the last byte.
      expect(doc.text.length).toBe(SIZE);
      expect(createHash('sha256').update(doc.text, 'utf8').digest('hex')).toBe(sha);
    } else {
      const refusal = load.problems.find((p) => p.file === big);
      expect(refusal, `no document and no problem for ${big}: ${JSON.stringify(load.problems)}`).toBeDefined();
      expect(refusal!.severity).toBe('error');
      // Clear: says it is about size, with the figures.
      expect(refusal!.message).toMatch(/too (large|big)|larger than|limit/i);
      expect(refusal!.message).toMatch(/\d/);
    }
  }, 120_000);
});
