// An unreadable .jsonl file or subfolder (EACCES) is a problem of that file or
// folder, and the import goes on. The tests run as root here, where chmod 000
// reads anyway, so the file system is made to refuse the way it would a user.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CorpusLoad } from '../../../core/model';

const refused = new Set<string>();
const eacces = (target: string) =>
  Object.assign(new Error(`EACCES: permission denied, open '${target}'`), { code: 'EACCES' });

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const createReadStream = ((file: string, options?: object) => {
    if (refused.has(String(file))) {
      const stream = fs.createReadStream(__filename, options as never);
      stream.destroy(eacces(String(file)));
      return stream;
    }
    return fs.createReadStream(file, options as never);
  }) as typeof fs.createReadStream;
  return { ...fs, default: { ...fs, createReadStream }, createReadStream };
});
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const readdir = (async (folder: string, options?: object) => {
    if (refused.has(String(folder))) throw eacces(String(folder));
    return fs.readdir(folder, options as never);
  }) as typeof fs.readdir;
  return { ...fs, default: { ...fs, readdir }, readdir };
});

const { readImportPaths } = await import('../../../main/services/import-paths');

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(path.join(tmpdir(), 'unreadable-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('unreadable files and folders', () => {
  it('become problems naming them; every readable file still loads', async () => {
    const root = path.join(dir, 'corpus');
    await mkdir(path.join(root, 'locked'), { recursive: true });
    await mkdir(path.join(root, 'open'), { recursive: true });
    await writeFile(path.join(root, 'a.jsonl'), '{"text":"before"}\n');
    await writeFile(path.join(root, 'b.jsonl'), '{"text":"secret"}\n');
    await writeFile(path.join(root, 'c.txt'), 'after');
    await writeFile(path.join(root, 'locked', 'hidden.txt'), 'never seen');
    await writeFile(path.join(root, 'open', 'd.txt'), 'inside');
    refused.add(path.join(root, 'b.jsonl'));
    refused.add(path.join(root, 'locked'));
    const load: CorpusLoad = { documents: [], problems: [] };
    for await (const batch of readImportPaths([root])) {
      load.documents.push(...batch.documents);
      load.problems.push(...batch.problems);
    }
    expect(load.documents.map((d) => d.text)).toEqual(['before', 'after', 'inside']);
    expect(load.problems).toEqual([
      expect.objectContaining({
        file: path.join(root, 'locked'),
        message: expect.stringMatching(/could not read this folder \(EACCES\)/),
        severity: 'error',
      }),
      expect.objectContaining({
        file: path.join(root, 'b.jsonl'),
        message: expect.stringMatching(/could not read the file \(EACCES\)/),
        severity: 'error',
      }),
    ]);
  });
});
