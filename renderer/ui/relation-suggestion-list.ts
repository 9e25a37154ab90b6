// Relations the rules suggest, under the relation list: each as head text,
// label, child text, with ✓ (make it) and × (not this one); "Accept all"
// makes every one in one undo step. The first SHOWN are listed (reading
// order); the count says how many there are.
import type { RelationLabel } from '../../core/model';
import type { RelationSuggestion } from '../../core/relations/suggest-relations';
import type { Annotator } from '../annotate/annotator';
import { acceptSuggestedRelations, dismissSuggestedRelations } from '../annotate/relation-suggestion-commands';
import { h } from '../dom';

/** A relation label as a chip in its colour (the panel's choices and the suggested relations). */
export function relationChip(label: RelationLabel | undefined, text: string): HTMLElement {
  const el = h('span', { class: 'chip relation-chip' }, text);
  el.style.setProperty('--c', label?.color ?? '#6b7280');
  return el;
}

/** More than this many are counted but not listed: the panel is rebuilt on every change. */
const SHOWN = 25;

function item(a: Annotator, r: RelationSuggestion, label: RelationLabel | undefined, jump: (id: string) => void) {
  const button = (text: string, title: string, act: () => void) =>
    h(
      'button',
      {
        type: 'button',
        class: 'ghost relation-suggestion-act',
        title,
        'aria-label': title,
        onclick: (e: Event) => {
          e.stopPropagation();
          act();
        },
      },
      text,
    );
  return h(
    'li',
    {
      class: 'relation-suggested',
      'data-suggested-relation': r.key,
      title: `suggested by rule (${Math.round(r.score * 100)}%)`,
      onclick: () => {
        a.select(r.head);
        jump(r.head);
      },
    },
    h('span', { class: 'relation-head' }, a.span(r.head)?.text ?? ''),
    relationChip(label, `${r.label}?`),
    h('span', { class: 'relation-child' }, a.span(r.child)?.text ?? ''),
    h(
      'span',
      { class: 'relation-suggestion-acts' },
      button('✓', 'Make this relation', () => a.run(acceptSuggestedRelations([r.key]))),
      button('×', 'Not this relation', () => a.run(dismissSuggestedRelations([r.key]))),
    ),
  );
}

/** The suggested relations of `a`'s document, or null when there are none. */
export function relationSuggestionList(a: Annotator, jump: (id: string) => void): HTMLElement | null {
  const suggested = a.suggestedRelations;
  if (suggested.length === 0) return null;
  const labels = new Map(a.relationLabels.map((l) => [l.name, l]));
  const more = suggested.length - SHOWN;
  return h(
    'section',
    { class: 'relation-suggestions', 'data-testid': 'relation-suggestions' },
    h(
      'div',
      { class: 'relation-suggestions-head' },
      h('h4', {}, `Suggested relations (${suggested.length})`),
      h(
        'button',
        {
          type: 'button',
          class: 'ghost',
          'data-testid': 'accept-all-relations',
          onclick: () => a.run(acceptSuggestedRelations()),
        },
        'Accept all',
      ),
    ),
    h('ul', { class: 'relation-list' }, ...suggested.slice(0, SHOWN).map((r) => item(a, r, labels.get(r.label), jump))),
    more > 0 ? h('p', { class: 'hint' }, `and ${more} more; accepting or dismissing brings them up`) : null,
  );
}
