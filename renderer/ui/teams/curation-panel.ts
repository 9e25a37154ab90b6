// The curation view's lower half: each annotator's layer of the open
// document, read-only, under the adjudicated layer (the main pane, editable).
// As in INCEpTION, spans all annotators made are taken over when a document
// is first curated; every other span is marked as a disagreement, and a click
// on it takes it into the adjudicated layer. "Take all" takes every span of
// one annotator. Each take is one step of the adjudicated layer's undo
// history (Ctrl+Z in the pane above undoes it).
import type { Label, Span } from '../../../core/model';
import { newRecordId } from '../../../core/record-id';
import {
  agreedKeys,
  autoTaken,
  isTaken,
  markOf,
  taken,
  takenAll,
  type CurationDoc,
} from '../../../core/teams/curation';
import { annotatorOf, CURATION } from '../../../core/teams/layers';
import type { Annotator } from '../../annotate/annotator';
import { clear, h } from '../../dom';
import { createDocumentView, createTextState } from '../../editor/document-view';
import { spansPlugin } from '../../editor/spans-plugin';

export interface CurationHost {
  readonly labels: readonly Label[];
  /** The adjudicated layer's annotator handle (the main pane). */
  curationAnnotator(): Annotator | undefined;
  say(message: string): void;
}

interface Opened {
  docId: string;
  text: string;
  layers: Map<string, Span[]>;
}

const newId = newRecordId;

export class CurationPanel {
  readonly element = h('section', {
    class: 'curation-layers',
    'data-testid': 'curation-layers',
    'aria-label': "Annotators' layers",
  });
  private opened?: Opened;
  /** The adjudicated layer the annotators' rows were last drawn against. */
  private drawnFor?: string;

  constructor(
    private readonly host: CurationHost,
    private readonly local: () => string,
  ) {
    this.element.hidden = true;
  }

  set visible(on: boolean) {
    this.element.hidden = !on;
    if (!on) clear(this.element);
  }

