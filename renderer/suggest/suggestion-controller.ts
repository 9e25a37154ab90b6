// Suggestions for the open documents: asks the worker when a document opens
// and again shortly after its spans change (so tagging a word suggests its
// other occurrences), stores what comes back and hands it to the pane's
// suggestion layer; runs the accept/reject/step keys; and keeps the tagger
// learning in the background from what the researcher accepts and rejects.
import type { Suggestion } from '../../core/model';
import { isSpanEdit, type Step } from '../../core/spans/history';
import { fromLegacyProjection } from '../../core/spans/project-spans';
import { ofKnownLabels, suggestionRows } from '../../core/suggest/candidate';
import type { Annotator } from '../annotate/annotator';
import {
  acceptAllOfLabel,
  acceptSuggestion,
  acceptWhere,
  currentSuggestion,
  focusSuggestion,
  rejectSuggestion,
  showAlso,
  showRejections,
  showStored,
  showSuggestions,
  stepSuggestion,
} from '../annotate/suggestion-commands';
import type { WorkbenchDb } from '../db/schema';
import { listRejections, listSuggestions, putKeptSuggestions, replaceSuggestions } from '../db/suggestions-repo';
import { suggestionsState } from '../editor/suggestions-plugin';
import { CorpusPhrases } from './corpus-phrases';
import { whenPointerIdle } from './pointer-idle';
import type { SuggestClient } from './suggest-client';
import { TaggerTrainer } from './tagger-trainer';
import { WorkerWarmUp } from './worker-warm-up';

/** What the controller sees of a pane: the document it shows and its annotator. */
export interface SuggestPane {
  readonly record?: { readonly id: string };
  readonly annotator?: Annotator;
}

export interface SuggestHost {
  readonly panes: readonly SuggestPane[];
  /** The project's labels: suggestions of a label the project does not have are not offered. */
  readonly labels: ReadonlyArray<{ readonly name: string }>;
  readonly active: SuggestPane;
  say(message: string): void;
  /** The suggestion panel should follow (counts, the current suggestion, the tagger). */
  changed(): void;
}

export { WARM_UP_QUIET_MS } from './worker-warm-up';

/** Wait after the last span change before asking again (a burst of tags is one request). */
export const RESUGGEST_DELAY_MS = 120;

/**
 * How long a document stays open before the worker is asked for its suggestions afresh (its stored ones
 * show at once). Flipping through documents asks for none of those passed: the worker answers one request
 * at a time, and a long document's request can keep it busy for seconds, slowing the opens after it.
 */
export const OPEN_SETTLE_MS = 400;

/** Rejected suggestions of a pane's layer, as spans (their keys are `start:end:label`). */
function rejectedOf(annotator: Annotator): Array<{ start: number; end: number; label: string }> {
  return [...suggestionsState(annotator.view.state).rejected].map((key) => {
    const [start, end, ...label] = key.split(':');
    return { start: Number(start), end: Number(end), label: label.join(':') };
  });
}

export class SuggestionController {
  private readonly timers = new Map<SuggestPane, ReturnType<typeof setTimeout>>();
  /** Milliseconds the worker took for the last document, for the panel and the bench. */
  lastMs?: number;
  readonly trainer: TaggerTrainer;

  constructor(
    private readonly db: WorkbenchDb,
    private readonly client: SuggestClient,
    private readonly host: SuggestHost,
  ) {
    this.trainer = new TaggerTrainer(db, client, { say: (m) => host.say(m), changed: () => host.changed() });
    this.phrases = new CorpusPhrases(db);
    this.warmUp = new WorkerWarmUp(client);
  }

  /** Span texts to find in every document (O). */
  private readonly phrases: CorpusPhrases;
  private readonly warmUp: WorkerWarmUp;

