// A document's categories (document-level labels: Prodigy textcat, spaCy
// cats, doccano classification, Label Studio choices) as small chips, shown
// in the document header and in the corpus list.
import { h } from '../dom';
import './categories.css';

export function categoryChips(categories: readonly string[] | undefined, className: string): HTMLElement | null {
  if (!categories?.length) return null;
  return h(
    'span',
    { class: `category-chips ${className}`, 'data-testid': className, title: `Categories: ${categories.join(', ')}` },
    ...categories.map((c) => h('span', { class: 'category-chip' }, c)),
  );
}
