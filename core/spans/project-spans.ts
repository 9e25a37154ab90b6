// Copying spans from one version of a story to the other through their
// alignment. A projected span is a proposal for the other document, so it
// lands there as a suggestion (source "projection", kept: the suggesters'
// refresh leaves it be) that a person accepts or rejects like any other.
// Spans that find no counterpart are returned with the reason, never dropped
// silently; spans already there, or rejected there before, are not proposed
// again. Relations follow: at once when both ends are spans there already,
// else as links on the suggestions, added when their ends are accepted.
import { projectSpans, type Alignment, type Direction } from '../align';
import type { Relation, Span, Suggestion, SuggestionLink } from '../model';
import type { RelationChange } from '../relations/changes';
import { projectRelations } from '../relations/project-relations';
import type { SpanChange } from './history';

export const PROJECTION_SOURCE = 'projection';

export interface Unprojected {
  span: Span;
  reason: string;
}

export interface Projection {
  /** The new proposals, as kept suggestion rows of the target document. */
  suggestions: Suggestion[];
  /** Relations both of whose ends are spans in the target already: added at once, as one step. */
  relations: RelationChange[];
  unmatched: Unprojected[];
  /** Spans whose counterpart already carries the same label. */
  present: number;
  /** Counterparts a person rejected in the target before: not proposed again. */
  rejected: number;
}

export interface ProjectionSource {
  text: string;
  spans: readonly Span[];
  relations?: Iterable<Relation>;
}

export interface ProjectionTarget {
  docId: string;
  text: string;
  spans: readonly Span[];
  relations?: Iterable<Relation>;
  /** Rejected suggestions there, by `start:end:label`. */
  rejected?: ReadonlySet<string>;
}

export const keyOf = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;

type Counterpart = { span: string } | { suggestion: Suggestion };

/** `newId` (relation ids) comes from the caller: core/ has no source of random ids of its own. */
export function projectOnto(
  source: ProjectionSource,
  target: ProjectionTarget,
  alignment: Alignment,
  direction: Direction,
  newId: () => string,
  now = Date.now(),
): Projection {
  const [a, b] = direction === 'a->b' ? [source.text, target.text] : [target.text, source.text];
  const result = projectSpans(a, b, alignment, source.spans, direction);
  const spans = new Map(target.spans.map((s) => [keyOf(s), s.id]));
  const offered = new Map<string, Suggestion>();
  const counterparts = new Map<string, Counterpart>();
  let present = 0;
  let rejected = 0;
  for (const hit of result.projected) {
    const key = keyOf({ start: hit.start, end: hit.end, label: hit.source.label });
    const span = spans.get(key);
    if (span !== undefined) {
      counterparts.set(hit.source.id, { span });
      present++;
    } else if (target.rejected?.has(key)) {
      rejected++;
    } else {
      let suggestion = offered.get(key);
      if (!suggestion) offered.set(key, (suggestion = proposal(target, hit, now)));
      counterparts.set(hit.source.id, { suggestion });
    }
  }
  const spanIds = new Map([...counterparts].flatMap(([id, c]) => ('span' in c ? [[id, c.span] as const] : [])));
  const relations = projectRelations(
    source.relations ?? [],
    spanIds,
    { docId: target.docId, relations: target.relations ?? [] },
    newId,
    now,
  );
  linkRelations(source.relations ?? [], counterparts, target.spans);
  const unmatched = result.unmatched.map((u) => ({ span: u.source, reason: u.reason }));
  return { suggestions: [...offered.values()], relations, unmatched, present, rejected };
}

function proposal(
  target: ProjectionTarget,
  hit: { start: number; end: number; source: Span },
  now: number,
): Suggestion {
  const { start, end } = hit;
  const label = hit.source.label;
  return {
    id: `${target.docId}:${start}:${end}:${label}`,
    docId: target.docId,
    start,
    end,
    label,
    text: target.text.slice(start, end),
    source: PROJECTION_SOURCE,
    score: 1,
    createdAt: now,
    kept: true,
    ...(hit.source.note ? { note: hit.source.note } : {}),
  };
}

/** A relation with a proposed end waits on that suggestion (on both, when both ends are proposals). */
function linkRelations(
  relations: Iterable<Relation>,
  counterparts: ReadonlyMap<string, Counterpart>,
  spans: readonly Span[],
): void {
  const byId = new Map(spans.map((s) => [s.id, s]));
  const keyOfEnd = (c: Counterpart) => ('span' in c ? keyOf(byId.get(c.span)!) : keyOf(c.suggestion));
  for (const r of relations) {
    const [head, child] = [counterparts.get(r.head), counterparts.get(r.child)];
    if (!head || !child || head === child || ('span' in head && 'span' in child)) continue;
    const link: SuggestionLink = { label: r.label, head: keyOfEnd(head), child: keyOfEnd(child) };
    for (const end of [head, child])
      if ('suggestion' in end) {
        const have = end.suggestion.links ?? [];
        if (!have.some((l) => l.label === link.label && l.head === link.head && l.child === link.child))
          end.suggestion.links = [...have, link];
      }
  }
}

/**
 * Spans projected by versions before projections became suggestions carry `projected: true`; accepting one
 * clears the mark (the same span, now an annotation). New projections never make such spans.
 */
export function acceptProjected(spans: readonly Span[], now = Date.now()): SpanChange[] {
  return spans
    .filter((s) => s.projected)
    .map((s) => ({ kind: 'update', before: s, after: { ...s, projected: false, updatedAt: now } }));
}
