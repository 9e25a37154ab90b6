import { describe, expect, it } from 'vitest';
import { newRecordId } from '../../core/record-id';

describe('record ids', () => {
  it('are version-7 UUIDs that sort as strings in the order they were made, many a millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => newRecordId());
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(
      true,
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('begin with the time they were made', () => {
    const before = Date.now();
    const made = parseInt(newRecordId().replace(/-/g, '').slice(0, 12), 16);
    expect(made).toBeGreaterThanOrEqual(before);
    expect(made).toBeLessThanOrEqual(Date.now());
  });
});
