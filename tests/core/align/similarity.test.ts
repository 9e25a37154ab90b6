import { describe, expect, it } from 'vitest';
import { EMPTY_SLOT, estimateJaccard, minhashSignature } from '../../../core/align';
import { seed } from './seeds';

describe('minhashSignature', () => {
  it('is deterministic and of the asked length', () => {
    const text = seed('000');
    const sig = minhashSignature(text);
    expect(sig).toBeInstanceOf(Uint32Array);
    expect(sig).toHaveLength(64);
    expect([...minhashSignature(text)]).toEqual([...sig]);
    expect(minhashSignature(text, { numHashes: 128 })).toHaveLength(128);
  });

  it('ignores case, quotes and hyphenation but not word order', () => {
    const a = minhashSignature('Increasing co-operation to tackle “online harms” today.');
    const b = minhashSignature("increasing cooperation to tackle 'online harms' today");
    expect(estimateJaccard(a, b)).toBe(1);
    const c = minhashSignature('today harms online tackle to cooperation increasing');
    expect(estimateJaccard(a, c)).toBeLessThan(0.2);
  });

  it('gives a wordless text an empty signature that matches nothing', () => {
    const empty = minhashSignature('— … —');
    expect([...empty].every((v) => v === EMPTY_SLOT)).toBe(true);
    expect(estimateJaccard(empty, empty)).toBe(0);
  });

  it('estimates Jaccard within sampling error', () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${i}`);
    const a = words.slice(0, 300).join(' ');
    const b = words.slice(100, 400).join(' ');
    // 3-word shingles: 198 shared of 398 distinct, Jaccard ≈ 0.497.
    const est = estimateJaccard(minhashSignature(a, { numHashes: 256 }), minhashSignature(b, { numHashes: 256 }));
    expect(est).toBeGreaterThan(0.4);
    expect(est).toBeLessThan(0.6);
  });
});
