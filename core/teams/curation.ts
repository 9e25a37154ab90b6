// Adjudication of one document, as INCEpTION's curation does it: the
// adjudicated layer (annotator CURATION) is built from the annotators'
// layers. Spans every annotator made exactly are taken over without asking;
// the rest are disagreements, each taken (or not) by the adjudicator. Pure:
// the curation view turns what these return into one undoable step.
import { spanKey } from '../incoming';
import type { Span } from '../model';
import { CURATION } from './layers';

/** Where an annotator's span stands against the other layers and the adjudicated one. */
export type CurationMark = 'agreed' | 'disputed';

export interface CurationDoc {
  /** Each annotator's spans (the adjudicated layer not among them), UTF-16 offsets. */
  readonly layers: ReadonlyMap<string, readonly Span[]>;
  /** The adjudicated layer's spans. */
  readonly curation: readonly Span[];
}

const key = (s: Pick<Span, 'start' | 'end' | 'label'>) => spanKey({ start: s.start, end: s.end, label: s.label });

/** Keys of the spans every annotator made (none with fewer than two annotators). */
export function agreedKeys(doc: CurationDoc): Set<string> {
  const layers = [...doc.layers.values()].map((spans) => new Set(spans.filter((s) => !s.projected).map(key)));
  if (layers.length < 2) return new Set();
  const [first, ...rest] = layers;
  return new Set([...first].filter((k) => rest.every((layer) => layer.has(k))));
}

/** How an annotator's span is marked: agreed by all, or a disagreement the adjudicator decides. */
export function markOf(span: Span, agreed: ReadonlySet<string>): CurationMark {
  return agreed.has(key(span)) ? 'agreed' : 'disputed';
}

/** True when the adjudicated layer holds a span equal to `span` (offsets and label). */
export function isTaken(span: Pick<Span, 'start' | 'end' | 'label'>, curation: readonly Span[]): boolean {
  const k = key(span);
  return curation.some((c) => key(c) === k);
}

/** `span` copied into the adjudicated layer, as a new span (its own id), or undefined when already there. */
export function taken(span: Span, curation: readonly Span[], newId: () => string, now: number): Span | undefined {
  if (isTaken(span, curation)) return undefined;
  return {
    id: newId(),
    docId: span.docId,
    start: span.start,
    end: span.end,
    label: span.label,
    text: span.text,
    note: span.note,
    annotator: CURATION,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** Every span of `spans` the adjudicated layer lacks, copied into it (each once). */
export function takenAll(spans: readonly Span[], curation: readonly Span[], newId: () => string, now: number): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    if (span.projected) continue;
    const copy = taken(span, [...curation, ...out], newId, now);
    if (copy) out.push(copy);
  }
  return out;
}

/**
 * What the adjudicated layer starts with when a document is first curated:
 * the spans every annotator agrees on. Nothing once the layer has spans (the
 * adjudicator's decisions are never redone behind her back).
 */
export function autoTaken(doc: CurationDoc, newId: () => string, now: number): Span[] {
  if (doc.curation.length > 0 || doc.layers.size < 2) return [];
  const agreed = agreedKeys(doc);
  const first = [...doc.layers.values()][0];
  return takenAll(
    first.filter((s) => agreed.has(key(s))),
    doc.curation,
    newId,
    now,
  );
}