  /**
   * O: the selected span's text is suggested, with its label, wherever it stands in any document ("label
   * all occurrences" across the corpus). It is kept in settings and the worker adds it to each document's
   * suggestions; open documents are asked again now, and the status line says how many documents have it.
   * O on a span whose text and label were asked for already takes the request back.
   */
  async findEverywhere(): Promise<void> {
    const span = this.host.active.annotator?.selected;
    if (!span || span.text.trim() === '') {
      this.host.say('Select a span first: O suggests its text in every document.');
      return;
    }
    const phrase = { phrase: span.text, label: span.label };
    const { added } = await this.phrases.toggle(phrase);
    for (const pane of this.host.panes) void this.refresh(pane);
    if (!added) {
      this.host.say(
        `“${phrase.phrase}” is no longer suggested as ${phrase.label} in every document (O again asks again).`,
      );
      return;
    }
    const found = await this.phrases.documentsWith(phrase);
    this.host.say(
      `“${phrase.phrase}” is suggested as ${phrase.label} wherever it stands: in ${found} document${found === 1 ? '' : 's'}.`,
    );
  }

  /**
   * A pane shows a new document. Its stored suggestions and rejections are
   * read and drawn after the text is on screen (so opening a document costs
   * the same with 2,000 suggestions as with none), then the worker is asked once the document has stayed.
   */
  opened(pane: SuggestPane): void {
    const docId = pane.record?.id;
    clearTimeout(this.timers.get(pane));
    void this.restore(pane).then(() => {
      if (pane.record?.id !== docId) return; // passed by: its own opening asks
      clearTimeout(this.timers.get(pane));
      this.timers.set(
        pane,
        setTimeout(() => void this.refresh(pane), OPEN_SETTLE_MS),
      );
    });
    this.warmUp.whenQuiet();
  }

  /**
   * Holds the worker's warm-up (an import or a sync pull holds it, with the indexer and backups). Returns the
   * release.
   */
  hold(): () => void {
    return this.warmUp.hold();
  }

  private async restore(pane: SuggestPane): Promise<void> {
    const annotator = pane.annotator;
    const docId = pane.record?.id;
    if (!annotator || !docId) return;
    const started = performance.now();
    await this.convertLegacy(pane);
    const [suggestions, rejections] = await Promise.all([
      listSuggestions(this.db, docId),
      listRejections(this.db, docId),
    ]);
    await new Promise<void>((resolve) =>
      whenPointerIdle(() => {
        if (pane.record?.id === docId && pane.annotator === annotator) {
          annotator.run(showStored(ofKnownLabels(suggestions, this.host.labels), rejections));
          performance.measure('suggestions-restored', { start: started, detail: { docId, count: suggestions.length } });
          this.host.changed();
        }
        resolve();
      }),
    );
  }

  /** A pane's view applied a step: span edits call for new suggestions, and teach the tagger. */
  edited(pane: SuggestPane, step: Step): void {
    if (!step.some(isSpanEdit) && !step.some((c) => c.kind === 'reject' || c.kind === 'unreject')) return;
    this.trainer.noteWork(step.length);
    // An undone rejection asks again too: an answer to a request made while it
    // stood would leave it out, and nothing else would bring it back.
    if (!step.some(isSpanEdit) && !step.some((c) => c.kind === 'unreject')) return;
    clearTimeout(this.timers.get(pane));
    this.timers.set(
      pane,
      setTimeout(() => void this.refresh(pane), RESUGGEST_DELAY_MS),
    );
  }

