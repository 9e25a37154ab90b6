// A label's name as a chip in its colour (styles.css .chip), as the side panel shows it.
import { h } from '../dom';
import { FALLBACK_COLOR } from '../editor/span-decorations';

export function labelChip(label: string, color: string = FALLBACK_COLOR): HTMLElement {
  const el = h('span', { class: 'chip' }, label);
  el.style.setProperty('--c', color);
  return el;
}
