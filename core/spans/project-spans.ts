// Copying spans from one version of a story to the other through their
// alignment. Projected spans land on the counterpart words, carry
// `projected: true` until accepted, and come back as one step of changes so a
// projection undoes at once. Spans that find no counterpart are returned with
// the reason, never dropped silently; spans already present are not doubled.
import { projectSpans, type Alignment, type Direction } from '../align';
import type { Span } from '../model';
import type { SpanChange } from './history';

export interface Unprojected {
  span: Span;
  reason: string;
}

export interface Projection {
  changes: SpanChange[];
  unmatched: Unprojected[];
  /** Spans whose counterpart already carries the same label. */
  present: number;
  /** Each projected source span's id, and the id of its counterpart (new or already present): what relations follow. */
  counterparts: Map<string, string>;
}

export interface ProjectionTarget {
  docId: string;
  text: string;
  spans: readonly Span[];
}

const keyOf = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;

/**
 * `newId` comes from the caller: core/ has no source of random ids of its own
 * (no DOM, no Node), and tests pass a counter to get stable ids.
 */
export function projectOnto(
  source: { text: string; spans: readonly Span[] },
  target: ProjectionTarget,
  alignment: Alignment,
  direction: Direction,
  newId: () => string,
  now = Date.now(),
): Projection {
  const [a, b] = direction === 'a->b' ? [source.text, target.text] : [target.text, source.text];
  const result = projectSpans(a, b, alignment, source.spans, direction);
  const have = new Map(target.spans.map((s) => [keyOf(s), s.id]));
  const changes: SpanChange[] = [];
  const counterparts = new Map<string, string>();
  let present = 0;
  for (const hit of result.projected) {
    const draft = { start: hit.start, end: hit.end, label: hit.source.label };
    const existing = have.get(keyOf(draft));
    if (existing !== undefined) {
      counterparts.set(hit.source.id, existing);
      present++;
      continue;
    }
    const span: Span = {
      id: newId(),
      docId: target.docId,
      ...draft,
      text: target.text.slice(hit.start, hit.end),
      note: hit.source.note,
      projected: true,
      createdAt: now,
      updatedAt: now,
    };
    have.set(keyOf(draft), span.id);
    counterparts.set(hit.source.id, span.id);
    changes.push({ kind: 'add', span });
  }
  const unmatched = result.unmatched.map((u) => ({ span: u.source, reason: u.reason }));
  return { changes, unmatched, present, counterparts };
}

/** The changes that accept projected spans: the same spans, no longer marked projected. */
export function acceptProjected(spans: readonly Span[], now = Date.now()): SpanChange[] {
  return spans
    .filter((s) => s.projected)
    .map((s) => ({ kind: 'update', before: s, after: { ...s, projected: false, updatedAt: now } }));
}
