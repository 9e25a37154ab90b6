// Who is annotating: asked once, at first start, in a small card that does
// not block the screen (a researcher may look around first), and again from
// the name button in the top bar. The name is kept in the settings table
// (key annotatorName) and travels on every span made here.
import { annotatorNameProblem } from '../../../core/teams/layers';
import { h } from '../../dom';

export function openNameCard(
  row: HTMLElement,
  current: string | undefined,
  save: (name: string) => Promise<void>,
  known: readonly string[] = [],
): HTMLElement {
  const input = h('input', {
    type: 'text',
    'data-testid': 'annotator-name-input',
    'aria-label': 'Your name as an annotator',
    placeholder: 'e.g. ann',
    list: 'annotator-names',
    maxlength: 200,
    value: current ?? '',
  });
  const problem = h('p', { class: 'name-problem', role: 'alert' });
  const ok = h('button', { type: 'button', class: 'primary', 'data-testid': 'annotator-name-save' }, 'Save');
  const later = h('button', { type: 'button', class: 'ghost' }, current ? 'Cancel' : 'Later');
  const card = h(
    'div',
    { class: 'name-card', role: 'dialog', 'aria-label': 'Annotator name', 'data-testid': 'annotator-name-card' },
    h('strong', {}, current ? 'Change your annotator name' : 'Who is annotating?'),
    h(
      'span',
      {
        class: 'hint name-hint',
        title:
          'Every span you make carries your name, so your layer stays yours when colleagues’ work is imported for agreement and adjudication.',
      },
      current ? 'Your spans follow the new name.' : 'It goes on every span you make.',
    ),
    input,
    h('datalist', { id: 'annotator-names' }, ...known.map((n) => h('option', { value: n }))),
    problem,
    h('div', { class: 'dialog-actions' }, later, ok),
  );
  const submit = async () => {
    const message = annotatorNameProblem(input.value);
    problem.textContent = message ?? '';
    if (message) return;
    ok.disabled = true;
    try {
      await save(input.value.trim());
      card.remove();
    } catch (error) {
      problem.textContent = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
      ok.disabled = false;
    }
  };
  ok.addEventListener('click', () => void submit());
  input.addEventListener('keydown', (e) => {
    e.stopPropagation(); // typing a name is not a label key
    if (e.key === 'Enter') void submit();
    if (e.key === 'Escape') card.remove();
  });
  later.addEventListener('click', () => card.remove());
  document.querySelector('[data-testid="annotator-name-card"]')?.remove();
  row.append(card);
  return card;
}
