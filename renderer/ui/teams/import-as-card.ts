// "Import as…": whose layer an imported file's spans become when the file
// does not say (Prodigy's _annotator_id and a span's "annotator" always win).
import { annotatorNameProblem } from '../../../core/teams/layers';
import { h } from '../../dom';

export function openImportAsCard(
  row: HTMLElement,
  known: readonly string[],
  start: (name: string) => Promise<void>,
): HTMLElement {
  const input = h('input', {
    type: 'text',
    'data-testid': 'import-as-name',
    'aria-label': 'Annotator of the imported spans',
    placeholder: 'colleague’s name',
    list: 'import-as-names',
    maxlength: 200,
  });
  const problem = h('p', { class: 'name-problem', role: 'alert' });
  const go = h('button', { type: 'button', class: 'primary', 'data-testid': 'import-as-go' }, 'Choose files…');
  const cancel = h('button', { type: 'button', class: 'ghost' }, 'Cancel');
  const card = h(
    'div',
    { class: 'name-card', role: 'dialog', 'aria-label': 'Import as', 'data-testid': 'import-as-card' },
    h('strong', {}, 'Import as'),
    h(
      'span',
      {
        class: 'hint name-hint',
        title:
          'Spans that name no annotator in the file become this person’s layer. Files naming annotators (_annotator_id, a span’s "annotator") keep their names. Texts already here gain the layer; nothing is replaced.',
      },
      'Spans naming nobody become the layer of:',
    ),
    input,
    h('datalist', { id: 'import-as-names' }, ...known.map((n) => h('option', { value: n }))),
    problem,
    h('div', { class: 'dialog-actions' }, cancel, go),
  );
  const submit = () => {
    const message = annotatorNameProblem(input.value);
    problem.textContent = message ?? '';
    if (message) return;
    card.remove();
    void start(input.value.trim());
  };
  go.addEventListener('click', submit);
  cancel.addEventListener('click', () => card.remove());
  input.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Enter') submit();
    if (e.key === 'Escape') card.remove();
  });
  row.querySelector('[data-testid="import-as-card"]')?.remove();
  row.append(card);
  input.focus();
  return card;
}
