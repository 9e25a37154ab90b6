// Training with documents held out: the split is stable and honest, and the
// scores compare the rules alone with the rules plus the tagger on the same
// held-out documents of the development gold.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeOffsetConverter } from '../../../core/codepoints';
import { splitHeldOut, trainWithHeldOut, type AnnotatedDoc } from '../../../core/suggest/held-out';

const gold: AnnotatedDoc[] = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/gold/seeds.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line, i) => {
    const r = JSON.parse(line) as { text: string; spans: Array<{ start: number; end: number; label: string }> };
    const c = makeOffsetConverter(r.text);
    return {
      id: `seed-${i}`,
      text: r.text,
      spans: r.spans.map((s) => ({ start: c.toUtf16(s.start), end: c.toUtf16(s.end), label: s.label })),
    };
  });

describe('trainWithHeldOut', () => {
  it('holds out about one in five by id, the same ones as the corpus grows, and none below three', () => {
    const docs = Array.from({ length: 50 }, (_, i) => ({ id: `doc-${i}` }));
    const { train, heldOut } = splitHeldOut(docs);
    expect(heldOut.length).toBeGreaterThan(3);
    expect(heldOut.length).toBeLessThan(20);
    expect(train.length + heldOut.length).toBe(50);
    const grown = splitHeldOut([...docs, ...Array.from({ length: 10 }, (_, i) => ({ id: `new-${i}` }))]);
    for (const d of heldOut) expect(grown.heldOut).toContain(d);
    expect(splitHeldOut(docs.slice(0, 2)).heldOut).toEqual([]);
    expect(splitHeldOut(docs.slice(0, 3)).heldOut).toHaveLength(1);
  });

  it('trains on the rest and scores rules alone and with the tagger on the held-out seeds', () => {
    const report = trainWithHeldOut(gold);
    expect(report.trainedOn + report.heldOut).toBe(5);
    expect(report.heldOut).toBeGreaterThan(0);
    expect(Object.keys(report.model.labels).sort()).toEqual(['actor', 'country', 'money']);
    expect(report.withTagger!.labels.actor).toBeDefined();
    expect(report.rulesAlone!.labels.actor).toBeDefined();
    expect(report.withTagger!.labels.actor.f1).toBeGreaterThan(0.5);
  });
});
