// Draws the relations of the open document as arcs above the text, brat
// style, in one SVG laid over the text (pointer events pass through, except on
// arc labels). Only relations with an end near the screen are measured
// (coordsAtPos) and drawn, so a document with 1,000 relations draws the few
// dozen on screen; the layout itself is core/relations/arc-layout.ts.
// Redraws follow the state (relations, spans, the relation being made, the
// one hovered), scrolling and resizing, at most once a frame.
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Relation, Span } from '../../core/model';
import { layoutArcs, type ArcEnd, type ArcSegment } from '../../core/relations/arc-layout';
import { offsetToPos, type LineIndex } from '../../core/text-lines';
import { timed } from '../timing';
import { relationsStateOf, setRelationsAction, type RelationsState } from './relations-plugin';
import { spansState, type SpansState, type TextRange } from './spans-plugin';
import { visibleRange } from './viewport';
import './relations.css';

const NS = 'http://www.w3.org/2000/svg';
/** Pixels between arc levels, and the lowest level's height above the text. */
const STEP = 5;
const BASE = 4;
/** Levels above this share the top one (a row crowded with arcs stays inside its line gap). */
const MAX_LEVEL = 5;
/** Characters beyond the screen whose spans are still measured (arcs reaching just off screen). */
const NEAR = 3_000;
const FAR = 1e9;

type Box = { left: number; right: number; top: number; bottom: number };

function svgEl<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

class ArcOverlay {
  readonly svg = svgEl('svg', { class: 'arc-overlay', 'aria-hidden': 'true' });
  private frame = 0;
  private readonly resize = new ResizeObserver(() => this.schedule());
  private last?: { relations: RelationsState; spans: SpansState['spans']; selected?: string };
  /** The text on screen at the last pass, and where the scroller stood: a pass without scrolling reuses it. */
  private shown?: { at: string; lines: LineIndex; range: TextRange };

  constructor(
    private readonly view: EditorView,
    private readonly scroller: HTMLElement,
  ) {
    scroller.append(this.svg);
    scroller.addEventListener('scroll', this.schedule, { passive: true });
    this.resize.observe(view.dom);
    this.svg.addEventListener('mouseover', this.hover);
    this.svg.addEventListener('mouseout', this.hover);
    this.schedule();
  }

  update(view: EditorView): void {
    const relations = relationsStateOf(view.state);
    const spans = spansState(view.state);
    if (!relations) return;
    const last = this.last;
    if (last && last.relations === relations && last.spans === spans.spans && last.selected === spans.selectedId)
      return;
    this.last = { relations, spans: spans.spans, selected: spans.selectedId };
    this.schedule();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.scroller.removeEventListener('scroll', this.schedule);
    this.resize.disconnect();
    this.svg.remove();
  }

  readonly schedule = (): void => {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  };

  private readonly hover = (event: MouseEvent): void => {
    const target = event.type === 'mouseover' ? (event.target as Element).closest('[data-relation-id]') : null;
    const id = target?.getAttribute('data-relation-id') ?? undefined;
    if (relationsStateOf(this.view.state)?.hovered !== id)
      this.view.dispatch(setRelationsAction(this.view.state.tr, { type: 'hover', id }));
  };

  /**
   * Finding the text at the screen's edges (posAtCoords) is the dearest part of a pass; a pass set off by a
   * change of relations (the scroller where it was, the same height) asks again only when that changed.
   * Spans further off than NEAR characters are not measured, which covers a line or two moving.
   */
  private visible(): TextRange {
    const s = this.scroller;
    const at = `${s.scrollTop}:${s.scrollLeft}:${s.scrollHeight}:${s.clientHeight}:${s.clientWidth}`;
    const lines = spansState(this.view.state).lines;
    if (this.shown?.at !== at || this.shown.lines !== lines)
      this.shown = { at, lines, range: visibleRange(this.view, s) };
    return this.shown.range;
  }

  /** Measures and draws now; returns the number of arcs drawn (the bench reads it). */
  draw(): number {
    this.frame = 0;
    const started = performance.now();
    const drawn = drawArcs(this.view, this.scroller, this.svg, this.visible());
    timed('relation-arcs', started, { drawn });
    return drawn;
  }
}

