// The import/export handlers (main/io-handlers.ts) with fake dialogs: paths
// come only from the dialogs, sessions stream in bounded batches and end,
// cancel and abort leave nothing open, unknown ids are refused clearly.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkArgument } from '../../core/bridge';
import type { ExportRecord } from '../../core/jsonl/records';
import { ImportSessions, UnknownSessionError } from '../../main/import-sessions';
import { createIoHandlers } from '../../main/io-handlers';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(path.join(tmpdir(), 'io-handlers-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

const jsonl = (n: number, prefix = 'doc') =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ text: `${prefix} ${i} 😀` })).join('\n');
const record = (id: string, text: string, spans: ExportRecord['spans'] = []): ExportRecord => ({
  id,
  name: `${id}.txt`,
  text,
  sha256: 'x',
  source: 's',
  status: 'done',
  updatedAt: Date.UTC(2025, 0, 1),
  spans,
});

describe('import sessions', () => {
  it('returns null and opens nothing when the dialog is cancelled (or there is none)', async () => {
    const open = vi.fn(async () => null);
    expect(await createIoHandlers({ showOpenDialog: open }).chooseImport({ kind: 'folder' })).toBeNull();
    expect(open).toHaveBeenCalledWith('folder');
    expect(await createIoHandlers({}).chooseImport({ kind: 'files' })).toBeNull();
  });

  it('streams the picked files in batches of at most the batch size, then ends the session', async () => {
    const a = path.join(dir, 'a.jsonl');
    const b = path.join(dir, 'b.txt');
    await writeFile(a, `${jsonl(5)}\n{bad\n`);
    await writeFile(b, 'plain text');
    const sessions = new ImportSessions(async () => [a, b], 2);
    const started = await sessions.choose('files');
    expect(started).toEqual({ session: expect.any(String), files: 2 });
    const steps = [];
    for (;;) {
      const step = await sessions.next(started!.session);
      steps.push(step);
      if (step.done) break;
    }
    expect(steps.every((s) => s.documents.length <= 2)).toBe(true);
    expect(steps.flatMap((s) => s.documents.map((d) => d.text))).toEqual([
      ...Array.from({ length: 5 }, (_, i) => `doc ${i} 😀`),
      'plain text',
    ]);
    expect(steps.flatMap((s) => s.problems)).toEqual([
      expect.objectContaining({ file: a, line: 6, severity: 'error' }),
    ]);
    expect(steps.at(-1)!.progress).toEqual({ filesDone: 2, filesTotal: 2 });
    expect(sessions.open).toBe(0);
    await expect(sessions.next(started!.session)).rejects.toThrow(/no import session/);
  });

  it('cancel stops reading, forgets the session and ignores unknown ids', async () => {
    const big = path.join(dir, 'big.jsonl');
    await writeFile(big, jsonl(50));
    const sessions = new ImportSessions(async () => [big], 5);
    const { session } = (await sessions.choose('files'))!;
    expect((await sessions.next(session)).documents).toHaveLength(5);
    await sessions.cancel(session);
    expect(sessions.open).toBe(0);
    await expect(sessions.next(session)).rejects.toThrow(/no import session/);
    await expect(sessions.cancel('never-was')).resolves.toBeUndefined();
  });

  it('reads a dropped file from its bytes, by name only', async () => {
    const handlers = createIoHandlers({});
    const load = await handlers.importBytes({
      name: 'dropped.jsonl',
      bytes: new TextEncoder().encode('{"text":"𠀀 x","spans":[{"start":2,"end":3,"label":"L","text":"x"}]}\n[]\n'),
    });
    expect(load.documents.map((d) => [d.text, d.spans])).toEqual([['𠀀 x', [{ start: 3, end: 4, label: 'L' }]]]);
    expect(load.problems).toEqual([expect.objectContaining({ file: 'dropped.jsonl', line: 2 })]);
  });
});

