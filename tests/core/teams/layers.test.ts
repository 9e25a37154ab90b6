import { describe, expect, it } from 'vitest';
import {
  annotatorNameProblem,
  annotatorOf,
  CURATION,
  editableAnnotator,
  historyKey,
  layerSpans,
  MINE,
  peopleOf,
} from '../../../core/teams/layers';

const spans = [{ annotator: undefined }, { annotator: 'ann' }, { annotator: 'bob' }, { annotator: CURATION }];

describe('annotators’ layers', () => {
  it('reads a span with no annotator (written before annotators) as the local annotator’s', () => {
    expect(annotatorOf({}, 'ann')).toBe('ann');
    expect(annotatorOf({ annotator: 'bob' }, 'ann')).toBe('bob');
  });

  it('filters my layer, a colleague’s, the adjudicated one, and all at once', () => {
    expect(layerSpans(spans, MINE, 'ann')).toEqual([spans[0], spans[1]]);
    expect(layerSpans(spans, { kind: 'annotator', name: 'bob' }, 'ann')).toEqual([spans[2]]);
    expect(layerSpans(spans, { kind: 'curation' }, 'ann')).toEqual([spans[3]]);
    expect(layerSpans(spans, { kind: 'all' }, 'ann')).toEqual(spans);
  });

  it('edits only my layer and the adjudicated one, each with its own undo history', () => {
    expect(editableAnnotator(MINE, 'ann')).toBe('ann');
    expect(editableAnnotator({ kind: 'curation' }, 'ann')).toBe(CURATION);
    expect(editableAnnotator({ kind: 'annotator', name: 'bob' }, 'ann')).toBeUndefined();
    expect(editableAnnotator({ kind: 'all' }, 'ann')).toBeUndefined();
    expect(historyKey('d', MINE)).toBe('d');
    expect(historyKey('d', { kind: 'curation' })).not.toBe('d');
  });

  it('refuses the reserved name and empty names; lists people with the local one first', () => {
    expect(annotatorNameProblem(' Curation ')).toMatch(/adjudicated/);
    expect(annotatorNameProblem('  ')).toMatch(/needed/);
    expect(annotatorNameProblem('ann')).toBeUndefined();
    expect(peopleOf(['zoe', CURATION, 'bob', 'me', 'bob'], 'me')).toEqual(['me', 'bob', 'zoe']);
  });
});
