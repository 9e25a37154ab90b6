// The label bar: one button a label (colour, name, key), the snapping toggle
// and the way into the label editor. Clicking a label tags the selection.
import type { Label } from '../../core/model';
import type { SnapMode } from '../../core/spans/snap';
import { clear, h } from '../dom';

export interface LabelBarActions {
  tag(label: Label): void;
  toggleSnap(): void;
  editLabels(): void;
}

function labelButton(label: Label, onClick: () => void): HTMLElement {
  const swatch = h('span', { class: 'swatch' });
  swatch.style.setProperty('--c', label.color);
  return h(
    'button',
    {
      class: 'label-button',
      type: 'button',
      'data-label': label.name,
      title: `Tag the selection as ${label.name}${label.key ? ` (key ${label.key})` : ''}`,
      onclick: onClick,
      onmousedown: (e: Event) => e.preventDefault(),
    },
    swatch,
    h('span', { class: 'label-name' }, label.name),
    label.key ? h('kbd', {}, label.key) : null,
  );
}

export function renderLabelBar(
  host: HTMLElement,
  labels: readonly Label[],
  snap: SnapMode,
  actions: LabelBarActions,
): void {
  clear(host);
  const keep = (e: Event) => e.preventDefault(); // keep the text selection when a toolbar button is pressed
  host.append(
    h(
      'div',
      { class: 'label-buttons', role: 'toolbar', 'aria-label': 'Labels' },
      ...labels.map((l) => labelButton(l, () => actions.tag(l))),
    ),
    h(
      'div',
      { class: 'toolbar-right' },
      h(
        'button',
        {
          class: 'ghost',
          type: 'button',
          'data-testid': 'snap-toggle',
          title: 'Snap selections to whole words or keep exact characters (key W)',
          onclick: actions.toggleSnap,
          onmousedown: keep,
        },
        snap === 'word' ? 'Snap: words' : 'Snap: exact',
      ),
      h(
        'button',
        {
          class: 'ghost',
          type: 'button',
          'data-testid': 'edit-labels',
          onclick: actions.editLabels,
          onmousedown: keep,
        },
        'Edit labels…',
      ),
    ),
  );
}
