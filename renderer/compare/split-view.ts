// The split view: two documents side by side, their shared passages aligned
// and tinted alike, text only one version has marked, hover and click to find
// a passage's counterpart, scrolling in step, and projecting spans across.
import { alignDocuments, type Alignment } from '../../core/align';
import { acceptProjected, projectOnto } from '../../core/spans/project-spans';
import type { Span } from '../../core/model';
import type { DocumentPane } from '../ui/document-pane';
import { marksFor, other, pairAt, pairById, pairFrom, inside, type Side } from './alignment-marks';

export interface SplitHost {
  readonly panes: readonly [DocumentPane, DocumentPane];
  readonly active: DocumentPane;
  say(message: string): void;
}

export type ProjectScope = 'span' | 'passage' | 'document';

export class SplitController {
  alignment?: Alignment;
  sync = true;
  private quietUntil = [0, 0];

  constructor(private readonly host: SplitHost) {
    host.panes.forEach((pane, i) => {
      const side: Side = i === 0 ? 'a' : 'b';
      pane.element.addEventListener('mouseover', (e) => this.hover(e.target));
      pane.element.addEventListener('click', (e) => this.jump(e.target, side));
      pane.scroller.addEventListener('scroll', () => this.follow(side), { passive: true });
    });
  }

  private pane(side: Side): DocumentPane {
    return this.host.panes[side === 'a' ? 0 : 1];
  }

  private sideOf(pane: DocumentPane): Side {
    return pane === this.host.panes[0] ? 'a' : 'b';
  }

  /** Aligns the two open documents (after either changes) and draws the passages. */
  refresh(): void {
    const [a, b] = this.host.panes.map((p) => p.annotator);
    this.alignment = a && b ? alignDocuments(a.text, b.text) : undefined;
    for (const side of ['a', 'b'] as const) this.pane(side).setPassages(this.alignment ? marksFor(this.alignment, side) : []);
    if (this.alignment) this.host.say(`${this.alignment.pairs.length} aligned passages; ${this.alignment.onlyA.length} only on the left, ${this.alignment.onlyB.length} only on the right.`);
  }

  clear(): void {
    this.alignment = undefined;
    for (const pane of this.host.panes) pane.setPassages([]);
  }

  private pairOf(target: EventTarget | null): number | undefined {
    const el = target instanceof Element ? target.closest('[data-pair-id]') : null;
    return el ? Number(el.getAttribute('data-pair-id')) : undefined;
  }

  private hover(target: EventTarget | null): void {
    if (!this.alignment) return;
    const id = this.pairOf(target);
    for (const pane of this.host.panes) pane.activatePair(id);
  }

  /** A click on a passage brings its counterpart level with it in the other pane. */
  private jump(target: EventTarget | null, side: Side): void {
    const id = this.pairOf(target);
    const pair = this.alignment && id !== undefined ? pairById(this.alignment, id) : undefined;
    if (!pair) return;
    const y = this.pane(side).offsetY(pair[side].start);
    this.quiet(other(side));
    this.pane(other(side)).scrollToOffset(pair[other(side)].start, y);
  }

  private quiet(side: Side): void {
    this.quietUntil[side === 'a' ? 0 : 1] = performance.now() + 150;
  }

  /** Scrolling in step by the alignment: the passage at the top of one pane is brought level in the other. */
  private follow(side: Side): void {
    if (!this.sync || !this.alignment || performance.now() < this.quietUntil[side === 'a' ? 0 : 1]) return;
    const pane = this.pane(side);
    const pair = pairFrom(this.alignment, side, pane.topOffset());
    if (!pair) return;
    this.quiet(other(side));
    this.pane(other(side)).scrollToOffset(pair[other(side)].start, pane.offsetY(pair[side].start));
  }

  /** Copies spans of the active pane onto the other document, as one undoable step there. */
  project(scope: ProjectScope): void {
    const sourcePane = this.host.active;
    const side = this.sideOf(sourcePane);
    const targetPane = this.pane(other(side));
    const source = sourcePane.annotator;
    const target = targetPane.annotator;
    if (!this.alignment || !source || !target) return this.host.say('Open two documents side by side to project spans.');
    const spans = this.spansToProject(scope, side);
    if (spans.length === 0) return this.host.say(scope === 'document' ? 'This document has no spans to project.' : 'Select a span first (click it or press Tab).');
    const result = projectOnto({ text: source.text, spans }, { docId: target.docId, text: target.text, spans: target.spans }, this.alignment, side === 'a' ? 'a->b' : 'b->a', () => crypto.randomUUID());
    target.commit(result.changes);
    this.report(result.changes.length, result.present, result.unmatched, targetPane);
  }

  private spansToProject(scope: ProjectScope, side: Side): Span[] {
    const annotator = this.host.active.annotator;
    const selected = annotator?.selected;
    if (!annotator) return [];
    if (scope === 'document') return annotator.spans.filter((s) => !s.projected);
    if (!selected) return [];
    if (scope === 'span') return [selected];
    const pair = this.alignment && pairAt(this.alignment, side, selected.start);
    return pair ? annotator.spans.filter((s) => !s.projected && inside(pair[side], s)) : [selected];
  }

  private report(added: number, present: number, unmatched: Array<{ span: Span; reason: string }>, target: DocumentPane): void {
    const lines = [`Projected ${added} span${added === 1 ? '' : 's'} onto ${target.record?.name ?? 'the other document'}${present ? ` (${present} already there)` : ''}. Press A to accept the selected one, Shift+A to accept all.`];
    if (unmatched.length) lines.push(`${unmatched.length} found no counterpart:`, ...unmatched.map((u) => `  “${u.span.text}” (${u.span.label}): ${u.reason}`));
    this.host.say(lines.join('\n'));
  }

  /** Accepts the selected projected span, or all projected spans of the active document. */
  accept(all: boolean): void {
    const annotator = this.host.active.annotator;
    if (!annotator) return;
    const spans = all ? annotator.spans : annotator.selected ? [annotator.selected] : [];
    const changes = acceptProjected(spans);
    annotator.commit(changes);
    this.host.say(changes.length ? `Accepted ${changes.length} projected span${changes.length === 1 ? '' : 's'}.` : 'No projected span to accept here.');
  }
}
