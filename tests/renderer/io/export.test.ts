// Export streaming from Dexie (fake-indexeddb) with a fake bridge: chunks of
// EXPORT_CHUNK documents in a stable order, projected spans left out, abort
// on cancel and on a refused write.
import { describe, expect, it, vi } from 'vitest';
import type { WorkbenchBridge } from '../../../core/bridge';
import type { ExportRecord } from '../../../core/jsonl/records';
import type { CorpusLoad, Span } from '../../../core/model';
import { storeDocuments } from '../../../renderer/db/documents-repo';
import { openWorkbenchDb, type WorkbenchDb } from '../../../renderer/db/schema';
import { EXPORT_CHUNK, idsInScope, readExportRecords } from '../../../renderer/io/export-source';
import { runExport, suggestedFileName } from '../../../renderer/io/exporter';

let n = 0;
type Doc = CorpusLoad['documents'][number];
const doc = (i: number, extra: Partial<Doc> = {}): Doc => ({
  id: `d${i}`,
  name: `doc-${String(i).padStart(4, '0')}`,
  text: `text ${i} 😀`,
  sha256: `sha${i}`,
  source: `/c/${i}`,
  ...extra,
});

async function corpus(count: number): Promise<WorkbenchDb> {
  const db = openWorkbenchDb(`test-export-${n++}`);
  await storeDocuments(
    db,
    Array.from({ length: count }, (_, i) => doc(i)),
    1000,
  );
  return db;
}

function fakeBridge(fail?: string) {
  const written: ExportRecord[][] = [];
  const bridge = {
    exportBegin: vi.fn(async () => ({ session: 'h', path: '/out.jsonl' })),
    exportWrite: vi.fn(async ({ records }: { records: ExportRecord[] }) => {
      // Main answers a record it refuses with { ok: false, message } (and has dropped the file already).
      if (fail && records.some((r) => r.id === fail)) return { ok: false as const, message: `refused ${fail}` };
      written.push(records);
      return { ok: true as const, bytes: written.flat().length * 10 };
    }),
    exportEnd: vi.fn(async () => ({ path: '/out.jsonl', bytes: 1, documents: written.flat().length, spans: 0 })),
    exportAbort: vi.fn(async () => undefined),
  };
  return {
    bridge: bridge as unknown as Pick<WorkbenchBridge, 'exportBegin' | 'exportWrite' | 'exportEnd' | 'exportAbort'>,
    written,
    raw: bridge,
  };
}

describe('export source', () => {
  it('lists ids by name, by status (index keys only) or one document', async () => {
    const db = await corpus(3);
    await db.documents.update('d1', { status: 'done' });
    expect(await idsInScope(db, { kind: 'all' })).toEqual(['d0', 'd1', 'd2']);
    expect(await idsInScope(db, { kind: 'status', status: 'done' })).toEqual(['d1']);
    expect(await idsInScope(db, { kind: 'document', id: 'd2' })).toEqual(['d2']);
    expect(await idsInScope(db, { kind: 'document', id: 'gone' })).toEqual([]);
  });

  it('reads records with their spans; projected spans and empty notes are left out', async () => {
    const db = await corpus(1);
    const span = (id: string, extra: Partial<Span> = {}): Span => ({
      id,
      docId: 'd0',
      start: 0,
      end: 4,
      label: 'A',
      text: 'text',
      note: '',
      createdAt: 1,
      updatedAt: 1,
      ...extra,
    });
    await db.spans.bulkAdd([span('s1', { note: 'why' }), span('s2', { projected: true }), span('s3', { label: 'B' })]);
    const [record] = await readExportRecords(db, ['d0', 'missing']);
    expect(record).toMatchObject({ id: 'd0', name: 'doc-0000', text: 'text 0 😀', status: 'todo', updatedAt: 1000 });
    expect(record.spans.sort((a, b) => a.label.localeCompare(b.label))).toEqual([
      { start: 0, end: 4, label: 'A', text: 'text', note: 'why' },
      { start: 0, end: 4, label: 'B', text: 'text' },
    ]);
  });

  it("keeps an imported document's own updatedAt", async () => {
    const db = openWorkbenchDb(`test-export-${n++}`);
    await storeDocuments(db, [doc(1, { updatedAt: 42 }), doc(2)], 1000);
    expect((await db.documents.bulkGet(['d1', 'd2'])).map((d) => d!.updatedAt)).toEqual([42, 1000]);
  });
});

