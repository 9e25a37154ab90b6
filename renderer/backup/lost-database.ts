// The screen for a start that found this profile's database empty although
// main's profile marker says it held data (core/profile-marker.ts): the
// browser engine dropped or replaced the database. Nothing is loaded into it
// until the user chooses: restore a backup (newest first, each with its
// counts), or begin again with the seed corpus. The dialog cannot be
// dismissed without a choice; a start that leaves it open asks again.
import type { BackupInfo } from '../../core/backup-shapes';
import { clear, h } from '../dom';
import './backups.css';

export interface LostDatabaseActions {
  /** When the profile first held data (ms), if known. */
  heldDataSince: number | undefined;
  /** The sync server this profile replicates with, when sync is on: what it sent comes back from there. */
  syncedWith?: string;
  list(): Promise<BackupInfo[]>;
  /** Restores one snapshot; returns a sentence saying what came back. */
  restore(id: string, progress: (documents: number) => void): Promise<string>;
  startWithSeeds(): Promise<void>;
}

const when = (time: number) => new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const count = (n: number, one: string) => `${n.toLocaleString()} ${one}${n === 1 ? '' : 's'}`;

/** Shows the dialog; resolves with what the user chose once it is done (the dialog then closes). */
export function openLostDatabaseDialog(actions: LostDatabaseActions): Promise<string> {
  return new Promise((resolve) => {
    const rows = h('tbody');
    const message = h('p', { class: 'backup-message', role: 'status', 'data-testid': 'lost-database-message' });
    const say = (m: string) => (message.textContent = m);
    const since = actions.heldDataSince ? ` since ${when(actions.heldDataSince)}` : '';
    const choose = async (work: () => Promise<string>) => {
      for (const b of dialog.querySelectorAll('button')) b.disabled = true;
      try {
        const done = await work();
        dialog.close();
        resolve(done);
      } catch (error) {
        say(`Failed: ${error instanceof Error ? error.message : String(error)}. Nothing was removed; try again.`);
        for (const b of dialog.querySelectorAll('button')) b.disabled = false;
      }
    };
    const restore = (info: BackupInfo) =>
      void choose(async () => {
        say('Restoring…');
        return actions.restore(info.id, (n) => say(`Restoring… ${count(n, 'document')} read`));
      });
    const seeds = h(
      'button',
      {
        type: 'button',
        'data-testid': 'lost-database-seeds',
        onclick: () =>
          void choose(async () => {
            await actions.startWithSeeds();
            return 'Began again with the seed corpus.';
          }),
      },
      'Begin again with the seed corpus',
    );
    const dialog = h(
      'dialog',
      { class: 'backups-dialog lost-database', 'data-testid': 'lost-database', role: 'alertdialog' },
      h('h2', {}, 'This profile’s database was found empty'),
      h(
        'p',
        {},
        `The workbench has kept a corpus in this profile${since}, but at this start its database held nothing. ` +
          'The browser engine the app runs on may discard a database it finds damaged after a crash or a power cut. ' +
          'Nothing has been loaded into it yet.',
      ),
      actions.syncedWith
        ? h(
            'p',
            { 'data-testid': 'lost-database-sync' },
            `This profile syncs with ${actions.syncedWith}: what it had sent comes back from there as sync runs, beside any backup you restore.`,
          )
        : null,
      h('p', { class: 'hint' }, 'Restore a backup (the newest comes first), or begin again:'),
      h(
        'table',
        { class: 'backups-table' },
        h('thead', {}, h('tr', {}, ...['Taken', 'Documents', 'Spans', ''].map((t) => h('th', {}, t)))),
        rows,
      ),
      message,
      h('div', { class: 'dialog-actions' }, seeds),
    );
    // Escape would close a modal dialog without a choice: the choice is the point.
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
    void actions.list().then(
      (all) => {
        clear(rows);
        if (all.length === 0)
          rows.append(
            h('tr', {}, h('td', { class: 'backups-empty', colspan: 4 }, 'No backup of this profile was found.')),
          );
        all.forEach((info, k) =>
          rows.append(
            h(
              'tr',
              { 'data-testid': 'lost-database-backup', 'data-backup-id': info.id },
              h('td', {}, when(info.createdAt), k === 0 ? h('span', { class: 'hint' }, ' (newest)') : ''),
              h('td', { class: 'num' }, count(info.documents, 'document')),
              h('td', { class: 'num' }, count(info.spans, 'span')),
              h(
                'td',
                {},
                h(
                  'button',
                  { type: 'button', class: k === 0 ? 'primary' : '', onclick: () => restore(info) },
                  'Restore',
                ),
              ),
            ),
          ),
        );
        (rows.querySelector('button') ?? seeds).focus();
      },
      (error: Error) => say(`The backups could not be listed: ${error.message}`),
    );
  });
}
