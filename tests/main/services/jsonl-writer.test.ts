import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonlLine, type ExportRecord } from '../../../core/jsonl';
import { readJsonlFileWhole } from '../../../main/services/jsonl-file';
import { openJsonlWriter } from '../../../main/services/jsonl-writer';
import { codePointSliceOk, hardRecords } from '../../core/jsonl/samples';
import { hasPython, noteIfNoPython, pythonCheck } from './python';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(path.join(tmpdir(), 'jsonl-writer-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));
noteIfNoPython();

describe('openJsonlWriter', () => {
  it('writes batches into a temp file and renames it at close', async () => {
    const target = path.join(dir, 'out.jsonl');
    await writeFile(target, 'old export\n');
    const writer = await openJsonlWriter(target, 'prodigy');
    const records = hardRecords();
    await writer.write(records.slice(0, 3));
    expect(await readFile(target, 'utf8')).toBe('old export\n');
    await writer.write(records.slice(3));
    const summary = await writer.close();
    const content = await readFile(target, 'utf8');
    expect(content).toBe(records.map((r) => `${toJsonlLine(r, 'prodigy')}\n`).join(''));
    expect(summary).toEqual({
      path: target,
      bytes: Buffer.byteLength(content),
      documents: records.length,
      spans: records.reduce((n, r) => n + r.spans.length, 0),
    });
    expect(await readdir(dir)).toEqual(['out.jsonl']);
    for (const line of content.trimEnd().split('\n')) {
      const rec = JSON.parse(line);
      for (const span of rec.spans) expect(codePointSliceOk(rec.text, span)).toBe(true);
    }
    await expect(writer.write(records)).rejects.toThrow(/closed/);
  });

  it('leaves the target untouched on abort and on a refused record', async () => {
    const target = path.join(dir, 'keep.jsonl');
    await writeFile(target, 'previous\n');
    const writer = await openJsonlWriter(target, 'doccano');
    const bad: ExportRecord = { ...hardRecords()[0], spans: [{ start: 0, end: 1, label: 'x', text: 'not it' }] };
    await expect(writer.write([bad])).rejects.toThrow(/does not match/);
    await writer.abort();
    expect(await readFile(target, 'utf8')).toBe('previous\n');
    expect((await readdir(dir)).filter((f) => f.includes('keep'))).toEqual(['keep.jsonl']);
  });

  it('reads back what it wrote, offsets and all (write -> read -> write is identical)', async () => {
    const target = path.join(dir, 'round.jsonl');
    const writer = await openJsonlWriter(target, 'prodigy');
    const records = hardRecords();
    await writer.write(records);
    await writer.close();
    const load = await readJsonlFileWhole(target);
    expect(load.problems).toEqual([]);
    const again: ExportRecord[] = load.documents.map((d, i) => ({
      ...records[i],
      id: d.id,
      name: d.name,
      text: d.text,
      status: d.status ?? 'todo',
      updatedAt: d.updatedAt ?? 0,
      spans: (d.spans ?? []).map((s) => ({ ...s, text: d.text.slice(s.start, s.end) })),
    }));
    expect(again.map((r) => toJsonlLine(r, 'prodigy')).join('\n') + '\n').toBe(await readFile(target, 'utf8'));
  });

  it.skipIf(!hasPython)('passes the Python check text[start:end] == span["text"]', async () => {
    const target = path.join(dir, 'py.jsonl');
    const writer = await openJsonlWriter(target, 'prodigy');
    await writer.write(hardRecords());
    await writer.close();
    expect(pythonCheck(target)).toBe(hardRecords().reduce((n, r) => n + r.spans.length, 0));
  });
});
