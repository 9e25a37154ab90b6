import { describe, expect, it } from 'vitest';
import { EMPTY_SLOT, estimateJaccard, minhashSignature, SimilarityIndex } from '../../../core/align';
import { SEED_PREFIXES, seed } from './seeds';

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

describe('SimilarityIndex on the seeds', () => {
  const sigs = new Map<string, Uint32Array>(SEED_PREFIXES.map((p) => [p, minhashSignature(seed(p))]));
  const index = new SimilarityIndex();
  for (const [id, sig] of sigs) index.add(id, sig);

  it.each([
    ['000', '001'],
    ['001', '000'],
    ['002', '004'],
    ['004', '002'],
  ])('top match of %s is %s', (id, expected) => {
    const [top] = index.query(sigs.get(id)!, 3, id);
    expect(top.id).toBe(expected);
    expect(top.score).toBeGreaterThan(0.1);
  });

  it('leaves the query’s own id out and ranks best first', () => {
    const hits = index.query(sigs.get('000')!, 10, '000');
    expect(hits.map((h) => h.id)).not.toContain('000');
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((x, y) => y - x));
    expect(index.query(sigs.get('000')!, 1)[0]).toEqual({ id: '000', score: 1 });
  });
});

describe('SimilarityIndex bookkeeping', () => {
  const sig = (text: string) => minhashSignature(text);
  const base = 'the quick brown fox jumps over the lazy dog near the river bank on a sunny day';

  it('finds near duplicates through shared bands, without the fallback', () => {
    const index = new SimilarityIndex({ fallback: 'never' });
    index.add('a', sig(base));
    index.add('b', sig(`${base} again`));
    index.add('c', sig('completely different words about tax policy and budgets for next year'));
    expect(index.query(sig(base), 5).map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('falls back to a full scan when the buckets hold too few', () => {
    const text = base.split(' ');
    const weak = [...text.slice(0, 6), 'x', 'y', 'z', 'w', 'v', 'u', 't', 's'].join(' ');
    const strict = new SimilarityIndex({ fallback: 'never' });
    const loose = new SimilarityIndex();
    for (const ix of [strict, loose]) ix.add('weak', sig(weak));
    expect(strict.query(sig(base), 1)).toEqual([]);
    expect(loose.query(sig(base), 1).map((m) => m.id)).toEqual(['weak']);
  });

  it("with fallback 'short' fills up to k from a full scan", () => {
    const short = new SimilarityIndex({ fallback: 'short' });
    const empty = new SimilarityIndex();
    for (const ix of [short, empty]) {
      ix.add('near', sig(`${base} again`));
      ix.add('weak', sig([...base.split(' ').slice(0, 6), 'x', 'y', 'z', 'w'].join(' ')));
    }
    expect(short.query(sig(base), 2).map((m) => m.id)).toEqual(['near', 'weak']);
    expect(empty.query(sig(base), 2).map((m) => m.id)).toEqual(['near']);
  });

  it('removes and replaces documents, and exposes stable band keys', () => {
    const index = new SimilarityIndex();
    index.add('a', sig(base));
    index.add('a', sig(`${base} and more`));
    expect(index.size).toBe(1);
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.query(sig(base), 3)).toEqual([]);
    const keys = index.bandKeys(sig(base));
    expect(keys).toHaveLength(16);
    expect(new Set(keys).size).toBe(16);
    expect(index.bandKeys(sig(base))).toEqual(keys);
    expect(() => index.bandKeys(new Uint32Array(10))).toThrow(RangeError);
  });

  it('keeps other documents findable after removing from the middle', () => {
    const index = new SimilarityIndex();
    const texts = ['one two three four five', 'six seven eight nine ten', 'eleven twelve thirteen fourteen'];
    texts.forEach((t, i) => index.add(`d${i}`, sig(t)));
    index.remove('d0');
    expect(index.query(sig(texts[2]), 1)[0]).toEqual({ id: 'd2', score: 1 });
    expect(index.query(sig(texts[1]), 1)[0]).toEqual({ id: 'd1', score: 1 });
  });
});
