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
  target: Pick<ProjectionTarget, 'docId' | 'text'>,
  hit: { start: number; end: number; source: Span },
  now: number,
  text = target.text.slice(hit.start, hit.end),
): Suggestion {
  const { start, end } = hit;
  const label = hit.source.label;
  return {
    id: `${target.docId}:${start}:${end}:${label}`,
    docId: target.docId,
    start,
    end,
    label,
    text,
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
 * Spans earlier versions projected (`projected: true`, dashed until accepted) as a projection makes them now:
 * kept suggestions, the relations on them as links, and the step that removes those spans and relations.
 * Run on a document's editable layer when it opens, so one mechanism is left.
 */
export function fromLegacyProjection(
  spans: readonly Span[],
  relations: Iterable<Relation>,
  now = Date.now(),
): { suggestions: Suggestion[]; step: Array<SpanChange | RelationChange> } {
  const legacy = spans.filter((s) => s.projected);
  if (legacy.length === 0) return { suggestions: [], step: [] };
  const byId = new Map(spans.map((s) => [s.id, s]));
  const offered = new Map<string, Suggestion>();
  for (const span of legacy) {
    const key = keyOf(span);
    if (!offered.has(key))
      offered.set(key, proposal({ docId: span.docId, text: '' }, { ...span, source: span }, now, span.text));
  }
  const step: Array<SpanChange | RelationChange> = legacy.map((span) => ({ kind: 'remove', span }));
  for (const r of relations) {
    const [head, child] = [byId.get(r.head), byId.get(r.child)];
    if (!head?.projected && !child?.projected) continue;
    step.push({ kind: 'unrelate', relation: r });
    if (!head || !child) continue;
    const link: SuggestionLink = { label: r.label, head: keyOf(head), child: keyOf(child) };
    for (const end of [head, child]) {
      const suggestion = end.projected ? offered.get(keyOf(end)) : undefined;
      if (suggestion) suggestion.links = [...(suggestion.links ?? []), link];
    }
  }
  return { suggestions: [...offered.values()], step };
}
