// The side panel of the open document: counts by label (doubling as filters),
// the selected span's editor, and every span in reading order.
import { makeOffsetConverter, type OffsetConverter } from '../../core/codepoints';
import { LIMITS, withinLimit } from '../../core/limits';
import type { Label, Span } from '../../core/model';
import { countByLabel, inReadingOrder } from '../../core/spans/span-order';
import { h, reconcileChildren } from '../dom';
import { labelChip } from './label-chip';
import { SpanListView } from './span-list-view';

export interface SpanPanelActions {
  select(id: string): void;
  relabel(id: string, label: string): void;
  setNote(id: string, note: string): void;
  remove(id: string): void;
  toggleFilter(label: string): void;
}

export interface SpanPanelModel {
  spans: readonly Span[];
  labels: readonly Label[];
  selected?: Span;
  hidden: ReadonlySet<string>;
  /** The document's text: offsets are shown in its code points, as exported. */
  text: string;
}

/** One converter for the text last shown: the panel redraws often, the text never changes. */
let converted: { text: string; converter: OffsetConverter } | undefined;

function converterOf(text: string): OffsetConverter {
  if (converted?.text !== text) converted = { text, converter: makeOffsetConverter(text) };
  return converted.converter;
}

/** "characters 8–20 · 12 long", in code points (Python str indices, what the export says). */
export function describeOffsets(span: Pick<Span, 'start' | 'end'>, text: string): string {
  const c = converterOf(text);
  const start = c.toCodePoint(span.start);
  const end = c.toCodePoint(span.end);
  return `characters ${start}–${end} · ${end - start} long`;
}

function renderCounts(model: SpanPanelModel, actions: SpanPanelActions): HTMLElement {
  const counts = countByLabel(model.spans);
  return h(
    'div',
    { class: 'label-counts', 'data-testid': 'label-counts' },
    ...model.labels.map((l) => {
      const button = h(
        'button',
        {
          type: 'button',
          class: `count-filter${model.hidden.has(l.name) ? ' off' : ''}`,
          'data-label': l.name,
          title: `Show or hide ${l.name} in the list`,
          onclick: () => actions.toggleFilter(l.name),
        },
        labelChip(l.name, l.color),
        h('span', { class: 'count' }, String(counts.get(l.name) ?? 0)),
      );
      return button;
    }),
  );
}

function renderEditor(span: Span, labels: readonly Label[], text: string, actions: SpanPanelActions): HTMLElement {
  // A label the set lacks still shows as itself, never as the first label of the menu.
  const own = labels.some((l) => l.name === span.label)
    ? []
    : [h('option', { value: span.label, selected: true }, span.label)];
  const select = h(
    'select',
    {
      'data-testid': 'span-label',
      'aria-label': 'Label',
      onchange: (e: Event) => actions.relabel(span.id, (e.target as HTMLSelectElement).value),
    },
    ...own,
    ...labels.map((l) => h('option', { value: l.name, selected: l.name === span.label }, l.name)),
  );
  const limitHint = h('p', { class: 'hint', 'data-testid': 'span-note-limit', role: 'status' });
  const note = h('textarea', {
    'data-testid': 'span-note',
    rows: 3,
    placeholder: 'Note (N to focus)',
    'aria-label': 'Note',
    oninput: (e: Event) => {
      const area = e.target as HTMLTextAreaElement;
      // The limit every export and backup checks (core/limits.ts): refused here, where it is typed, never later.
      const over = !withinLimit(area.value, LIMITS.note);
      limitHint.textContent = over
        ? `A note holds at most ${LIMITS.note.toLocaleString('en-US')} characters; the text past that was cut.`
        : '';
      if (over) area.value = trimTo(area.value, LIMITS.note);
      actions.setNote(span.id, area.value);
    },
  });
  note.value = span.note;
  return h(
    'div',
    { class: 'span-editor', 'data-testid': 'span-editor', 'data-span-id': span.id },
    h(
      'div',
      { class: 'span-editor-row' },
      select,
      h(
        'button',
        {
          type: 'button',
          class: 'danger',
          'data-testid': 'span-delete',
          title: 'Delete span (Delete)',
          onclick: () => actions.remove(span.id),
        },
        'Delete',
      ),
    ),
    h('blockquote', { class: 'span-quote' }, span.text),
    h(
      'div',
      {
        class: 'span-offsets',
        'data-testid': 'span-offsets',
        title: 'Code point offsets, as exported (Python str indices)',
      },
      `${describeOffsets(span, text)}${span.projected ? ' · projected, not yet accepted' : ''}`,
    ),
    note,
    limitHint,
  );
}

/** The first `max` code points of `text` (never half a surrogate pair). */
function trimTo(text: string, max: number): string {
  let units = 0;
  for (let n = 0; n < max && units < text.length; n++) units += (text.codePointAt(units) ?? 0) > 0xffff ? 2 : 1;
  return text.slice(0, units);
}

/** Each panel's list, kept between redraws. */
const listsIn = new WeakMap<HTMLElement, SpanListView>();

function renderList(host: HTMLElement, shown: readonly Span[], model: SpanPanelModel, actions: SpanPanelActions) {
  let view = listsIn.get(host);
  if (!view) {
    // The controller's actions reach the live document whenever they run, so the first set serves every redraw.
    view = new SpanListView({ select: (id) => actions.select(id) });
    listsIn.set(host, view);
  }
  view.update(shown, new Map(model.labels.map((l) => [l.name, l.color])), model.selected?.id);
  return view.element;
}

export function renderSpanPanel(host: HTMLElement, model: SpanPanelModel, actions: SpanPanelActions): void {
  const focusedNote = document.activeElement?.getAttribute('data-testid') === 'span-note';
  if (focusedNote) return; // never redraw under the researcher's typing
  const shown = inReadingOrder(model.spans).filter((s) => !model.hidden.has(s.label));
  reconcileChildren(host, [
    h('h3', {}, `Spans (${model.spans.length})`),
    renderCounts(model, actions),
    model.selected
      ? renderEditor(model.selected, model.labels, model.text, actions)
      : h('p', { class: 'hint' }, 'Select text and press a label key (1–4), or click a span to edit it.'),
    renderList(host, shown, model, actions),
  ]);
}