/** Where each span end sits on screen, relative to the scroller's content; off-screen ends sit on a far row. */
class Measure {
  private readonly boxes = new Map<string, Box | null>();
  private readonly origin: { x: number; y: number };

  constructor(
    private readonly view: EditorView,
    private readonly lines: LineIndex,
    private readonly near: { start: number; end: number },
    scroller: HTMLElement,
  ) {
    const r = scroller.getBoundingClientRect();
    this.origin = { x: r.left - scroller.scrollLeft, y: r.top - scroller.scrollTop };
  }

  box(span: Span): Box | null {
    let box = this.boxes.get(span.id);
    if (box !== undefined) return box;
    box = null;
    if (span.end >= this.near.start && span.start <= this.near.end) {
      const a = this.view.coordsAtPos(offsetToPos(this.lines, span.start), 1);
      const b = this.view.coordsAtPos(offsetToPos(this.lines, span.end), -1);
      const { x, y } = this.origin;
      // A span wrapping onto a second line is reached at its start.
      const right = Math.abs(a.top - b.top) < 2 ? b.right : a.left + 12;
      box = { left: a.left - x, right: right - x, top: a.top - y, bottom: a.bottom - y };
    }
    this.boxes.set(span.id, box);
    return box;
  }

  end(span: Span): ArcEnd {
    const box = this.box(span);
    if (box) return { row: Math.round(box.top), x: (box.left + box.right) / 2 };
    return { row: span.start < this.near.start ? -FAR : FAR, x: 0 };
  }
}

function drawArcs(view: EditorView, scroller: HTMLElement, svg: SVGSVGElement, shown: TextRange): number {
  const relations = relationsStateOf(view.state);
  svg.replaceChildren();
  if (!relations || (relations.relations.size === 0 && !relations.pending)) return 0;
  const spans = spansState(view.state);
  const near = { start: shown.start - NEAR, end: shown.end + NEAR };
  const measure = new Measure(view, spans.lines, near, scroller);
  svg.setAttribute('width', String(scroller.scrollWidth));
  svg.setAttribute('height', String(scroller.scrollHeight));
  const text = view.dom.getBoundingClientRect();
  const origin = scroller.getBoundingClientRect();
  const bounds = {
    left: text.left - origin.left + scroller.scrollLeft + 8,
    right: text.right - origin.left + scroller.scrollLeft - 8,
  };
  const colors = new Map(relations.labels.map((l) => [l.name, l.color]));
  // Suggested relations are laid out with the made ones (so their levels do not collide), under ids of their own.
  const list: Array<Pick<Relation, 'id' | 'head' | 'child' | 'label'> & { suggested?: boolean }> = [];
  const inView = (r: Pick<Relation, 'head' | 'child'>) => {
    const [h, c] = [spans.spans.get(r.head), spans.spans.get(r.child)];
    return h && c && (measure.box(h) || measure.box(c));
  };
  for (const r of relations.relations.values()) if (inView(r)) list.push(r);
  // Only once the document has relations: before that its lines have no room above them (relations-plugin's
  // `with-relations`), and making room for a suggestion would move the text under the annotator's hand.
  if (relations.relations.size > 0)
    for (const r of relations.suggested) if (inView(r)) list.push({ ...r, id: `suggested:${r.key}`, suggested: true });
  const segments = layoutArcs(
    list.map((r) => ({
      id: r.id,
      head: measure.end(spans.spans.get(r.head)!),
      child: measure.end(spans.spans.get(r.child)!),
    })),
    bounds,
  ).filter((s) => Math.abs(s.row) < FAR);
  const byId = new Map(list.map((r) => [r.id, r]));
  for (const seg of segments) {
    const r = byId.get(seg.id)!;
    const color = colors.get(r.label) ?? '#6b7280';
    svg.append(
      r.suggested
        ? arcSegment(seg, `${r.label}?`, color, false, 'suggested')
        : arcSegment(seg, r.label, color, r.id === relations.hovered),
    );
  }
  const focus = relations.hovered ? relations.relations.get(relations.hovered) : undefined;
  const ends = focus
    ? [focus.head, focus.child]
    : relations.pending
      ? [relations.pending.head, relations.pending.child]
      : [];
  ends.forEach((id, i) => {
    const span = id ? spans.spans.get(id) : undefined;
    const box = span && measure.box(span);
    if (box) svg.append(endBox(box, i === 0 ? 'head' : 'child'));
  });
  if (relations.pending?.child) drawPending(svg, measure, spans, relations.pending.head, relations.pending.child);
  return segments.length;
}

