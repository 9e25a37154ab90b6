// The label editor: add, rename, recolour, rekey and delete labels. Deleting a
// label that spans use asks first and says how many spans go with it, and
// can be undone from the notice that follows. A refused edit (a name or key
// already taken) is said in plain words, never as a database error.
import type { Label } from '../../core/model';
import { clear, h } from '../dom';

export interface LabelEditorActions {
  add(name: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  update(name: string, patch: Partial<Pick<Label, 'color' | 'key'>>): Promise<void>;
  countUses(name: string): Promise<number>;
  /** Deletes the label and its spans; resolves to a function that undoes it (undefined if nothing was deleted). */
  remove(name: string): Promise<(() => Promise<void>) | undefined>;
}

/** What to tell the researcher about a failed edit: our own refusals as they are, anything else briefly. */
function messageOf(error: unknown): string {
  if (error instanceof Error && error.name === 'LabelError') return error.message;
  if (error instanceof Error && error.name === 'ConstraintError')
    return 'That name or key is already taken by another label.';
  return `The label could not be changed: ${error instanceof Error ? error.message : String(error)}`;
}

type Say = (message: string, undo?: () => Promise<void>) => void;

const NAME = /^[\p{L}\p{N}_\-. ]{1,40}$/u;

function row(label: Label, actions: LabelEditorActions, refresh: () => void, say: Say): HTMLElement {
  const name = h('input', { class: 'label-name-input', value: label.name, 'aria-label': `Name of ${label.name}` });
  name.addEventListener('change', () => {
    const to = name.value.trim();
    if (to === label.name) return;
    if (!NAME.test(to))
      return say(`“${to}” is not a usable label name (letters, digits, - _ . and spaces, at most 40).`);
    void actions.rename(label.name, to).then(refresh, (e: unknown) => {
      say(messageOf(e));
      refresh();
    });
  });
  const color = h('input', { type: 'color', value: label.color, 'aria-label': `Colour of ${label.name}` });
  color.addEventListener(
    'change',
    () => void actions.update(label.name, { color: color.value }).then(refresh, (e: unknown) => say(messageOf(e))),
  );
  const key = h('input', {
    class: 'label-key-input',
    value: label.key,
    maxlength: 1,
    'aria-label': `Key of ${label.name}`,
  });
  key.addEventListener(
    'change',
    () =>
      void actions.update(label.name, { key: key.value.trim() }).then(refresh, (e: unknown) => {
        say(messageOf(e));
        refresh();
      }),
  );
  const remove = h(
    'button',
    { type: 'button', class: 'danger', 'data-testid': `delete-label-${label.name}` },
    'Delete',
  );
  remove.addEventListener('click', () => void confirmDelete(label.name, remove, actions, refresh, say));
  return h('li', { class: 'label-row', 'data-label': label.name }, color, name, key, remove);
}

async function remove(
  name: string,
  uses: number,
  actions: LabelEditorActions,
  refresh: () => void,
  say: Say,
): Promise<void> {
  try {
    const undo = await actions.remove(name);
    refresh();
    const what = uses === 0 ? `Deleted “${name}”.` : `Deleted “${name}” and ${uses} span${uses === 1 ? '' : 's'}.`;
    say(
      what,
      undo &&
        (async () => {
          await undo();
          refresh();
          say(`Restored “${name}”${uses === 0 ? '' : ` and its ${uses} span${uses === 1 ? '' : 's'}`}.`);
        }),
    );
  } catch (error) {
    say(messageOf(error));
  }
}

async function confirmDelete(
  name: string,
  button: HTMLElement,
  actions: LabelEditorActions,
  refresh: () => void,
  say: Say,
): Promise<void> {
  const uses = await actions.countUses(name);
  if (uses === 0) return remove(name, 0, actions, refresh, say);
  const confirm = h(
    'div',
    { class: 'confirm', role: 'alertdialog', 'data-testid': 'confirm-delete' },
    h('span', {}, `Delete “${name}”? This removes ${uses} span${uses === 1 ? '' : 's'} that use it.`),
    h(
      'button',
      {
        type: 'button',
        class: 'danger',
        'data-testid': 'confirm-delete-yes',
        onclick: () => void remove(name, uses, actions, refresh, say),
      },
      `Delete label and ${uses} span${uses === 1 ? '' : 's'}`,
    ),
    h('button', { type: 'button', onclick: refresh }, 'Keep it'),
  );
  button.closest('li')?.after(confirm);
}

export function openLabelEditor(
  labels: () => Promise<Label[]>,
  actions: LabelEditorActions,
  /** More parts of the dialog, after the span labels (the relation labels). */
  sections: readonly HTMLElement[] = [],
): HTMLDialogElement {
  const list = h('ul', { class: 'label-rows' });
  const message = h('p', { class: 'editor-message', role: 'status', 'data-testid': 'label-editor-message' });
  const say: Say = (m, undo) => {
    clear(message);
    message.append(m);
    if (undo) {
      const button = h('button', { type: 'button', class: 'ghost', 'data-testid': 'undo-label-delete' }, 'Undo');
      button.addEventListener('click', () => void undo().catch((e: unknown) => say(messageOf(e))));
      message.append(' ', button);
    }
  };
  const refresh = () =>
    void labels().then((all) => {
      clear(list);
      list.append(...all.map((l) => row(l, actions, refresh, say)));
    });
  const newName = h('input', {
    placeholder: 'New label name',
    'data-testid': 'new-label-name',
    'aria-label': 'New label name',
  });
  const add = h('button', { type: 'button', 'data-testid': 'add-label' }, 'Add label');
  add.addEventListener('click', () => {
    const name = newName.value.trim();
    if (!NAME.test(name)) return say('Give the new label a name (letters, digits, - _ . and spaces, at most 40).');
    void actions.add(name).then(
      () => {
        newName.value = '';
        say('');
        refresh();
      },
      (e: unknown) => say(messageOf(e)),
    );
  });
  const dialog = h(
    'dialog',
    { class: 'label-editor', 'data-testid': 'label-editor' },
    h('h2', {}, 'Labels'),
    h('p', { class: 'hint' }, 'Colour, name and key of each label. Renaming changes every span that uses it.'),
    list,
    h('div', { class: 'add-row' }, newName, add),
    message,
    ...sections,
    h(
      'div',
      { class: 'dialog-actions' },
      h('button', { type: 'button', 'data-testid': 'close-labels', onclick: () => dialog.close() }, 'Done'),
    ),
  );
  // Each change has already reached the screen behind the editor (LabelController.live): closing only closes.
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  refresh();
  dialog.showModal();
  return dialog;
}
