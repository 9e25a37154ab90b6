// The "Backups…" dialog: the snapshots main keeps (newest first) with their
// counts, a Restore button on each, and "Back up now".
import type { BackupInfo } from '../../core/backup-shapes';
import { clear, h } from '../dom';
import './backups.css';

export interface BackupDialogActions {
  list(): Promise<BackupInfo[]>;
  backupNow(): Promise<void>;
  /** Restores one snapshot; returns a sentence saying what came back. */
  restore(id: string, progress: (documents: number) => void): Promise<string>;
}

const kib = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const when = (time: number) => new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function row(info: BackupInfo, onRestore: (id: string) => void): HTMLElement {
  return h(
    'tr',
    { 'data-testid': 'backup-row', 'data-backup-id': info.id },
    h('td', {}, when(info.createdAt)),
    h('td', { class: 'num' }, String(info.documents)),
    h('td', { class: 'num' }, String(info.spans)),
    h('td', { class: 'num' }, kib(info.bytes)),
    h(
      'td',
      {},
      h('button', { type: 'button', 'data-testid': 'restore-backup', onclick: () => onRestore(info.id) }, 'Restore'),
    ),
  );
}

export function openBackupsDialog(actions: BackupDialogActions): HTMLDialogElement {
  const body = h('tbody');
  const message = h('p', { class: 'backup-message', role: 'status', 'data-testid': 'backup-message' });
  const say = (m: string) => {
    message.textContent = m;
  };
  const buttons = () => [...dialog.querySelectorAll('button')];
  const busy = async (work: () => Promise<void>) => {
    for (const b of buttons()) b.disabled = true;
    try {
      await work();
    } catch (error) {
      say(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const b of buttons()) b.disabled = false;
  };
  const refresh = async () => {
    const all = await actions.list();
    clear(body);
    if (all.length === 0)
      body.append(
        h(
          'tr',
          {},
          h(
            'td',
            { class: 'backups-empty', colspan: 5 },
            'No backups yet: one is written a few seconds after you change something.',
          ),
        ),
      );
    body.append(
      ...all.map((info) =>
        row(
          info,
          (id) =>
            void busy(async () => {
              say('Restoring…');
              say(await actions.restore(id, (n) => say(`Restoring… ${n} documents read`)));
            }),
        ),
      ),
    );
  };
  const now = h(
    'button',
    {
      type: 'button',
      'data-testid': 'backup-now',
      onclick: () =>
        void busy(async () => {
          await actions.backupNow();
          await refresh();
          say('Backed up.');
        }),
    },
    'Back up now',
  );
  const dialog = h(
    'dialog',
    { class: 'backups-dialog', 'data-testid': 'backups-dialog' },
    h('h2', {}, 'Backups'),
    h(
      'p',
      { class: 'hint' },
      'The last five snapshots of the whole corpus, kept in the app’s data folder. Restoring adds back documents and spans that are missing; it removes nothing.',
    ),
    h(
      'table',
      { class: 'backups-table' },
      h('thead', {}, h('tr', {}, ...['Taken', 'Documents', 'Spans', 'Size', ''].map((t) => h('th', {}, t)))),
      body,
    ),
    message,
    h(
      'div',
      { class: 'dialog-actions' },
      now,
      h('button', { type: 'button', 'data-testid': 'close-backups', onclick: () => dialog.close() }, 'Close'),
    ),
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  void refresh().catch((e: Error) => say(e.message));
  dialog.showModal();
  return dialog;
}
