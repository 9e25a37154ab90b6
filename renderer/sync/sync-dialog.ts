// The "Sync" dialog: where to sync (server, database, user, password), who
// this profile annotates as, the state in words, the conflicts with each
// current revision and a "Keep this" button, and remote records that were
// left out. The password field is write-only: main never sends it back, so
// the field says only whether one is kept.
import type { SyncRecord } from '../../core/sync/couch-records';
import type {
  ConflictRevision,
  SyncConfigureInput,
  SyncConfigureResult,
  SyncConflict,
  SyncSettingsView,
} from '../../core/sync/sync-shapes';
import { clear, h } from '../dom';
import type { AgentView } from './agent';
import { describeView } from './sync-badge';
import './sync.css';

export interface SyncDialogActions {
  settings(): Promise<SyncSettingsView>;
  configure(input: SyncConfigureInput): Promise<SyncConfigureResult>;
  conflicts(): Promise<SyncConflict[]>;
  resolve(id: string, rev: string): Promise<void>;
  annotator(): Promise<string>;
  view(): AgentView | undefined;
}

/** A revision in words: what a researcher needs to choose between two. */
export function revisionWords(record: SyncRecord | null): string {
  if (!record) return 'deleted';
  switch (record.type) {
    case 'span':
      return `${record.label} “${record.text}” at ${record.start}–${record.end}${record.note ? `, note “${record.note}”` : ''}`;
    case 'label':
      return `label ${record.name}, colour ${record.color}${record.key ? `, key ${record.key}` : ''}`;
    case 'state':
      return `marked ${record.status.replace('_', ' ')}`;
    case 'relation':
      return `${record.label} from ${record.head} to ${record.child}`;
    case 'document':
      return `document ${record.name}`;
  }
}

function field(label: string, input: HTMLInputElement, hint?: string): HTMLElement {
  return h('label', { class: 'sync-field' }, h('span', {}, label), input, hint ? h('small', {}, hint) : '');
}

export function openSyncDialog(actions: SyncDialogActions): HTMLDialogElement {
  const url = h('input', { type: 'url', placeholder: 'http://127.0.0.1:5984', 'data-testid': 'sync-url' });
  const database = h('input', { type: 'text', placeholder: 'corpus', 'data-testid': 'sync-database' });
  const username = h('input', { type: 'text', autocomplete: 'off', 'data-testid': 'sync-username' });
  const password = h('input', { type: 'password', autocomplete: 'new-password', 'data-testid': 'sync-password' });
  const enabled = h('input', { type: 'checkbox', 'data-testid': 'sync-enabled' });
  const message = h('p', { class: 'sync-message', role: 'status', 'data-testid': 'sync-message' });
  const who = h('p', { class: 'hint', 'data-testid': 'sync-annotator' });
  const conflictsHost = h('div', { class: 'sync-conflicts', 'data-testid': 'sync-conflicts' });
  const say = (m: string) => void (message.textContent = m);
  let keptPassword = false;

  const showState = () => {
    const view = actions.view();
    if (view) say(describeView(view).text + (view.status.message ? ` — ${view.status.message}` : ''));
  };
  const renderConflicts = async () => {
    const all = await actions.conflicts();
    clear(conflictsHost);
    if (all.length === 0) return void conflictsHost.append(h('p', { class: 'hint' }, 'No conflicts.'));
    conflictsHost.append(h('h3', {}, all.length === 1 ? '1 conflict' : `${all.length} conflicts`));
    for (const conflict of all) {
      const choice = (rev: ConflictRevision, shown: boolean) =>
        h(
          'li',
          { 'data-testid': 'sync-revision', 'data-rev': rev.rev },
          h('span', {}, revisionWords(rev.record), shown ? h('em', {}, ' (shown now)') : ''),
          h(
            'button',
            {
              type: 'button',
              'data-testid': 'sync-keep',
              onclick: async () => {
                await actions.resolve(conflict.id, rev.rev).catch((e: Error) => say(e.message));
                await renderConflicts();
              },
            },
            'Keep this',
          ),
        );
      conflictsHost.append(
        h(
          'div',
          { class: 'sync-conflict', 'data-testid': 'sync-conflict', 'data-id': conflict.id },
          h('div', { class: 'sync-conflict-id' }, conflict.id),
          h('ul', {}, choice(conflict.winner, true), ...conflict.losers.map((l) => choice(l, false))),
        ),
      );
    }
  };

  const save = h('button', { type: 'submit', class: 'primary', 'data-testid': 'sync-save' }, 'Save');
  const form = h(
    'form',
    { method: 'dialog', class: 'sync-form' },
    field('Server', url, 'A CouchDB 3 server (or any that speaks its replication protocol).'),
    field('Database', database),
    field('User name', username),
    field('Password', password),
    h('label', { class: 'sync-check' }, enabled, ' Sync with this server'),
    h(
      'div',
      { class: 'dialog-actions' },
      save,
      h('button', { type: 'button', onclick: () => dialog.close() }, 'Close'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save.disabled = true;
    const input: SyncConfigureInput = {
      url: url.value,
      database: database.value,
      username: username.value,
      enabled: enabled.checked,
      ...(password.value ? { password: password.value } : {}),
    };
    void actions
      .configure(input)
      .then((result) => {
        password.value = '';
        if (!result.ok) return say(`Not saved: ${result.message}`);
        keptPassword = result.settings.hasPassword;
        password.placeholder = keptPassword ? 'kept (encrypted); type to change' : '';
        say(result.settings.enabled ? 'Saved. Sync starts now.' : 'Saved. Sync is off.');
      })
      .catch((e: Error) => say(`Not saved: ${e.message}`))
      .finally(() => (save.disabled = false));
  });

  const dialog = h(
    'dialog',
    { class: 'sync-dialog', 'data-testid': 'sync-dialog' },
    h('h2', {}, 'Sync'),
    who,
    form,
    message,
    conflictsHost,
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  void actions.settings().then((s) => {
    url.value = s.url;
    database.value = s.database;
    username.value = s.username;
    enabled.checked = s.enabled;
    keptPassword = s.hasPassword;
    password.placeholder = s.hasPassword
      ? 'kept (encrypted); type to change'
      : s.canKeepPassword
        ? ''
        : 'cannot be kept on this system';
    showState();
  });
  void actions
    .annotator()
    .then(
      (name) =>
        (who.textContent = `You annotate as ${name}. Your spans are yours alone on the server; others’ come in as their layers.`),
    );
  void renderConflicts().catch((e: Error) => say(e.message));
  dialog.showModal();
  return dialog;
}
