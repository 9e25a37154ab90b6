// The import loop with a fake bridge: one store call per batch, the tally,
// cancel (the in-flight batch is not stored, importCancel is called), the cap
// on kept problems, and dropped files (too large ones refused locally).
import { describe, expect, it, vi } from 'vitest';
import type { WorkbenchBridge } from '../../../core/bridge';
import type { ImportStep } from '../../../core/io-shapes';
import type { InputProblem } from '../../../core/model';
import { importDroppedFiles, newTally, PROBLEMS_KEPT, runImportSession } from '../../../renderer/io/importer';

const docs = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    id: `d${from + i}`,
    name: 'n',
    text: 't',
    sha256: `s${from + i}`,
    source: 'f',
  }));
const problem = (line: number): InputProblem => ({ file: 'a.jsonl', line, message: 'bad', severity: 'error' });
const step = (n: number, from: number, done: boolean, problems: InputProblem[] = []): ImportStep => ({
  documents: docs(n, from),
  problems,
  progress: { filesDone: done ? 1 : 0, filesTotal: 1 },
  done,
});

function bridgeOf(steps: ImportStep[]) {
  const raw = { importNext: vi.fn(async () => steps.shift()!), importCancel: vi.fn(async () => undefined) };
  return { raw, bridge: raw as unknown as Pick<WorkbenchBridge, 'importNext' | 'importCancel'> };
}
const store = () => vi.fn(async (batch: unknown[]) => ({ added: batch.length - 1, existing: 1, spansAdded: 2 }));

describe('runImportSession', () => {
  it('stores each batch once, in order, and tallies counts and problems', async () => {
    const { bridge, raw } = bridgeOf([step(3, 0, false, [problem(2)]), step(2, 3, true, [problem(9)])]);
    const save = store();
    const tally = await runImportSession(bridge, 's', newTally(1), save, () => {});
    expect(save.mock.calls.map(([batch]) => batch.length)).toEqual([3, 2]);
    expect(tally).toMatchObject({ read: 5, added: 3, existing: 2, spansAdded: 4, filesDone: 1, cancelled: false });
    expect(tally.problems.map((p) => p.line)).toEqual([2, 9]);
    expect(raw.importCancel).not.toHaveBeenCalled();
  });

  it('cancel keeps what was stored, does not store the batch in flight and tells main', async () => {
    const stop = new AbortController();
    const { bridge, raw } = bridgeOf([step(3, 0, false), step(3, 3, false), step(3, 6, true)]);
    raw.importNext
      .mockImplementationOnce(async () => step(3, 0, false))
      .mockImplementationOnce(async () => (stop.abort(), step(3, 3, false)));
    const save = store();
    const tally = await runImportSession(bridge, 's', newTally(1), save, () => {}, stop.signal);
    expect(save).toHaveBeenCalledOnce();
    expect(tally).toMatchObject({ read: 3, cancelled: true });
    expect(raw.importCancel).toHaveBeenCalledWith({ session: 's' });
  });

  it('asks for the next batch while storing the last, never more than one ahead', async () => {
    const { bridge, raw } = bridgeOf([step(3, 0, false), step(3, 3, false), step(2, 6, true)]);
    const events: string[] = [];
    const save = vi.fn(async (batch: Array<{ id: string }>) => {
      events.push(`store ${batch[0].id} (asked ${raw.importNext.mock.calls.length})`);
      await new Promise((r) => setTimeout(r, 5));
      return { added: batch.length, existing: 0, spansAdded: 0 };
    });
    const tally = await runImportSession(bridge, 's', newTally(1), save, () => {});
    expect(events).toEqual(['store d0 (asked 2)', 'store d3 (asked 3)', 'store d6 (asked 3)']);
    expect(raw.importNext).toHaveBeenCalledTimes(3); // nothing asked for after the last batch
    expect(tally).toMatchObject({ read: 8, added: 8, cancelled: false });
  });

  it(`keeps the first ${PROBLEMS_KEPT} problems and counts the rest`, async () => {
    const many = Array.from({ length: PROBLEMS_KEPT + 5 }, (_, i) => problem(i + 1));
    const { bridge } = bridgeOf([step(0, 0, true, many)]);
    const tally = await runImportSession(bridge, 's', newTally(1), store(), () => {});
    expect(tally.problems).toHaveLength(PROBLEMS_KEPT);
    expect(tally.moreProblems).toBe(5);
  });
});

describe('importDroppedFiles', () => {
  it("sends each file's bytes by name, refusing an oversized one without reading it", async () => {
    const importBytes = vi.fn(async ({ name }: { name: string }) => ({
      documents: docs(1),
      problems: [{ file: name, line: 2, message: 'x', severity: 'warning' as const }],
    }));
    const big = new File(['x'], 'huge.jsonl');
    Object.defineProperty(big, 'size', { value: 65 * 1024 * 1024 });
    const tally = await importDroppedFiles(
      { importBytes } as unknown as Pick<WorkbenchBridge, 'importBytes'>,
      [new File(['{"text":"a"}'], 'a.jsonl'), big],
      store(),
      () => {},
    );
    expect(importBytes).toHaveBeenCalledOnce();
    expect(importBytes.mock.calls[0][0]).toMatchObject({
      name: 'a.jsonl',
      bytes: new TextEncoder().encode('{"text":"a"}'),
    });
    expect(tally.problems.map((p) => [p.file, p.severity])).toEqual([
      ['a.jsonl', 'warning'],
      ['huge.jsonl', 'error'],
    ]);
    expect(tally).toMatchObject({ filesDone: 2, read: 1 });
  });

  it('one dropped file that fails is its own problem; the files after it still come in', async () => {
    const importBytes = vi.fn(async ({ name }: { name: string }) => {
      if (name === 'broken.txt') throw new Error('the database refused it');
      return { documents: docs(1), problems: [] };
    });
    const files = [new File(['a'], 'broken.txt'), new File(['b'], 'fine.txt')];
    const tally = await importDroppedFiles(
      { importBytes } as unknown as Pick<WorkbenchBridge, 'importBytes'>,
      files,
      store(),
      () => {},
    );
    expect(tally).toMatchObject({ filesDone: 2, read: 1 });
    expect(tally.problems).toEqual([
      expect.objectContaining({
        file: 'broken.txt',
        message: 'not imported: the database refused it',
        severity: 'error',
      }),
    ]);
  });
});

describe('after a failure', () => {
  it("cancels main's session (closing its files) before the error reaches the summary", async () => {
    const { bridge, raw } = bridgeOf([step(3, 0, false), step(3, 3, true)]);
    const save = vi.fn(async () => {
      throw new Error('ConstraintError');
    });
    await expect(runImportSession(bridge, 's', newTally(1), save, () => {})).rejects.toThrow('ConstraintError');
    expect(raw.importCancel).toHaveBeenCalledWith({ session: 's' });
  });

  it('tallies the labels an import created', async () => {
    const { bridge } = bridgeOf([step(1, 0, false), step(1, 1, true)]);
    const save = vi.fn(async () => ({ added: 1, existing: 0, spansAdded: 1 }));
    save.mockResolvedValueOnce({ added: 1, existing: 0, spansAdded: 1, labelsAdded: ['ORG'] } as never);
    expect((await runImportSession(bridge, 's', newTally(1), save, () => {})).labelsAdded).toEqual(['ORG']);
  });
});
