// The relation labels' part of the label editor: colour, name and key of each
// relation label, and which span labels it connects (head → child; empty
// means any span). A rule names only span labels that exist, so a typo is
// refused here rather than silently refusing every relation later. Deleting a
// relation label in use asks first, takes its relations, and can be undone
// from the notice that follows, as with span labels.
import type { Label, RelationLabel } from '../../core/model';
import { describeRelationLabel, parseEnds } from '../../core/relations/labels';
import { clear, h } from '../dom';

export interface RelationLabelEditorActions {
  list(): Promise<RelationLabel[]>;
  spanLabels(): Promise<Label[]>;
  add(name: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  update(name: string, patch: Partial<Pick<RelationLabel, 'color' | 'key' | 'heads' | 'children'>>): Promise<void>;
  countUses(name: string): Promise<number>;
  /** Deletes the label and its relations; resolves to a function that undoes it. */
  remove(name: string): Promise<(() => Promise<void>) | undefined>;
}

type Say = (message: string, undo?: () => Promise<void>) => void;

const NAME = /^[\p{L}\p{N}_\-.]{1,40}$/u;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function messageOf(error: unknown): string {
  if (error instanceof Error && error.name === 'LabelError') return error.message;
  return `The relation label could not be changed: ${error instanceof Error ? error.message : String(error)}`;
}

interface RowContext {
  actions: RelationLabelEditorActions;
  spanLabels: readonly string[];
  refresh: () => void;
  say: Say;
  /** For a change under way: its confirmation, kept back if anything was said since (a refusal typed after it). */
  confirmLater: () => Say;
}

function endsInput(label: RelationLabel, which: 'heads' | 'children', c: RowContext): HTMLInputElement {
  const input = h('input', {
    class: 'relation-ends-input',
    value: (label[which] ?? []).join(', '),
    placeholder: 'any span',
    list: 'relation-span-labels',
    'data-testid': `relation-${which}-${label.name}`,
    'aria-label': `${which === 'heads' ? 'Head' : 'Child'} span labels of ${label.name}`,
  });
  input.addEventListener('change', () => {
    const ends = parseEnds(input.value, c.spanLabels);
    if (typeof ends === 'string') return c.say(ends);
    const confirm = c.confirmLater();
    // The row stays as it is (no redraw): the researcher may already be typing in the next field.
    void c.actions.update(label.name, { [which]: ends }).then(
      () => {
        label[which] = ends;
        input.value = ends.join(', ');
        input.closest('li')?.setAttribute('title', describeRelationLabel(label));
        confirm(`“${label.name}” connects ${describeRelationLabel(label)}.`);
      },
      (e: unknown) => c.say(messageOf(e)),
    );
  });
  return input;
}

async function remove(name: string, c: RowContext): Promise<void> {
  try {
    const uses = await c.actions.countUses(name);
    const undo = await c.actions.remove(name);
    c.refresh();
    c.say(
      uses === 0 ? `Deleted “${name}”.` : `Deleted “${name}” and ${plural(uses, 'relation')}.`,
      undo &&
        (async () => {
          await undo();
          c.refresh();
          c.say(`Restored “${name}”.`);
        }),
    );
  } catch (error) {
    c.say(messageOf(error));
  }
}

async function confirmRemove(name: string, button: HTMLElement, c: RowContext): Promise<void> {
  const uses = await c.actions.countUses(name);
  if (uses === 0) return remove(name, c);
  button
    .closest('li')
    ?.after(
      h(
        'div',
        { class: 'confirm', role: 'alertdialog', 'data-testid': 'confirm-delete-relation-label' },
        h('span', {}, `Delete “${name}”? This removes ${plural(uses, 'relation')} that use it.`),
        h(
          'button',
          { type: 'button', class: 'danger', onclick: () => void remove(name, c) },
          `Delete label and ${plural(uses, 'relation')}`,
        ),
        h('button', { type: 'button', onclick: c.refresh }, 'Keep it'),
      ),
    );
}

function row(stored: RelationLabel, c: RowContext): HTMLElement {
  const { actions, refresh, say } = c;
  const label = { ...stored }; // kept in step with what this row saved
  const name = h('input', { class: 'label-name-input', value: label.name, 'aria-label': `Name of ${label.name}` });
  name.addEventListener('change', () => {
    const to = name.value.trim();
    if (to === label.name) return;
    if (!NAME.test(to)) return say(`“${to}” is not a usable relation label name (letters, digits, - _ ., at most 40).`);
    void actions.rename(label.name, to).then(refresh, (e: unknown) => (say(messageOf(e)), refresh()));
  });
  const color = h('input', { type: 'color', value: label.color, 'aria-label': `Colour of ${label.name}` });
  color.addEventListener(
    'change',
    () => void actions.update(label.name, { color: color.value }).catch((e: unknown) => say(messageOf(e))),
  );
  const key = h('input', {
    class: 'label-key-input',
    value: label.key,
    maxlength: 1,
    'aria-label': `Key of ${label.name} (after R)`,
  });
  key.addEventListener('change', () => {
    const confirm = c.confirmLater();
    void actions.update(label.name, { key: key.value }).then(
      () => ((key.value = key.value.trim().toLowerCase()), confirm('')),
      (e: unknown) => (say(messageOf(e)), refresh()),
    );
  });
  const del = h('button', { type: 'button', class: 'danger' }, 'Delete');
  del.addEventListener('click', () => void confirmRemove(label.name, del, c));
  return h(
    'li',
    { class: 'relation-label-row', 'data-relation-label': label.name, title: describeRelationLabel(label) },
    color,
    name,
    key,
    endsInput(label, 'heads', c),
    h('span', { class: 'relation-arrow', 'aria-hidden': 'true' }, '→'),
    endsInput(label, 'children', c),
    del,
  );
}

/** The section, filled at once and again after every change. */
export function relationLabelSection(actions: RelationLabelEditorActions): HTMLElement {
  const list = h('ul', { class: 'label-rows relation-label-rows', 'data-testid': 'relation-label-rows' });
  const message = h('p', { class: 'editor-message', role: 'status', 'data-testid': 'relation-label-message' });
  const options = h('datalist', { id: 'relation-span-labels' });
  let said = 0;
  const say: Say = (m, undo) => {
    said++;
    clear(message);
    message.append(m);
    if (!undo) return;
    const button = h('button', { type: 'button', class: 'ghost' }, 'Undo');
    button.addEventListener('click', () => void undo().catch((e: unknown) => say(messageOf(e))));
    message.append(' ', button);
  };
  const confirmLater = (): Say => {
    const at = said;
    return (m, undo) => void (said === at && say(m, undo));
  };
  const refresh = () =>
    void Promise.all([actions.list(), actions.spanLabels()]).then(([labels, spans]) => {
      const spanLabels = spans.map((l) => l.name);
      clear(options);
      options.append(...spanLabels.map((n) => h('option', { value: n })));
      clear(list);
      list.append(...labels.map((l) => row(l, { actions, spanLabels, refresh, say, confirmLater })));
    });
  const newName = h('input', { placeholder: 'New relation label', 'data-testid': 'new-relation-label-name' });
  const add = h('button', { type: 'button', 'data-testid': 'add-relation-label' }, 'Add relation label');
  add.addEventListener('click', () => {
    const name = newName.value.trim();
    if (!NAME.test(name)) return say('Give the new relation label a name (letters, digits, - _ ., at most 40).');
    void actions.add(name).then(
      () => ((newName.value = ''), say(''), refresh()),
      (e: unknown) => say(messageOf(e)),
    );
  });
  refresh();
  return h(
    'section',
    { class: 'relation-label-editor', 'data-testid': 'relation-label-editor' },
    h('h3', {}, 'Relation labels'),
    h(
      'p',
      { class: 'hint' },
      'Colour, name, key (pressed after R) and the span labels each connects, head → child; empty means any span.',
    ),
    list,
    options,
    h('div', { class: 'add-row' }, newName, add),
    message,
  );
}
