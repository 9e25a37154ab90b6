// The split view: two documents side by side, their shared passages aligned
// and tinted alike, text only one version has marked, hover and click to find
// a passage's counterpart, scrolling in step, and projecting spans across.
import { alignDocuments, type Alignment } from '../../core/align';
import { displayName } from '../../core/display-name';
import type { Label, Span } from '../../core/model';
import { projectRelations } from '../../core/relations/project-relations';
import { acceptProjected, projectOnto, type Unprojected } from '../../core/spans/project-spans';
import { marksFor, other, pairAt, pairById, pairFrom, inside, type Side } from './alignment-marks';
import type { ComparePane } from './compare-pane';
import { ProjectionReport } from './projection-report';

export interface SplitHost {
  readonly panes: readonly [ComparePane, ComparePane];
  readonly active: ComparePane;
  readonly labels: readonly Label[];
  activate(pane: ComparePane): void;
  say(message: string): void;
}

export type ProjectScope = 'span' | 'passage' | 'document';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export class SplitController {
  alignment?: Alignment;
  sync = true;
  /** The spans not projected by the last projection, in a panel of their own. */
  readonly report = new ProjectionReport();
  private quietUntil = [0, 0];
  /** The spans the last projection added, so A accepts them from either pane. */
  private lastProjection?: { pane: ComparePane; ids: string[] };

  constructor(private readonly host: SplitHost) {
    host.panes.forEach((pane, i) => {
      const side: Side = i === 0 ? 'a' : 'b';
      pane.element.addEventListener('mouseover', (e) => this.hover(e.target));
      pane.element.addEventListener('mouseleave', () => this.hover(null)); // no pair stays lit once the mouse is gone
      pane.element.addEventListener('click', (e) => this.jump(e.target, side));
      pane.scroller.addEventListener('scroll', () => this.follow(side), { passive: true });
    });
  }

  private pane(side: Side): ComparePane {
    return this.host.panes[side === 'a' ? 0 : 1];
  }

  private sideOf(pane: ComparePane): Side {
    return pane === this.host.panes[0] ? 'a' : 'b';
  }

  /** Aligns the two open documents (after either changes) and draws the passages. */
  refresh(): void {
    const [a, b] = this.host.panes.map((p) => p.annotator);
    this.alignment = a && b ? alignDocuments(a.text, b.text) : undefined;
    this.lastProjection = undefined;
    this.report.hide();
    const texts = a && b ? { a: a.text, b: b.text } : undefined;
    for (const side of ['a', 'b'] as const)
      this.pane(side).setPassages(this.alignment ? marksFor(this.alignment, side, texts) : []);
    if (this.alignment)
      this.host.say(
        `${this.alignment.pairs.length} aligned passages (numbered alike in both panes); ${this.alignment.onlyA.length} only on the left, ${this.alignment.onlyB.length} only on the right.`,
      );
  }

  clear(): void {
    this.alignment = undefined;
    this.lastProjection = undefined;
    this.report.hide();
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
    if (!this.alignment || !source || !target)
      return this.host.say('Open two documents side by side to project spans.');
    const spans = this.spansToProject(scope, side);
    if (spans.length === 0)
      return this.host.say(
        scope === 'document'
          ? 'This document has no spans to project.'
          : 'Select a span first (click it or press Tab).',
      );
    const result = projectOnto(
      { text: source.text, spans },
      { docId: target.docId, text: target.text, spans: target.spans },
      this.alignment,
      side === 'a' ? 'a->b' : 'b->a',
      () => crypto.randomUUID(),
    );
    // A relation comes along when both its ends did (core/relations/project-relations.ts), in the same undo step.
    const relations = projectRelations(
      source.relations,
      result.counterparts,
      { docId: target.docId, relations: target.relations },
      () => crypto.randomUUID(),
      Date.now(),
    );
    target.commit([...result.changes, ...relations]);
    const ids = result.changes.flatMap((c) => (c.kind === 'add' ? [c.span.id] : []));
    this.lastProjection = ids.length ? { pane: targetPane, ids } : undefined;
    if (ids.length) {
      target.select(ids[0]); // shown selected (and dashed) in the other pane
      if (scope !== 'document') targetPane.scrollToSpan(ids[0]);
    }
    this.report.show(result.unmatched, {
      sourceName: this.nameOf(sourcePane),
      targetName: this.nameOf(targetPane),
      labels: this.host.labels,
      show: (id) => this.showSpan(sourcePane, id),
    });
    this.say(ids.length, result.present, result.unmatched, targetPane);
  }

  private nameOf(pane: ComparePane): string {
    return pane.record ? displayName(pane.record.name) : 'the other document';
  }

  private showSpan(pane: ComparePane, id: string): void {
    this.host.activate(pane);
    pane.annotator?.select(id);
    pane.scrollToSpan(id);
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

  private say(added: number, present: number, unmatched: readonly Unprojected[], target: ComparePane): void {
    const name = this.nameOf(target);
    const already = present ? ` (${present} already there)` : '';
    const next =
      added === 0
        ? ''
        : ` ${added === 1 ? 'It is' : 'They are'} dashed until accepted: press A now to accept ${added === 1 ? 'it' : 'them'} (from either pane).`;
    const missed = unmatched.length
      ? ` ${plural(unmatched.length, 'span')} could not be projected: see the list above the documents.`
      : '';
    this.host.say(`Projected ${plural(added, 'span')} onto ${name}${already}.${next}${missed}`);
  }

  /** True while the last projection has spans awaiting acceptance (A then accepts them, before any suggestion). */
  get pending(): boolean {
    return this.pendingProjection() !== undefined;
  }

  /** Projected spans the last projection added that are still unaccepted. */
  private pendingProjection(): { pane: ComparePane; spans: Span[] } | undefined {
    const last = this.lastProjection;
    const annotator = last?.pane.annotator;
    if (!last || !annotator) return undefined;
    const ids = new Set(last.ids);
    const spans = annotator.spans.filter((s) => s.projected && ids.has(s.id));
    return spans.length ? { pane: last.pane, spans } : undefined;
  }

  /**
   * A: the selected projected span, else the spans the last projection added
   * (whichever pane has focus). Shift+A: every projected span of the active
   * document, else of the other one.
   */
  accept(all: boolean): void {
    const active = this.host.active;
    const projectedIn = (pane: ComparePane) => pane.annotator?.spans.filter((s) => s.projected) ?? [];
    let pick: { pane: ComparePane; spans: Span[] } | undefined;
    if (all) {
      const otherPane = this.alignment ? this.pane(other(this.sideOf(active))) : undefined;
      pick = projectedIn(active).length
        ? { pane: active, spans: projectedIn(active) }
        : otherPane && projectedIn(otherPane).length
          ? { pane: otherPane, spans: projectedIn(otherPane) }
          : undefined;
    } else {
      const selected = active.annotator?.selected;
      pick = selected?.projected ? { pane: active, spans: [selected] } : this.pendingProjection();
    }
    if (!pick?.pane.annotator) {
      return this.host.say(
        all
          ? 'No projected spans to accept in either document.'
          : 'No projected span to accept here: click a dashed (projected) span and press A, or press Shift+A to accept every projected span.',
      );
    }
    const changes = acceptProjected(pick.spans);
    pick.pane.annotator.commit(changes);
    if (!this.pendingProjection()) this.lastProjection = undefined;
    this.host.say(`Accepted ${plural(changes.length, 'projected span')} in ${this.nameOf(pick.pane)}.`);
  }
}
