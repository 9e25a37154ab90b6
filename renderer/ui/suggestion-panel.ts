// The Suggestions section of the side panel: how many suggestions the open
// document has by label (each a button that accepts all of that label), the
// current one with its source and score and the keys that act on it, the
// learned tagger's state and score on held-out documents, and the
// Guidelines. Redrawn at most once a frame, like the span panel.
import type { Label, Suggestion } from '../../core/model';
import { PROJECTION_SOURCE } from '../../core/spans/project-spans';
import type { Evaluation } from '../../core/suggest/evaluate';
import { currentSuggestion } from '../annotate/suggestion-commands';
import type { StoredTagger } from '../db/rows';
import { clear, h } from '../dom';
import { suggestionsState } from '../editor/suggestions-plugin';
import type { SuggestionController } from '../suggest/suggestion-controller';
import type { DocumentPane } from './document-pane';
import { onceAFrame } from './once-a-frame';
import { describeOffsets } from './span-panel';
import './suggestions.css';

export interface SuggestionPanelHost {
  readonly active: DocumentPane;
  readonly labels: readonly Label[];
  readonly suggestions: SuggestionController;
  openGuidelines(): void;
  saveModel(): void;
}

const f1 = (e: Evaluation | undefined, label: string): string | undefined => {
  const s = e?.labels[label];
  return s && s.tp + s.fn > 0 ? s.f1.toFixed(2) : undefined;
};

/** "actor F1 0.86 (rules alone 0.80)" for each label the held-out documents have. */
export function taggerScore(t: StoredTagger): string {
  if (t.heldOut === 0 || !t.evaluation) return 'too few annotated documents to hold any out for a score';
  const parts = Object.keys(t.evaluation.labels)
    .filter((l) => f1(t.evaluation, l) !== undefined)
    .map((l) => `${l} F1 ${f1(t.evaluation, l)}${f1(t.rulesAlone, l) ? ` (rules alone ${f1(t.rulesAlone, l)})` : ''}`);
  return `on ${t.heldOut} held-out document${t.heldOut === 1 ? '' : 's'}: ${parts.join(', ') || 'no spans to score'}`;
}

export class SuggestionPanel {
  readonly element = h('section', {
    class: 'suggest-panel',
    'aria-label': 'Suggestions',
    'data-testid': 'suggest-panel',
  });
  readonly schedule = onceAFrame(() => this.render());

  constructor(private readonly host: SuggestionPanelHost) {}

  render(): void {
    clear(this.element);
    const annotator = this.host.active.annotator;
    const state = annotator && suggestionsState(annotator.view.state);
    const shown = state?.shown ?? [];
    this.element.append(
      h(
        'div',
        { class: 'suggest-head' },
        h('h3', {}, 'Suggestions'),
        h('span', { class: 'suggest-count', 'data-testid': 'suggestion-count' }, String(shown.length)),
        h(
          'button',
          {
            type: 'button',
            class: 'ghost',
            'data-testid': 'open-guidelines',
            onclick: () => this.host.openGuidelines(),
          },
          'Guidelines',
        ),
      ),
      this.byLabel(shown),
      this.current(annotator ? currentSuggestion(annotator.view.state) : undefined, annotator?.text ?? ''),
      this.tagger(),
    );
  }

  private color(label: string): string {
    return this.host.labels.find((l) => l.name === label)?.color ?? '#6b7280';
  }

  private byLabel(shown: readonly Suggestion[]): HTMLElement {
    const counts = new Map<string, number>();
    for (const s of shown) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
    if (counts.size === 0) return h('p', { class: 'suggest-none' }, 'None open in this document.');
    return h(
      'div',
      { class: 'suggest-labels' },
      ...[...counts].map(([label, n]) => {
        const button = h(
          'button',
          {
            type: 'button',
            class: 'suggest-accept-label',
            'data-label': label,
            title: `Accept all ${n} ${label} suggestions in this document (one undo step)`,
            onclick: () => this.host.suggestions.acceptLabel(label),
          },
          h('span', { class: 'suggest-chip' }, `${label}?`),
          ` ${n}`,
        );
        button.style.setProperty('--c', this.color(label));
        return button;
      }),
    );
  }

  private current(s: Suggestion | undefined, text: string): HTMLElement {
    if (!s) return h('p', { class: 'suggest-hint' }, 'J / K go to the next / previous suggestion; a click picks one.');
    const box = h(
      'div',
      { class: 'suggest-current', 'data-testid': 'current-suggestion' },
      h('span', { class: 'suggest-chip' }, `${s.label}?`),
      h('q', { class: 'suggest-text' }, text.slice(s.start, s.end)),
      h(
        'div',
        { class: 'span-offsets' },
        s.source === PROJECTION_SOURCE
          ? `${describeOffsets(s, text)} · projected from the other version`
          : `${describeOffsets(s, text)} · ${s.source}, ${Math.round(s.score * 100)}%`,
      ),
      h(
        'div',
        { class: 'suggest-actions' },
        h('button', { type: 'button', onclick: () => this.host.suggestions.accept(false) }, 'Accept (A)'),
        h('button', { type: 'button', onclick: () => this.host.suggestions.reject() }, 'Reject (X)'),
        h('button', { type: 'button', class: 'ghost', onclick: () => this.host.suggestions.step(-1) }, '‹ K'),
        h('button', { type: 'button', class: 'ghost', onclick: () => this.host.suggestions.step(1) }, 'J ›'),
      ),
    );
    box.style.setProperty('--c', this.color(s.label));
    return box;
  }

  private tagger(): HTMLElement {
    const trainer = this.host.suggestions.trainer;
    const t = trainer.stored;
    const what = trainer.training
      ? 'Tagger: learning from your annotations…'
      : t
        ? `Tagger: learned from ${t.trainedOn} document${t.trainedOn === 1 ? '' : 's'}; ${taggerScore(t)}.`
        : 'Tagger: not trained yet (it learns from your annotations as you work).';
    return h(
      'div',
      { class: 'suggest-tagger', 'data-testid': 'tagger-status' },
      h('p', {}, what),
      h(
        'div',
        { class: 'suggest-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'ghost',
            'data-testid': 'retrain',
            disabled: trainer.training,
            onclick: () => void trainer.retrain(),
          },
          'Retrain now',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'ghost',
            'data-testid': 'save-model',
            disabled: !t,
            onclick: () => this.host.saveModel(),
          },
          'Save model…',
        ),
      ),
    );
  }
}