  /** A document opened for curation: its annotators' layers below, agreed spans taken over on first curation. */
  show(docId: string, text: string, all: readonly Span[]): void {
    const layers = new Map<string, Span[]>();
    for (const span of all) {
      const who = annotatorOf(span, this.local());
      if (who === CURATION || span.projected) continue;
      const list = layers.get(who);
      if (list) list.push(span);
      else layers.set(who, [span]);
    }
    this.opened = { docId, text, layers: new Map([...layers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
    const curation = this.curationSpans();
    const start = autoTaken({ layers: this.opened.layers, curation }, newId, Date.now());
    if (start.length > 0) {
      this.host.curationAnnotator()?.commitUnrecorded(start.map((span) => ({ kind: 'add', span })));
      this.host.say(`Took over ${start.length} span(s) all annotators agree on into the adjudicated layer.`);
    }
    this.render();
  }

  /** The adjudicated layer changed (a take, an undo, an edit above): marks follow. A selection alone redraws nothing. */
  refresh(): void {
    if (!this.opened || this.element.hidden) return;
    if (this.drawnFor === this.curationKey()) return;
    this.render();
  }

  /** What the marks below depend on: the adjudicated layer's spans (offsets and labels). */
  private curationKey(): string {
    return this.curationSpans()
      .map((s) => `${s.start}:${s.end}:${s.label}`)
      .sort()
      .join('|');
  }

  private curationSpans(): Span[] {
    const a = this.host.curationAnnotator();
    return a && a.docId === this.opened?.docId ? a.spans : [];
  }

  private doc(): CurationDoc {
    return { layers: this.opened!.layers, curation: this.curationSpans() };
  }

  take(spanId: string): void {
    const span = [...this.opened!.layers.values()].flat().find((s) => s.id === spanId);
    const target = this.host.curationAnnotator();
    if (!span || !target) return;
    const copy = taken(span, target.spans, newId, Date.now());
    if (!copy) return this.host.say('That span is already in the adjudicated layer.');
    target.commit([{ kind: 'add', span: copy }]);
    this.host.say(`Took ${span.label} “${span.text}” from ${annotatorOf(span, this.local())}.`);
  }

  takeAll(annotator: string): void {
    const spans = this.opened?.layers.get(annotator) ?? [];
    const target = this.host.curationAnnotator();
    if (!target) return;
    const copies = takenAll(spans, target.spans, newId, Date.now());
    if (copies.length === 0) return this.host.say(`Every span of ${annotator} is already in the adjudicated layer.`);
    target.commit(copies.map((span) => ({ kind: 'add', span })));
    this.host.say(`Took ${copies.length} span(s) from ${annotator} (one undo step).`);
  }

  private render(): void {
    clear(this.element);
    this.drawnFor = this.curationKey();
    const opened = this.opened!;
    const doc = this.doc();
    const agreed = agreedKeys(doc);
    if (opened.layers.size === 0) {
      this.element.append(h('p', { class: 'hint' }, 'No annotator has spans in this document.'));
      return;
    }
    this.element.append(
      h(
        'p',
        { class: 'curation-help hint' },
        'Click a span below to take it into the adjudicated layer above; ',
        h('span', { class: 'cur-legend disputed' }, 'dashed red'),
        ' marks a disagreement not taken yet, ',
        h('span', { class: 'cur-legend taken' }, 'green'),
        ' a span the adjudicated layer holds. Ctrl+Z in the layer above undoes a take.',
      ),
    );
    for (const [annotator, spans] of opened.layers) this.element.append(this.layerRow(annotator, spans, doc, agreed));
  }

  private layerRow(annotator: string, spans: Span[], doc: CurationDoc, agreed: ReadonlySet<string>): HTMLElement {
    const open = spans.filter((s) => markOf(s, agreed) === 'disputed' && !isTaken(s, doc.curation)).length;
    const takeAll = h(
      'button',
      { type: 'button', class: 'ghost small', 'data-testid': 'curation-take-all', 'data-annotator': annotator },
      `Take all from ${annotator}`,
    );
    takeAll.addEventListener('click', () => this.takeAll(annotator));
    const scroller = h('div', { class: 'curation-text' });
    const state = createTextState(this.opened!.text, [
      spansPlugin(this.opened!.text, spans, this.host.labels, {
        docId: this.opened!.docId,
        readOnly: true,
        decorate: (span) => {
          const mark = markOf(span, agreed);
          const inCuration = isTaken(span, doc.curation);
          return {
            class: `cur-${mark}${inCuration ? ' cur-taken' : ''}`,
            title: `${annotator}: ${mark === 'agreed' ? 'all annotators agree' : 'a disagreement'}${inCuration ? ', in the adjudicated layer' : ', click to take it'}`,
          };
        },
      }),
    ]);
    createDocumentView(scroller, state);
    scroller.addEventListener('click', (event) => {
      const target = (event.target as Element).closest('[data-span-id], [data-tag-for]');
      const id = target?.getAttribute('data-span-id') ?? target?.getAttribute('data-tag-for');
      if (id) this.take(id);
    });
    // The open disagreements as buttons too: Tab to one and press Enter (or Space) to take it.
    const chips = spans
      .filter((s) => markOf(s, agreed) === 'disputed' && !isTaken(s, doc.curation))
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((s) => {
        const chip = h(
          'button',
          {
            type: 'button',
            class: 'cur-chip',
            'data-testid': 'curation-take',
            title: `Take ${s.label} “${s.text}” from ${annotator}`,
            onclick: () => this.take(s.id),
          },
          h('span', { class: 'cur-chip-label' }, s.label),
          ` ${s.text.length > 40 ? `${s.text.slice(0, 40)}…` : s.text}`,
        );
        // Through the CSSOM: the CSP refuses style attributes.
        chip.style.setProperty('--c', this.host.labels.find((l) => l.name === s.label)?.color ?? '#6b7280');
        return chip;
      });
    return h(
      'div',
      { class: 'curation-layer', 'data-testid': 'curation-layer', 'data-annotator': annotator },
      h(
        'div',
        { class: 'curation-layer-head' },
        h('strong', {}, annotator),
        h(
          'span',
          { class: 'hint', 'data-testid': 'curation-open' },
          `${spans.length} spans · ${open} disagreement${open === 1 ? '' : 's'} not taken`,
        ),
        takeAll,
      ),
      chips.length > 0 ? h('div', { class: 'cur-chips' }, ...chips) : null,
      scroller,
    );
  }
}
