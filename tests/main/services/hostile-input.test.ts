// Input a careless or hostile user brings: every case becomes a problem of
// its line or file, and the import goes on (issue 11, items 3, 6 and 8).
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusLoad } from '../../../core/model';
import { readSnapshot } from '../../../main/services/backups';
import { listFiles, readCorpusFolder } from '../../../main/services/corpus-folder';
import { decodeBytes } from '../../../main/services/decode';
import { readImportBytes, readImportPaths } from '../../../main/services/import-paths';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(path.join(tmpdir(), 'hostile-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function all(batches: AsyncIterable<CorpusLoad>): Promise<CorpusLoad & { batches: number }> {
  const out = { documents: [] as CorpusLoad['documents'], problems: [] as CorpusLoad['problems'], batches: 0 };
  for await (const batch of batches) {
    out.batches++;
    for (const d of batch.documents) out.documents.push(d);
    for (const p of batch.problems) out.problems.push(p);
  }
  return out;
}

describe('one line never aborts an import', () => {
  it('150,000 lines of the wrong shape are 150,000 problems in bounded batches, and the good lines load', async () => {
    const file = path.join(dir, 'wrong.jsonl');
    const lines = ['{"text":"first"}', ...Array.from({ length: 150_000 }, () => '[]'), '{"text":"last"}'];
    await writeFile(file, lines.join('\n'));
    const load = await all(readImportPaths([file]));
    expect(load.documents.map((d) => d.text)).toEqual(['first', 'last']);
    expect(load.problems).toHaveLength(150_000);
    expect(load.problems[149_999]).toMatchObject({ line: 150_001, message: 'not a JSON object (got array)' });
    expect(load.batches).toBeGreaterThan(100); // problems stream too, never one giant batch
  }, 60_000);

  it('a value nested 100,000 levels deep is one problem of its line', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const bytes = new TextEncoder().encode(
      `{"text":"a"}\n{"text":"abc","spans":[{"start":${deep},"end":1,"label":"x"}]}\n{"text":"z"}\n`,
    );
    const load = readImportBytes('deep.jsonl', bytes);
    expect(load.documents.map((d) => d.text)).toEqual(['a', 'abc', 'z']);
    expect(load.problems).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringMatching(/offsets must be integers \(start an array of 1/),
      }),
    ]);
  });
});

describe('symbolic links in a chosen folder', () => {
  it('are followed, to files and folders; a loop is reported once and never walked twice', async () => {
    const outside = path.join(dir, 'outside');
    const root = path.join(dir, 'linked');
    await mkdir(path.join(outside, 'deeper'), { recursive: true });
    await mkdir(path.join(root, 'sub'), { recursive: true });
    await writeFile(path.join(outside, 'far.txt'), 'far away');
    await writeFile(path.join(outside, 'deeper', 'deep.txt'), 'deep down');
    await writeFile(path.join(root, 'own.txt'), 'own text');
    await symlink(path.join(outside, 'far.txt'), path.join(root, 'link.txt'));
    await symlink(path.join(outside, 'deeper'), path.join(root, 'folder-link'));
    await symlink(root, path.join(root, 'sub', 'loop'));
    await symlink(path.join(outside, 'gone.txt'), path.join(root, 'dangling.txt'));
    const listed = await listFiles(root);
    expect(listed.files).toEqual(['folder-link/deep.txt', 'link.txt', 'own.txt']);
    expect(listed.problems).toEqual([
      expect.objectContaining({
        file: path.join(root, 'dangling.txt'),
        message: expect.stringMatching(/target is missing/),
      }),
      expect.objectContaining({ file: path.join(root, 'sub', 'loop'), message: expect.stringMatching(/loop/) }),
    ]);
    const load = await readCorpusFolder(root);
    expect(load.documents.map((d) => d.text).sort()).toEqual(['deep down', 'far away', 'own text']);
    expect(load.problems).toHaveLength(2);
  });
});

describe('UTF-16 without a byte-order mark', () => {
  const utf16 = (text: string, littleEndian: boolean) => {
    const out = new Uint8Array(text.length * 2);
    const view = new DataView(out.buffer);
    for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
    return out;
  };
  const text = 'Grüße aus Köln 😀\r\nzweite Zeile\n';

  it.each([
    [true, 'UTF-16LE'],
    [false, 'UTF-16BE'],
  ])('is read exactly, with a warning naming the guess (little-endian: %s)', (le, name) => {
    const decoded = decodeBytes(utf16(text, le));
    expect(decoded).toMatchObject({ ok: true, text, warning: expect.stringContaining(name) });
  });

  it('a .jsonl in UTF-16 without a BOM is named as such, once', () => {
    const load = readImportBytes('u.jsonl', utf16('{"text":"a"}\n{"text":"b"}\n', true));
    expect(load.problems).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringMatching(/UTF-16LE without a byte-order mark/) }),
    ]);
  });
});

describe('backup snapshots are read by the strict JSONL reader', () => {
  it('a line that is not UTF-8 is a problem of that line, not silently replaced characters', async () => {
    const backups = path.join(dir, 'backups');
    await mkdir(backups, { recursive: true });
    const id = '2025-01-31T12-00-00-000Z';
    const bad = Buffer.concat([Buffer.from('{"text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    await writeFile(
      path.join(backups, `snapshot-${id}.jsonl`),
      Buffer.concat([Buffer.from('{"text":"good","meta":{"source":"/a.txt"}}\n'), bad]),
    );
    const load = await all(readSnapshot(backups, id));
    expect(load.documents.map((d) => [d.text, d.source])).toEqual([['good', '/a.txt']]);
    expect(load.problems).toEqual([
      expect.objectContaining({ file: `backup ${id}`, line: 2, message: expect.stringMatching(/not valid UTF-8/) }),
    ]);
  });
});

describe('a text file past the text limit', () => {
  it('is refused with a message naming the limit, never stored to break exports later', () => {
    const load = readImportBytes('huge.txt', new Uint8Array(32 * 1024 * 1024 + 1).fill(0x61));
    expect(load.documents).toEqual([]);
    expect(load.problems).toEqual([
      expect.objectContaining({
        file: 'huge.txt',
        severity: 'error',
        message: expect.stringMatching(/takes 64.000002 MB as stored; the limit is 64 MB/),
      }),
    ]);
  });
});
