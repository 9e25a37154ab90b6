// Carrying a span from one document to the other through an alignment. The
// span's words are found in its aligned passage, matched word by word to the
// counterpart passage by the LCS of their keys, and the result covers the
// first to the last matched counterpart word: snapped to word boundaries and
// exact in UTF-16 offsets of the target text.

import { lcsMatches } from './lcs';
import { tokenize } from './tokenize';
import type { AlignedPair, Alignment, Direction, ProjectionResult, TextRange, Token } from './types';

/** Word correspondence inside one aligned pair, source side to target side. */
interface PairMap {
  readonly pair: AlignedPair;
  readonly source: readonly Token[];
  readonly target: readonly Token[];
  /** For each source token, its matched target token index, or -1. */
  readonly toTarget: Int32Array;
}

export interface ProjectedSpan<T> {
  readonly source: T;
  readonly start: number;
  readonly end: number;
  readonly pairId: number;
}

export interface UnmatchedSpan<T> {
  readonly source: T;
  readonly reason: string;
}

export function projectSpan(
  a: string,
  b: string,
  alignment: Alignment,
  span: TextRange,
  direction: Direction,
): ProjectionResult {
  return new Projector(a, b, alignment, direction).project(span);
}

/** Many spans at once; each aligned pair's word map is built once. */
export function projectSpans<T extends TextRange>(
  a: string,
  b: string,
  alignment: Alignment,
  spans: readonly T[],
  direction: Direction,
): { projected: Array<ProjectedSpan<T>>; unmatched: Array<UnmatchedSpan<T>> } {
  const projector = new Projector(a, b, alignment, direction);
  const projected: Array<ProjectedSpan<T>> = [];
  const unmatched: Array<UnmatchedSpan<T>> = [];
  for (const span of spans) {
    const r = projector.project(span);
    if (r.ok) projected.push({ source: span, start: r.start, end: r.end, pairId: r.pairId });
    else unmatched.push({ source: span, reason: r.reason });
  }
  return { projected, unmatched };
}

class Projector {
  private readonly sourceText: string;
  private readonly targetText: string;
  private readonly pairs: readonly AlignedPair[];
  private readonly forward: boolean;
  private readonly maps = new Map<number, PairMap>();

  constructor(a: string, b: string, alignment: Alignment, direction: Direction) {
    this.forward = direction === 'a->b';
    this.sourceText = this.forward ? a : b;
    this.targetText = this.forward ? b : a;
    // Pairs never overlap on either side, so sorting by source start allows binary search.
    this.pairs = [...alignment.pairs].sort((x, y) => this.sourceOf(x).start - this.sourceOf(y).start);
  }

  project(span: TextRange): ProjectionResult {
    if (!(span.start >= 0 && span.end <= this.sourceText.length && span.start < span.end)) {
      return { ok: false, reason: `span [${span.start}, ${span.end}) is empty or outside the text` };
    }
    // Judge the span by its words, so surrounding spaces or quotes don't push it out of its passage.
    const words = tokenize(this.sourceText, span);
    if (words.length === 0) return { ok: false, reason: 'span holds no word' };
    const pair = this.pairHolding({ start: words[0].start, end: words[words.length - 1].end });
    if (pair === undefined) return { ok: false, reason: 'span is not inside an aligned passage' };
    const map = this.mapOf(pair);
    const hits = matchedTargets(map, span);
    if (hits.length === 0) return { ok: false, reason: 'none of the span’s words has a counterpart' };
    return { ok: true, start: map.target[hits[0]].start, end: map.target[hits[hits.length - 1]].end, pairId: pair.id };
  }

  private sourceOf(p: AlignedPair): TextRange {
    return this.forward ? p.a : p.b;
  }

  /** The pair whose source passage contains the span, if any. */
  private pairHolding(span: TextRange): AlignedPair | undefined {
    let lo = 0;
    let hi = this.pairs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.sourceOf(this.pairs[mid]);
      if (span.start < r.start) hi = mid - 1;
      else if (span.start >= r.end) lo = mid + 1;
      else return span.end <= r.end ? this.pairs[mid] : undefined;
    }
    return undefined;
  }

  private mapOf(pair: AlignedPair): PairMap {
    const cached = this.maps.get(pair.id);
    if (cached !== undefined) return cached;
    const map = buildPairMap(
      pair,
      tokenize(this.sourceText, this.sourceOf(pair)),
      tokenize(this.targetText, this.forward ? pair.b : pair.a),
    );
    this.maps.set(pair.id, map);
    return map;
  }
}

function buildPairMap(pair: AlignedPair, source: readonly Token[], target: readonly Token[]): PairMap {
  const toTarget = new Int32Array(source.length).fill(-1);
  for (const [i, j] of lcsMatches(
    source.map((t) => t.key),
    target.map((t) => t.key),
  ))
    toTarget[i] = j;
  return { pair, source, target, toTarget };
}

/** Target token indices matched by the words the span touches (a cut word counts whole). */
function matchedTargets(map: PairMap, span: TextRange): number[] {
  const hits: number[] = [];
  map.source.forEach((t, i) => {
    if (t.start < span.end && t.end > span.start && map.toTarget[i] >= 0) hits.push(map.toTarget[i]);
  });
  return hits;
}
