// Editing a document's categories in its header: the chips and an "Edit"
// button; the button turns into one text field (categories separated by
// commas). Enter saves, Escape leaves it as it was. Labels are limited as
// span labels are (core/limits.ts).
import { LIMITS, withinLimit } from '../../core/limits';
import { h } from '../dom';
import { categoryChips } from './category-chips';

/** Categories typed as "a, b, c": trimmed, once each, each within the label limit. */
export function parseCategories(typed: string): string[] {
  return [...new Set(typed.split(',').map((c) => c.trim()))].filter((c) => c !== '' && withinLimit(c, LIMITS.label));
}

export function categoryEditor(
  categories: readonly string[] | undefined,
  save: (categories: string[]) => Promise<void>,
): HTMLElement {
  const row = h('div', { class: 'doc-category-row' });
  const show = () => {
    row.replaceChildren(
      ...[categoryChips(categories, 'doc-categories')].filter((e): e is HTMLElement => e !== null),
      h(
        'button',
        {
          type: 'button',
          class: 'ghost category-edit',
          'data-testid': 'category-edit',
          title: 'Document-level labels (text classification), separated by commas',
          onclick: edit,
        },
        categories?.length ? 'Edit' : '+ categories',
      ),
    );
  };
  const edit = () => {
    const input = h('input', {
      type: 'text',
      class: 'category-input',
      'data-testid': 'category-input',
      'aria-label': 'Categories, separated by commas',
      placeholder: 'positive, sports, …',
      value: (categories ?? []).join(', '),
    });
    input.addEventListener('keydown', (e) => {
      e.stopPropagation(); // typing a digit here must not tag a span
      if (e.key === 'Escape') show();
      if (e.key === 'Enter') void save(parseCategories(input.value));
    });
    row.replaceChildren(input, h('span', { class: 'hint' }, 'Enter saves, Esc cancels'));
    input.focus();
  };
  show();
  return row;
}
