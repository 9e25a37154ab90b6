// How spans are drawn: each span is an inline decoration with its own element
// (nodeName), so overlapping spans nest instead of merging, and each carries
// its label colour and layer. A small tag widget after the span names the label
// through CSS generated content, so it never adds to the text. Thin bracket
// ends (empty widgets drawn by CSS, taking no width) mark where each span
// starts and ends, so two overlapping spans of one label never read as one.
import { Decoration } from 'prosemirror-view';
import type { Label, Span } from '../../core/model';
import { offsetToPos, type LineIndex } from '../../core/text-lines';

/** What a pane's owner adds to a span's drawing: classes, inline style (custom properties) and a title line. */
export interface SpanMarks {
  class?: string;
  style?: string;
  title?: string;
  /** A short name shown after the label in the span's tag (whose layer it is). */
  who?: string;
}

export type SpanDecorator = (span: Span) => SpanMarks | undefined;

export interface DrawContext {
  lines: LineIndex;
  labels: ReadonlyMap<string, Label>;
  selectedId?: string;
  decorate?: SpanDecorator;
}

export const FALLBACK_COLOR = '#6b7280';

/** '#rrggbb' at `alpha` as rgba(): concrete values style faster than color-mix() on thousands of elements. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return Number.isNaN(n)
    ? `rgba(107, 114, 128, ${alpha})`
    : `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** The inline style of a span: colour, fills and the underline depth of its layer. */
export function spanStyle(color: string, layer: number): string {
  const depth = Math.min(layer, 5) * 4 + 3;
  return `--c: ${color}; --fill: ${withAlpha(color, 0.15)}; --fill-strong: ${withAlpha(color, 0.32)}; --pad: ${depth}px`;
}

function tagWidget(span: Span, color: string, who?: string): () => HTMLElement {
  return () => {
    const tag = document.createElement('span');
    // A projected span's tag reads like a suggestion's ("actor?"): both await a person's yes or no.
    tag.className = span.projected ? 'span-tag projected' : 'span-tag';
    tag.dataset.label = who ? `${span.label} · ${who}` : span.label;
    tag.dataset.tagFor = span.id;
    tag.style.setProperty('--c', color);
    return tag;
  };
}

/** An empty, zero-width element at a span's start or end; styles.css draws the bracket. */
function boundWidget(span: Span, color: string, end: 'start' | 'end'): () => HTMLElement {
  return () => {
    const bound = document.createElement('span');
    bound.className = `span-bound ${end}`;
    bound.dataset.boundFor = span.id;
    bound.style.setProperty('--c', color);
    return bound;
  };
}

export function spanDecorations(span: Span, layer: number, ctx: DrawContext): Decoration[] {
  const color = ctx.labels.get(span.label)?.color ?? FALLBACK_COLOR;
  const selected = span.id === ctx.selectedId;
  const from = offsetToPos(ctx.lines, span.start);
  const to = offsetToPos(ctx.lines, span.end);
  const marks = ctx.decorate?.(span);
  const classes = ['span', selected && 'selected', span.projected && 'projected', marks?.class]
    .filter(Boolean)
    .join(' ');
  const title = span.note ? `${span.label}: ${span.note}` : span.label;
  const attrs = {
    nodeName: 'span',
    class: classes,
    style: marks?.style ? `${spanStyle(color, layer)}; ${marks.style}` : spanStyle(color, layer),
    'data-layer': String(layer),
    'data-span-id': span.id,
    'data-label': span.label,
    ...(span.annotator !== undefined && { 'data-annotator': span.annotator }),
    title: marks?.title ? `${title}\n${marks.title}` : title,
  };
  const spec = { spanId: span.id };
  return [
    Decoration.inline(from, to, attrs, spec),
    // Sides order widgets at one position: a start bracket sits after anything ending there, an end bracket before the tag.
    Decoration.widget(from, boundWidget(span, color, 'start'), {
      side: 2,
      ignoreSelection: true,
      key: `start:${span.id}:${color}`,
      spanId: span.id,
    }),
    Decoration.widget(to, boundWidget(span, color, 'end'), {
      side: -2,
      ignoreSelection: true,
      key: `end:${span.id}:${color}`,
      spanId: span.id,
    }),
    Decoration.widget(to, tagWidget(span, color, marks?.who), {
      side: -1,
      ignoreSelection: true,
      key: `tag:${span.id}:${span.label}:${color}:${selected}:${Boolean(span.projected)}:${marks?.who ?? ''}`,
      spanId: span.id,
    }),
  ];
}

/** Outline colours telling annotators apart in "all layers", chosen apart from the label colours' hues. */
const ANNOTATOR_COLORS = ['#111827', '#7c3aed', '#0891b2', '#be123c', '#4d7c0f', '#a16207'];

/** "All layers": each annotator's outline colour (by her place in `people`) and her name on the tag; label colours stay. */
export function byAnnotator(people: readonly string[], whose: (span: Span) => string): SpanDecorator {
  const index = new Map(people.map((p, i) => [p, i]));
  return (span) => {
    const who = whose(span);
    const color = ANNOTATOR_COLORS[(index.get(who) ?? 0) % ANNOTATOR_COLORS.length];
    return { class: 'by-annotator', style: `--ann: ${color}`, title: `by ${who}`, who };
  };
}
