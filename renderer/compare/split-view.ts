// The split view: two documents side by side, their shared passages aligned
// and tinted alike, text only one version has marked, hover and click to find
// a passage's counterpart, scrolling in step, and projecting spans across.
import { alignDocuments, type Alignment } from '../../core/align';
import { displayName } from '../../core/display-name';
import type { Label, Span, Suggestion } from '../../core/model';
import { newRecordId } from '../../core/record-id';
import { projectOnto, PROJECTION_SOURCE, type Projection } from '../../core/spans/project-spans';
import { suggestionsState } from '../editor/suggestions-plugin';
import { marksFor, other, pairAt, pairById, pairFrom, inside, type Side } from './alignment-marks';
import type { ComparePane } from './compare-pane';
import { ProjectionReport } from './projection-report';

export interface SplitHost {
  readonly panes: readonly [ComparePane, ComparePane];
  readonly active: ComparePane;
  readonly labels: readonly Label[];
  activate(pane: ComparePane): void;
  say(message: string): void;
  /** Stores and draws proposals for a pane's document as suggestions (SuggestionController.offer). */
  offer(pane: ComparePane, suggestions: readonly Suggestion[]): Promise<void>;
  /** Accepts the suggestions of a pane that `which` picks, as one undo step; false when none is shown. */
  acceptIn(pane: ComparePane, which: (s: Suggestion) => boolean): boolean;
}

export type ProjectScope = 'span' | 'passage' | 'document';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export class SplitController {
  alignment?: Alignment;
  sync = true;
  /** The spans not projected by the last projection, in a panel of their own. */
  readonly report = new ProjectionReport();
  private quietUntil = [0, 0];
  /** The suggestions the last projection offered, so A accepts them from either pane. */
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

  /**
   * Proposes spans of the active pane for the other document: they land there as suggestions (outlined,
   * "label?"), the first one current, for A to accept and X to reject like any other suggestion.
   */
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
      { text: source.text, spans, relations: source.relations },
      {
        docId: target.docId,
        text: target.text,
        spans: target.spans,
        relations: target.relations,
        rejected: suggestionsState(target.view.state).rejected,
      },
      this.alignment,
      side === 'a' ? 'a->b' : 'b->a',
      newRecordId,
    );
    // Relations between spans already there come at once, as one undo step; the others wait on the
    // suggestions (core/spans/project-spans.ts) and come with their acceptance.
    if (result.relations.length > 0) target.commit(result.relations);
    const ids = result.suggestions.map((s) => s.id);
    this.lastProjection = ids.length ? { pane: targetPane, ids } : undefined;
    // The first proposal becomes current there and is brought on screen (SuggestionController.offer).
    if (ids.length)
      this.host
        .offer(targetPane, result.suggestions)
        .catch((error: unknown) =>
          this.host.say(
            `The projected spans could not be stored: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    this.report.show(result.unmatched, {
      sourceName: this.nameOf(sourcePane),
      targetName: this.nameOf(targetPane),
      labels: this.host.labels,
      show: (id) => this.showSpan(sourcePane, id),
    });
    this.say(ids.length, result, targetPane);
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

  private say(added: number, result: Projection, target: ComparePane): void {
    const name = this.nameOf(target);
    const notes = [
      result.present ? `${result.present} already there` : '',
      result.rejected ? `${result.rejected} rejected there before` : '',
    ].filter(Boolean);
    const already = notes.length ? ` (${notes.join(', ')})` : '';
    const next =
      added === 0
        ? ''
        : ` ${added === 1 ? 'It is' : 'They are'} suggested there until accepted: press A now to accept ${added === 1 ? 'it' : 'them'} (from either pane), X to reject one.`;
    const missed = result.unmatched.length
      ? ` ${plural(result.unmatched.length, 'span')} could not be projected: see the list above the documents.`
      : '';
    this.host.say(`Projected ${plural(added, 'span')} onto ${name}${already}.${next}${missed}`);
  }

  /** True while the last projection has suggestions awaiting an answer (A then accepts them, before any other). */
  get pending(): boolean {
    return this.pendingProjection() !== undefined;
  }

  /** The last projection's suggestions still offered (neither accepted nor rejected). */
  private pendingProjection(): { pane: ComparePane; ids: ReadonlySet<string> } | undefined {
    const last = this.lastProjection;
    const annotator = last?.pane.annotator;
    if (!last || !annotator) return undefined;
    const shown = new Set(suggestionsState(annotator.view.state).shown.map((s) => s.id));
    const ids = new Set(last.ids.filter((id) => shown.has(id)));
    return ids.size ? { pane: last.pane, ids } : undefined;
  }

  /**
   * A: the last projection's suggestions still offered (from whichever pane has focus). Shift+A: every
   * projected suggestion of the active document, else of the other one.
   */
  accept(all: boolean): void {
    const active = this.host.active;
    const projected = (s: Suggestion) => s.source === PROJECTION_SOURCE;
    const offeredIn = (pane: ComparePane) =>
      pane.annotator ? suggestionsState(pane.annotator.view.state).shown.filter(projected).length : 0;
    let pick: { pane: ComparePane; which: (s: Suggestion) => boolean; n: number } | undefined;
    if (all) {
      const otherPane = this.alignment ? this.pane(other(this.sideOf(active))) : undefined;
      const pane = offeredIn(active) ? active : otherPane && offeredIn(otherPane) ? otherPane : undefined;
      if (pane) pick = { pane, which: projected, n: offeredIn(pane) };
    } else {
      const pending = this.pendingProjection();
      if (pending) pick = { pane: pending.pane, which: (s) => pending.ids.has(s.id), n: pending.ids.size };
    }
    if (!pick || !this.host.acceptIn(pick.pane, pick.which)) {
      return this.host.say(
        all
          ? 'No projected spans to accept in either document.'
          : 'No projection awaits an answer: press J to go to a suggestion and A to accept it, or Shift+A to accept every projected one.',
      );
    }
    if (!this.pendingProjection()) this.lastProjection = undefined;
    this.host.say(`Accepted ${plural(pick.n, 'projected span')} in ${this.nameOf(pick.pane)}.`);
  }
}