function arcSegment(seg: ArcSegment, label: string, color: string, hovered: boolean, kind = ''): SVGGElement {
  // Colours as presentation attributes: the CSP (style-src 'self') refuses style attributes.
  // A suggested arc has no data-relation-id: hovering it lights nothing, as there is no relation yet.
  const g = kind
    ? svgEl('g', { class: `arc ${kind}` })
    : svgEl('g', { class: `arc${hovered ? ' hovered' : ''}`, 'data-relation-id': seg.id });
  const level = Math.min(seg.level, MAX_LEVEL);
  const base = seg.row - 1;
  const y = seg.row - BASE - level * STEP;
  let d = '';
  const left = seg.from;
  const right = seg.to;
  const down = (x: number) => `M ${x} ${base} L ${x} ${y + 2} Q ${x} ${y} `;
  if (seg.headAt !== undefined && seg.childAt !== undefined) {
    const [a, b] = [seg.headAt, seg.childAt];
    const dir = b >= a ? 1 : -1;
    d = `${down(a)}${a + 2 * dir} ${y} L ${b - 2 * dir} ${y} Q ${b} ${y} ${b} ${y + 2} L ${b} ${base}`;
  } else if (seg.headAt !== undefined) {
    const far = seg.headAt === left ? right : left;
    d = `${down(seg.headAt)}${seg.headAt + (far > seg.headAt ? 2 : -2)} ${y} L ${far} ${y}`;
  } else if (seg.childAt !== undefined) {
    const far = seg.childAt === left ? right : left;
    d = `M ${far} ${y} L ${seg.childAt + (far > seg.childAt ? 2 : -2)} ${y} Q ${seg.childAt} ${y} ${seg.childAt} ${y + 2} L ${seg.childAt} ${base}`;
  }
  g.append(svgEl('path', { class: 'arc-line', d, stroke: color }));
  if (seg.childAt !== undefined) {
    const x = seg.childAt;
    g.append(
      svgEl('path', {
        class: 'arc-head',
        d: `M ${x - 3} ${base - 5} L ${x + 3} ${base - 5} L ${x} ${base} Z`,
        fill: color,
      }),
    );
  }
  // The label sits on the head's segment (the whole arc, or its first half).
  if (seg.headAt !== undefined) {
    const mid = seg.childAt !== undefined ? (seg.headAt + seg.childAt) / 2 : (left + right) / 2;
    const t = svgEl('text', { class: 'arc-label', x: mid, y: y + 3.5, 'text-anchor': 'middle', fill: color });
    t.textContent = label;
    g.append(t);
  }
  return g;
}

function endBox(box: Box, role: 'head' | 'child'): SVGRectElement {
  return svgEl('rect', {
    class: `arc-end ${role}`,
    x: box.left - 2,
    y: box.top - 2,
    width: box.right - box.left + 4,
    height: box.bottom - box.top + 4,
    rx: 3,
  });
}

/** The relation being made: a dashed arc from its head to the child on offer. */
function drawPending(svg: SVGSVGElement, measure: Measure, spans: SpansState, head: string, child: string): void {
  const [h, c] = [spans.spans.get(head), spans.spans.get(child)];
  const [a, b] = [h && measure.box(h), c && measure.box(c)];
  if (!a || !b) return;
  const [x1, y1, x2, y2] = [(a.left + a.right) / 2, a.top, (b.left + b.right) / 2, b.top];
  const lift = Math.min(y1, y2) - 18;
  svg.append(svgEl('path', { class: 'arc-pending', d: `M ${x1} ${y1} C ${x1} ${lift} ${x2} ${lift} ${x2} ${y2}` }));
}

/** The arc overlay of one view; `scroller` is the pane's scrolling element (the SVG's positioned parent). */
export function arcOverlay(scroller: HTMLElement): Plugin {
  return new Plugin({ view: (view) => new ArcOverlay(view, scroller) });
}