  private async refresh(pane: SuggestPane): Promise<void> {
    const annotator = pane.annotator;
    const docId = pane.record?.id;
    if (!annotator || !docId) return;
    try {
      await this.trainer.ready();
      const text = annotator.text;
      const spans = annotator.spans.filter((s) => !s.projected).map(({ start, end, label }) => ({ start, end, label }));
      const started = performance.now();
      const { candidates, ms } = await this.client.request({
        type: 'suggest',
        text,
        spans,
        rejected: rejectedOf(annotator),
        phrases: await this.phrases.current(),
      });
      this.lastMs = ms;
      // The round trip through the worker, and its own share: what `npm run bench` reads.
      performance.measure('suggest-worker', {
        start: started,
        detail: { docId, workerMs: ms, found: candidates.length },
      });
      if (pane.record?.id !== docId || pane.annotator !== annotator) return; // another document opened meanwhile
      const wanted = ofKnownLabels(candidates, this.host.labels);
      const rows = await replaceSuggestions(this.db, docId, suggestionRows(docId, wanted, text, Date.now()));
      whenPointerIdle(() => {
        if (pane.record?.id !== docId || pane.annotator !== annotator) return;
        annotator.run(showSuggestions(rows));
        performance.mark('suggestions-shown', { detail: { docId } });
        this.host.changed();
      });
    } catch (error) {
      this.host.say(`Suggestions could not be made: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The labels changed (the label editor): each shown document is asked again, so no suggestion names a deleted label. */
  labelsChanged(): void {
    for (const pane of this.host.panes) {
      clearTimeout(this.timers.get(pane));
      void this.refresh(pane);
    }
  }

  /** The stored spans of a document were put back on screen (a failed write, another window): rejections too. */
  async reloaded(docId: string): Promise<void> {
    for (const pane of this.host.panes) if (pane.record?.id === docId) await this.convertLegacy(pane);
    const rejections = await listRejections(this.db, docId);
    for (const pane of this.host.panes) if (pane.record?.id === docId) pane.annotator?.run(showRejections(rejections));
    this.host.changed();
  }

  /** A: accept the current suggestion; false when there is none (the caller may accept a projection instead). */
  accept(all: boolean): boolean {
    const annotator = this.host.active.annotator;
    const current = annotator && currentSuggestion(annotator.view.state);
    if (!annotator || !current) return false;
    const done = annotator.run(all ? acceptAllOfLabel(current.label) : acceptSuggestion());
    this.host.changed();
    return done;
  }

  /** X: reject the current suggestion. */
  reject(): void {
    const annotator = this.host.active.annotator;
    if (!annotator?.run(rejectSuggestion()))
      this.host.say('No suggestion is current: press J (next) or K (previous) to go to one, or click one.');
    this.host.changed();
  }

  /** J / K. */
  step(direction: 1 | -1): void {
    const annotator = this.host.active.annotator;
    if (!annotator?.run(stepSuggestion(direction))) this.host.say('No suggestions in this document.');
    this.host.changed();
  }

  /**
   * Proposals for `pane`'s document from outside the suggesters (a projection from the other version):
   * stored as kept suggestions, then drawn at once beside those shown, the first of them current.
   */
  async offer(pane: SuggestPane, rows: readonly Suggestion[]): Promise<void> {
    const annotator = pane.annotator;
    if (!annotator || rows.length === 0) return;
    await putKeptSuggestions(this.db, rows);
    if (pane.annotator !== annotator) return; // another document opened meanwhile: it shows them on its next open
    annotator.run(showAlso(rows));
    annotator.run(focusSuggestion(rows[0].id));
    this.host.changed();
  }

  /**
   * Spans earlier versions projected (dashed, `projected: true`) become what a projection makes now: kept
   * suggestions, written first (a crash before the spans go leaves both, and the next open converts again),
   * then the spans and their relations leave the layer in a step that is saved but not undoable.
   */
  private async convertLegacy(pane: SuggestPane): Promise<void> {
    const annotator = pane.annotator;
    if (!annotator || annotator.readOnly) return;
    const { suggestions, step } = fromLegacyProjection(annotator.spans, annotator.relations);
    if (suggestions.length === 0) return;
    await putKeptSuggestions(this.db, suggestions);
    if (pane.annotator !== annotator) return;
    annotator.commitUnrecorded(step);
    annotator.run(showAlso(suggestions));
  }

  /** Accepts the suggestions of `pane` that `which` picks, as one undo step; false when none is shown. */
  acceptIn(pane: SuggestPane, which: (s: Suggestion) => boolean): boolean {
    const done = pane.annotator?.run(acceptWhere(which)) ?? false;
    this.host.changed();
    return done;
  }

  /** Shift+A with a label chosen in the panel: every suggestion of it in the active document. */
  acceptLabel(label: string): void {
    this.host.active.annotator?.run(acceptAllOfLabel(label));
    this.host.changed();
  }
}
