import { describe, expect, it } from 'vitest';
import { nextDocumentId } from '../../../renderer/db/document-ids';

describe('document ids in insertion order', () => {
  it('sort as strings in the order they were issued, the clock standing still or going back', () => {
    const clock = [5_000_000, 5_000_000, 5_000_000, 4_000_000, 36 ** 5, 36 ** 9 + 7];
    const ids = clock.map((micros) => nextDocumentId(micros));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^d[0-9a-z]{11}$/.test(id))).toBe(true);
  });

  it('follow the wall clock from the first call', () => {
    const before = Date.now() * 1000;
    const id = nextDocumentId();
    const micros = parseInt(id.slice(1), 36);
    expect(micros).toBeGreaterThanOrEqual(before);
    expect(micros).toBeLessThan(before + 60_000_000);
  });
});
