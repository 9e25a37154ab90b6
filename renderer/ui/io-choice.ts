// One choice of a radio group in the import and export dialogs: a title, a
// line of detail under it, and maybe a control beside the title.
import { h } from '../dom';

export function radio(
  group: string,
  value: string,
  checked: boolean,
  title: string,
  detail: string,
  disabled = false,
  extra?: Node,
): HTMLElement {
  const input = h('input', {
    type: 'radio',
    name: group,
    value,
    checked,
    disabled,
    'data-testid': `${group}-${value}`,
  });
  return h(
    'label',
    { class: `io-choice${disabled ? ' disabled' : ''}` },
    input,
    h(
      'span',
      { class: 'io-choice-body' },
      h('span', { class: 'io-choice-title' }, title, extra ?? null),
      h('span', { class: 'io-choice-detail' }, detail),
    ),
  );
}