describe('runExport', () => {
  it('streams the scope in chunks of EXPORT_CHUNK and ends the export', async () => {
    const db = await corpus(EXPORT_CHUNK * 2 + 7);
    const { bridge, written } = fakeBridge();
    const progress: number[] = [];
    const outcome = await runExport(
      db,
      bridge,
      { scope: { kind: 'all' }, format: 'prodigy', suggestedName: 'a.jsonl' },
      (p) => progress.push(p.done),
    );
    expect(written.map((c) => c.length)).toEqual([EXPORT_CHUNK, EXPORT_CHUNK, 7]);
    expect(written.flat().map((r) => r.id)).toEqual(await idsInScope(db, { kind: 'all' }));
    expect(progress).toEqual([0, EXPORT_CHUNK, EXPORT_CHUNK * 2, EXPORT_CHUNK * 2 + 7]);
    expect(outcome).toMatchObject({ kind: 'finished', summary: { documents: EXPORT_CHUNK * 2 + 7 } });
  });

  it('a cancelled dialog writes nothing; a cancel or a refused write aborts', async () => {
    const db = await corpus(EXPORT_CHUNK + 1);
    const none = fakeBridge();
    none.raw.exportBegin.mockResolvedValueOnce(null as never);
    expect(
      await runExport(db, none.bridge, { scope: { kind: 'all' }, format: 'prodigy', suggestedName: 'a' }, () => {}),
    ).toEqual({ kind: 'cancelled' });
    expect(none.raw.exportWrite).not.toHaveBeenCalled();

    const stop = new AbortController();
    const cancelled = fakeBridge();
    const outcome = await runExport(
      db,
      cancelled.bridge,
      { scope: { kind: 'all' }, format: 'prodigy', suggestedName: 'a' },
      (p) => p.done > 0 && stop.abort(),
      stop.signal,
    );
    expect(outcome).toEqual({ kind: 'cancelled' });
    expect(cancelled.raw.exportAbort).toHaveBeenCalledOnce();
    expect(cancelled.raw.exportEnd).not.toHaveBeenCalled();

    const refused = fakeBridge('d3');
    await expect(
      runExport(db, refused.bridge, { scope: { kind: 'all' }, format: 'doccano', suggestedName: 'a' }, () => {}),
    ).rejects.toThrow(/refused d3/);
    expect(refused.raw.exportAbort).toHaveBeenCalledOnce();
  });

  it('suggests a dated file name naming scope and format', () => {
    const day = new Date('2025-01-31T12:00:00Z');
    expect(suggestedFileName({ kind: 'all' }, 'prodigy', day)).toBe('annotations-prodigy-2025-01-31.jsonl');
    expect(suggestedFileName({ kind: 'status', status: 'in_progress' }, 'doccano', day)).toBe(
      'annotations-in-progress-doccano-2025-01-31.jsonl',
    );
  });
});

describe('export by layer', () => {
  it('writes one layer plain, all layers with "annotator", and the adjudicated layer for adjudicated documents only', async () => {
    const db = openWorkbenchDb(`test-export-layers-${n++}`);
    const text = 'Ann met Bob in Paris.';
    const span = (start: number, end: number, label: string, annotator?: string) => ({
      start,
      end,
      label,
      ...(annotator && { annotator }),
    });
    await storeDocuments(db, [
      {
        id: 'a',
        name: 'a',
        text,
        sha256: 'sha-a',
        source: 'a',
        spans: [span(0, 3, 'actor'), span(0, 3, 'actor', 'bob'), span(15, 20, 'country', 'curation')],
      },
      { id: 'b', name: 'b', text: 'Not curated.', sha256: 'sha-b', source: 'b', spans: [span(0, 3, 'x', 'bob')] },
    ]);
    const labels = (records: ExportRecord[]) =>
      records.map((r) => [r.id, r.spans.map((s) => `${s.label}:${s.annotator ?? '-'}`)]);
    const read = (choice: Parameters<typeof readExportRecords>[2]) => readExportRecords(db, ['a', 'b'], choice);
    expect(labels(await read({ choice: { kind: 'mine' }, local: 'ann' }))).toEqual([
      ['a', ['actor:-']],
      ['b', []],
    ]);
    expect(labels(await read({ choice: { kind: 'annotator', name: 'bob' }, local: 'ann' }))).toEqual([
      ['a', ['actor:-']],
      ['b', ['x:-']],
    ]);
    expect(labels(await read({ choice: { kind: 'curation' }, local: 'ann' }))).toEqual([['a', ['country:-']]]);
    expect(labels(await read({ choice: { kind: 'all' }, local: 'ann' })).map(([id, s]) => [id, [...s].sort()])).toEqual(
      [
        ['a', ['actor:ann', 'actor:bob', 'country:curation']],
        ['b', ['x:bob']],
      ],
    );
    // No layer asked (a corpus of one annotator): every span, no annotator field, as before annotators existed.
    expect(labels(await read(undefined)).map(([id, s]) => [id, [...s].sort()])).toEqual([
      ['a', ['actor:-', 'actor:-', 'country:-']],
      ['b', ['x:-']],
    ]);
  });
});
