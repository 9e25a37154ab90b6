// The bridge's argument schemas (core/shape.ts on Valibot): own keys only, and
// each limit held where it is declared. Each test here fails if its limit is
// loosened or if a prototype-named key can skip a check again.
import { describe, expect, it } from 'vitest';
import { BACKUP_ID_PATTERN } from '../../core/backup-shapes';
import { BridgeArgumentError, checkArgument, dispatch, type BridgeHandlers } from '../../core/bridge';
import { DROP_MAX_BYTES } from '../../core/io-shapes';
import { ExportRecordSchema } from '../../core/jsonl/records';
import { LIMITS } from '../../core/limits';
import { checkShape } from '../../core/shape';

const record = (extra: Record<string, unknown> = {}) => ({
  id: 'a',
  name: 'a.txt',
  text: 'abc',
  sha256: 'f'.repeat(64),
  source: '/a.txt',
  status: 'todo',
  updatedAt: 0,
  spans: [],
  ...extra,
});

describe('own keys only: prototype-named keys are unknown keys', () => {
  it('refuses a 70 MB `toString` (and constructor, valueOf, __proto__) beside a good importBytes argument', () => {
    const bytes = new Uint8Array(4);
    expect(checkArgument('importBytes', { name: 'a.txt', bytes })).toEqual({ name: 'a.txt', bytes });
    const huge = 'x'.repeat(70 * 1024 * 1024);
    for (const key of ['toString', 'constructor', 'valueOf', 'hasOwnProperty']) {
      expect(() => checkArgument('importBytes', { name: 'a.txt', bytes, [key]: huge })).toThrow(BridgeArgumentError);
    }
    // An own __proto__ key, as JSON.parse or a structured clone makes one.
    const withProto = JSON.parse('{"name":"a.txt","__proto__":"x"}') as Record<string, unknown>;
    withProto.bytes = bytes;
    expect(() => checkArgument('importBytes', withProto)).toThrow(/__proto__|declared shape/);
  });

  it('refuses prototype-named keys inside records and spans too', () => {
    expect(checkShape(ExportRecordSchema, record()).ok).toBe(true);
    expect(checkShape(ExportRecordSchema, record({ toString: 'x' })).ok).toBe(false);
    const span = { start: 0, end: 1, label: 'L', text: 'a', constructor: 'x' };
    expect(checkShape(ExportRecordSchema, record({ spans: [span] })).ok).toBe(false);
  });

  it('hands the handler a checked copy with the declared keys only', async () => {
    const seen: unknown[] = [];
    const handlers = { importCancel: async (arg: unknown) => void seen.push(arg) } as unknown as BridgeHandlers;
    await dispatch(handlers, 'importCancel', { session: 's' });
    expect(seen).toEqual([{ session: 's' }]);
    await expect(dispatch(handlers, 'toString', undefined)).rejects.toThrow(/unknown channel/);
    await expect(dispatch(handlers, '__proto__', undefined)).rejects.toThrow(/unknown channel/);
  });
});

describe('limits held by the schemas', () => {
  it('a dropped file may be 64 MiB, not a byte more', () => {
    expect(DROP_MAX_BYTES).toBe(64 * 1024 * 1024);
    expect(() =>
      checkArgument('importBytes', { name: 'a.txt', bytes: new Uint8Array(64 * 1024 * 1024) }),
    ).not.toThrow();
    expect(() => checkArgument('importBytes', { name: 'a.txt', bytes: new Uint8Array(64 * 1024 * 1024 + 1) })).toThrow(
      /more than/,
    );
  });

  it('a backup id is a time stamp and nothing else: no path, no other form', () => {
    const good = '2025-01-31T12-00-00-000Z';
    expect(checkArgument('readBackup', { id: good })).toEqual({ id: good });
    for (const id of [
      '../snapshot',
      `${good}/..`,
      `../${good}`,
      '2025-01-31T12:00:00.000Z',
      `${good}\n`,
      `x${good}`,
      '2025-1-31T12-00-00-000Z',
      '',
    ]) {
      expect(() => checkArgument('readBackup', { id }), id).toThrow(BridgeArgumentError);
    }
    expect(BACKUP_ID_PATTERN.source).toBe('^\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z$');
  });

  it('export records carry the import limits exactly (name, label, id, source, note) and any valid date', () => {
    const at = (extra: Record<string, unknown>) => checkShape(ExportRecordSchema, record(extra)).ok;
    const span = (extra: Record<string, unknown>) => ({ start: 0, end: 1, label: 'L', text: 'a', ...extra });
    expect([at({ name: 'n'.repeat(LIMITS.name) }), at({ name: 'n'.repeat(LIMITS.name + 1) })]).toEqual([true, false]);
    expect([at({ id: 'i'.repeat(LIMITS.id) }), at({ id: 'i'.repeat(LIMITS.id + 1) })]).toEqual([true, false]);
    expect([at({ source: 's'.repeat(LIMITS.source) }), at({ source: 's'.repeat(LIMITS.source + 1) })]).toEqual([
      true,
      false,
    ]);
    expect([
      at({ spans: [span({ label: 'l'.repeat(LIMITS.label) })] }),
      at({ spans: [span({ label: 'l'.repeat(LIMITS.label + 1) })] }),
    ]).toEqual([true, false]);
    expect([
      at({ spans: [span({ note: 'n'.repeat(LIMITS.note) })] }),
      at({ spans: [span({ note: 'n'.repeat(LIMITS.note + 1) })] }),
    ]).toEqual([true, false]);
    expect(LIMITS).toMatchObject({
      name: 4096,
      label: 200,
      id: 1024,
      source: 8192,
      note: 100_000,
      text: 32 * 1024 * 1024,
    });
    // Before 1970 is a valid date: it must export (it was refused as updatedAt < 0).
    expect(at({ updatedAt: Date.parse('1969-07-20T20:17:00Z') })).toBe(true);
    expect(at({ updatedAt: 8.64e15 + 1 })).toBe(false);
  });

  it('says where an argument went wrong', () => {
    expect(() =>
      checkArgument('exportWrite', { session: 's', records: [record({ name: 'n'.repeat(LIMITS.name + 1) })] }),
    ).toThrow(/records\.0\.name/);
  });
});
