import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpusFolder } from '../../../main/services/corpus-folder';
import { sha256Hex } from '../../../main/services/document-factory';

const SEEDS = path.resolve(import.meta.dirname, '../../../seeds');

describe('reading a corpus folder', () => {
  it('reads the five seeds exactly, with ids from their content hash', async () => {
    const load = await readCorpusFolder(SEEDS);
    const names = readdirSync(SEEDS).sort();
    expect(load.problems).toEqual([]);
    expect(load.documents.map((d) => d.name)).toEqual(names);
    for (const doc of load.documents) {
      expect(doc.text).toBe(readFileSync(path.join(SEEDS, doc.name), 'utf8'));
      expect(doc.sha256).toBe(sha256Hex(doc.text));
      expect(doc.id).toBe(doc.sha256.slice(0, 16));
      expect(doc.source).toBe(path.join(SEEDS, doc.name));
    }
  });

  it('reads subfolders, drops only a leading BOM, and reports bad files without losing good ones', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'a.txt'), '\uFEFFline one\r\n\tline two  \r\n');
    writeFileSync(path.join(dir, 'sub/b.md'), '# heading\n');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    writeFileSync(path.join(dir, 'image.png'), 'not text');
    const load = await readCorpusFolder(dir);
    expect(load.documents.map((d) => [d.name, d.text])).toEqual([
      ['a.txt', 'line one\r\n\tline two  \r\n'],
      ['sub/b.md', '# heading\n'],
    ]);
    const errors = load.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].file).toBe(path.join(dir, 'binary.txt'));
    expect(errors[0].message).toMatch(/binary/);
    expect(load.problems.some((p) => p.file.endsWith('image.png') && p.severity === 'warning')).toBe(true);
  });

  it('says so when the folder is missing', async () => {
    const load = await readCorpusFolder('/nonexistent/folder');
    expect(load.documents).toEqual([]);
    expect(load.problems[0].message).toMatch(/not found/);
  });
});