describe('export sessions', () => {
  it('writes to the path the save dialog chose, only at the end, and reports what it wrote', async () => {
    const target = path.join(dir, 'out.jsonl');
    const save = vi.fn(async () => target);
    const handlers = createIoHandlers({ showSaveDialog: save });
    const started = await handlers.exportBegin({ format: 'prodigy', suggestedName: '../../etc/corpus.jsonl' });
    expect(save).toHaveBeenCalledWith('corpus.jsonl'); // a name, never a path from the page
    expect(started).toEqual({ session: expect.any(String), path: target });
    const written = await handlers.exportWrite({
      session: started!.session,
      records: [record('a', 'x😀y', [{ start: 1, end: 3, label: 'E', text: '😀' }])],
    });
    if (!written.ok) throw new Error(written.message);
    const { bytes } = written;
    expect(bytes).toBeGreaterThan(0);
    expect(existsSync(target)).toBe(false); // still in the temporary file
    const done = await handlers.exportEnd({ session: started!.session });
    expect(done).toEqual({ path: target, bytes, documents: 1, spans: 1 });
    const line = JSON.parse(await readFile(target, 'utf8'));
    expect(line.spans).toEqual([{ start: 1, end: 2, label: 'E', text: '😀' }]);
    await expect(handlers.exportWrite({ session: started!.session, records: [] })).rejects.toThrow(/no export session/);
  });

  it('abort leaves no file behind; a cancelled dialog opens nothing', async () => {
    const target = path.join(dir, 'aborted.jsonl');
    const handlers = createIoHandlers({ showSaveDialog: async () => target });
    const { session } = (await handlers.exportBegin({ format: 'doccano', suggestedName: 'a.jsonl' }))!;
    await handlers.exportWrite({ session, records: [record('a', 'abc')] });
    await handlers.exportAbort({ session });
    expect((await readdir(dir)).filter((f) => f.includes('aborted'))).toEqual([]);
    await expect(handlers.exportAbort({ session: 'unknown' })).resolves.toBeUndefined();
    await expect(handlers.exportEnd({ session: 'unknown' })).rejects.toThrow(UnknownSessionError);
    expect(
      await createIoHandlers({ showSaveDialog: async () => null }).exportBegin({
        format: 'prodigy',
        suggestedName: 'x.jsonl',
      }),
    ).toBeNull();
  });

  it('a record whose span does not match its text aborts the export and says which', async () => {
    const target = path.join(dir, 'refused.jsonl');
    const handlers = createIoHandlers({ showSaveDialog: async () => target });
    const { session } = (await handlers.exportBegin({ format: 'prodigy', suggestedName: 'r.jsonl' }))!;
    // An expected refusal comes back as data, so the renderer shows our sentence, not Electron's "Error invoking remote method".
    expect(
      await handlers.exportWrite({
        session,
        records: [record('bad', 'abc', [{ start: 0, end: 2, label: 'E', text: 'zz' }])],
      }),
    ).toEqual({ ok: false, message: expect.stringMatching(/document bad .*does not match/) });
    expect(existsSync(target)).toBe(false);
    await expect(handlers.exportEnd({ session })).rejects.toThrow(/no export session/);
  });
});

describe('the channels refuse paths and oversized or odd arguments', () => {
  it('takes no path anywhere', () => {
    expect(() => checkArgument('chooseImport', { kind: 'files', paths: ['/etc'] })).toThrow(/declared shape/);
    expect(() => checkArgument('chooseImport', { kind: 'disk' })).toThrow(/declared shape/);
    expect(() => checkArgument('exportBegin', { format: 'prodigy', suggestedName: 'a.jsonl', path: '/tmp/a' })).toThrow(
      /declared shape/,
    );
    expect(() => checkArgument('exportWrite', { session: 'h', records: [], path: '/tmp/a' })).toThrow(/declared shape/);
  });

  it('bounds names, bytes and record counts, and checks each record', () => {
    const bytes = new Uint8Array(4);
    expect(checkArgument('importBytes', { name: 'a.jsonl', bytes })).toBeTruthy();
    expect(() => checkArgument('importBytes', { name: 'x'.repeat(256), bytes })).toThrow(/declared shape/);
    expect(() => checkArgument('importBytes', { name: '', bytes })).toThrow(/declared shape/);
    expect(() => checkArgument('importBytes', { name: 'a.jsonl', bytes: [1, 2] })).toThrow(/declared shape/);
    expect(() =>
      checkArgument('exportWrite', { session: 'h', records: Array.from({ length: 1001 }, () => record('a', 'b')) }),
    ).toThrow(/declared shape/);
    expect(checkArgument('exportWrite', { session: 'h', records: [record('a', 'b')] })).toBeTruthy();
    expect(() => checkArgument('exportWrite', { session: 'h', records: [{ ...record('a', 'b'), extra: 1 }] })).toThrow(
      /declared shape/,
    );
    expect(() =>
      checkArgument('exportWrite', { session: 'h', records: [{ ...record('a', 'b'), status: 'lost' }] }),
    ).toThrow(/declared shape/);
    expect(() =>
      checkArgument('exportWrite', {
        session: 'h',
        records: [record('a', 'b', [{ start: -1, end: 1, label: 'E', text: 'b' }])],
      }),
    ).toThrow(/declared shape/);
    expect(() => checkArgument('importNext', { session: 'x'.repeat(65) })).toThrow(/declared shape/);
  });
});
