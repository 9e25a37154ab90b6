// The relations of the open document in the side panel: while a relation is
// being made, what it waits for (the spans and the relation keys that fit);
// then every relation as head text, label, child text. A click jumps to the
// head and selects it, hovering lights both ends in the text, the menu
// relabels (only to labels the two spans allow) and × deletes; each change is
// one undo step.
import type { Relation, RelationLabel, Span } from '../../core/model';
import { labelsFor } from '../../core/relations/labels';
import type { RelationSuggestion } from '../../core/relations/suggest-relations';
import type { Annotator } from '../annotate/annotator';
import * as rel from '../annotate/relation-commands';
import { clear, h, reconcileChildren } from '../dom';
import { timed } from '../timing';
import { onceAFrame } from './once-a-frame';
import { relationChip, relationSuggestionList } from './relation-suggestion-list';

export interface RelationPanelHost {
  annotator(): Annotator | undefined;
  scrollToSpan(id: string): void;
  /** Makes the relation being made with a label (through the relation keys, which say the outcome). */
  make(label: string): void;
}

const quote = (span: Span | undefined) => (span ? span.text : '(gone)');

function renderPending(a: Annotator, host: RelationPanelHost): HTMLElement {
  const pending = a.pendingRelation!;
  const head = a.span(pending.head);
  const child = pending.child ? a.span(pending.child) : undefined;
  const fitting = head && child ? labelsFor(a.relationLabels, head, child) : [];
  return h(
    'div',
    { class: 'relation-pending', 'data-testid': 'relation-pending' },
    h('div', { class: 'relation-ends' }, h('b', {}, quote(head)), ' → ', h('b', {}, child ? child.text : '…')),
    h(
      'div',
      { class: 'relation-choices' },
      ...fitting.map((l) =>
        h(
          'button',
          { type: 'button', 'data-relation-label': l.name, onclick: () => host.make(l.name) },
          relationChip(l, l.name),
          l.key ? h('kbd', {}, l.key.toUpperCase()) : null,
        ),
      ),
    ),
    h('p', { class: 'hint' }, child ? 'Tab: another span · Esc: cancel' : 'Click a span, or Tab · Esc: cancel'),
  );
}

function renderItem(a: Annotator, r: Relation, host: RelationPanelHost): HTMLLIElement {
  const [head, child] = [a.span(r.head), a.span(r.child)];
  const labels = head && child ? labelsFor(a.relationLabels, head, child) : [];
  const own = labels.some((l) => l.name === r.label) ? [] : [h('option', { value: r.label, selected: true }, r.label)];
  const menu = h(
    'select',
    {
      'aria-label': 'Relation label',
      'data-testid': 'relation-label',
      onclick: (e: Event) => e.stopPropagation(),
      onchange: (e: Event) => a.run(rel.relabelRelation(r.id, (e.target as HTMLSelectElement).value)),
    },
    ...own,
    ...labels.map((l) => h('option', { value: l.name, selected: l.name === r.label }, l.name)),
  );
  return h(
    'li',
    {
      class: 'relation-item',
      'data-relation-id': r.id,
      onclick: () => {
        a.select(r.head);
        host.scrollToSpan(r.head);
      },
      onmouseenter: () => a.run(rel.hoverRelation(r.id)),
      onmouseleave: () => a.run(rel.hoverRelation(undefined)),
    },
    h('span', { class: 'relation-head' }, quote(head)),
    menu,
    h('span', { class: 'relation-child' }, quote(child)),
    h(
      'button',
      {
        type: 'button',
        class: 'relation-delete',
        title: 'Delete relation',
        'aria-label': 'Delete relation',
        onclick: (e: Event) => {
          e.stopPropagation();
          a.run(rel.deleteRelation(r.id));
        },
      },
      '×',
    ),
  );
}

/** What a panel element drew last: its items by relation, kept while the document and the labels stay. */
interface Drawn {
  readonly annotator: Annotator;
  readonly labels: readonly RelationLabel[];
  readonly list: HTMLUListElement;
  readonly items: Map<string, { relation: Relation; head?: Span; child?: Span; li: HTMLLIElement }>;
  /** The suggested relations listed, and their section (kept while the list is the same). */
  suggestions?: { of: readonly RelationSuggestion[]; section: HTMLElement | null };
}
const drawnIn = new WeakMap<HTMLElement, Drawn>();

/**
 * The list's items in `wanted` order, moving only what is out of place: an added relation is one insert,
 * and items that stay are never taken out of the page (no hover or focus is lost under the pointer).
 */
function suggestionsOf(drawn: Drawn, a: Annotator, host: RelationPanelHost): HTMLElement | null {
  if (drawn.suggestions?.of !== a.suggestedRelations)
    drawn.suggestions = { of: a.suggestedRelations, section: relationSuggestionList(a, host.scrollToSpan) };
  return drawn.suggestions.section;
}

/**
 * Draws the panel for the active document. A relation's item is built once and kept while the relation
 * and its two spans are the same objects (state is immutable, so a changed one is a new object): with
 * 1,000 relations, adding one builds one item, not 1,000.
 */
export function renderRelationPanel(element: HTMLElement, host: RelationPanelHost): void {
  const a = host.annotator();
  let drawn = drawnIn.get(element);
  if (!a) {
    clear(element);
    drawnIn.delete(element);
    return;
  }
  if (drawn?.annotator !== a || drawn.labels !== a.relationLabels) {
    const list = h('ul', { class: 'relation-list', 'data-testid': 'relation-list' });
    drawn = { annotator: a, labels: a.relationLabels, list, items: new Map() };
    drawnIn.set(element, drawn);
  }
  const relations = a.relations;
  const order = new Map(a.spans.map((s) => [s.id, s.start]));
  relations.sort(
    (x, y) =>
      (order.get(x.head) ?? 0) - (order.get(y.head) ?? 0) || (order.get(x.child) ?? 0) - (order.get(y.child) ?? 0),
  );
  const items = new Map<string, { relation: Relation; head?: Span; child?: Span; li: HTMLLIElement }>();
  for (const r of relations) {
    const [head, child] = [a.span(r.head), a.span(r.child)];
    const kept = drawn.items.get(r.id);
    const same = kept && kept.relation === r && kept.head === head && kept.child === child;
    items.set(r.id, same ? kept : { relation: r, head, child, li: renderItem(a, r, host) });
  }
  drawn.items.clear();
  for (const [id, item] of items) drawn.items.set(id, item);
  reconcileChildren(
    drawn.list,
    [...items.values()].map((i) => i.li),
  );
  const parts = [
    h('h3', {}, `Relations (${relations.length})`),
    a.pendingRelation
      ? renderPending(a, host)
      : h('p', { class: 'hint' }, 'Select a span and press R, or drag from a span’s label to another span.'),
    drawn.list,
    suggestionsOf(drawn, a, host),
  ].filter((e): e is HTMLElement => e !== null);
  // Only the parts around the list are replaced; the list element itself stays where it is.
  reconcileChildren(element, parts);
}

/** The panel's element, drawn at most once a frame however many changes come in it. */
export class RelationPanelView {
  readonly element = h('div', { class: 'relation-panel', 'data-testid': 'relation-panel' });
  readonly schedule = onceAFrame(() => {
    const started = performance.now();
    renderRelationPanel(this.element, this.host);
    timed('relation-panel', started); // npm run bench reads it
  });

  constructor(private readonly host: RelationPanelHost) {}
}
