// The top bar's sync state, in words: "Sync off", "Syncing…", "Up to date",
// "3 changes waiting", "Offline · 3 changes waiting", or the error itself;
// then "1 conflict" when there is one. A click opens the sync dialog. The
// body's data attributes let tests wait for a state.
import { h } from '../dom';
import type { AgentView } from './agent';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function describeView(view: AgentView): {
  text: string;
  title: string;
  tone: 'quiet' | 'busy' | 'warn' | 'error';
} {
  const { status, outbox, failure } = view;
  const waiting = status.waiting + outbox;
  const conflicts = status.conflicts > 0 ? ` · ${plural(status.conflicts, 'conflict')}` : '';
  const waitingWords = waiting > 0 ? plural(waiting, 'change') + ' waiting' : '';
  if (failure) return { text: `Sync error: ${failure}`, title: failure, tone: 'error' };
  switch (status.state) {
    case 'off':
      return { text: outbox > 0 ? `Sync off · ${waitingWords}` : 'Sync off', title: 'Set up sync…', tone: 'quiet' };
    case 'error':
      return {
        text: `Sync error: ${status.message ?? 'unknown'}${conflicts}`,
        title: status.message ?? '',
        tone: 'error',
      };
    case 'offline':
      return {
        text: `Offline${waitingWords ? ` · ${waitingWords}` : ''}${conflicts}`,
        title: status.message ?? 'The server cannot be reached; sync resumes by itself.',
        tone: 'warn',
      };
    default: {
      const text = waiting > 0 ? waitingWords : status.state === 'up-to-date' ? 'Up to date' : 'Syncing…';
      const tone = status.conflicts > 0 ? 'warn' : waiting > 0 || status.state !== 'up-to-date' ? 'busy' : 'quiet';
      return { text: `${text}${conflicts}`, title: status.server ? `Syncing with ${status.server}` : '', tone };
    }
  }
}

export class SyncBadge {
  readonly element = h(
    'button',
    { type: 'button', class: 'sync-state ghost', 'data-testid': 'sync-state' },
    'Sync off',
  );

  constructor(onClick: () => void) {
    this.element.addEventListener('click', onClick);
  }

  show(view: AgentView): void {
    const { text, title, tone } = describeView(view);
    this.element.textContent = text;
    this.element.title = title;
    this.element.dataset.tone = tone;
    document.body.dataset.syncState = view.failure ? 'error' : view.status.state;
    document.body.dataset.syncWaiting = String(view.status.waiting + view.outbox);
    document.body.dataset.syncConflicts = String(view.status.conflicts);
  }
}
