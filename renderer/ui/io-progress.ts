// The progress bar the import and export dialogs share: determinate when the
// amount of work is known, a calm moving stripe when it is not (one big file).
import { h } from '../dom';

export class IoProgress {
  readonly element: HTMLElement;
  private readonly fill = h('span', { class: 'io-bar-fill' });
  private readonly text = h('span', { class: 'io-progress-text', 'data-testid': 'io-progress-text' });
  private readonly bar = h(
    'div',
    { class: 'io-bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100 },
    this.fill,
  );

  constructor(testId: string) {
    this.element = h('div', { class: 'io-progress', 'data-testid': testId }, this.bar, this.text);
  }

  /** `fraction` in 0..1, or undefined when the total is unknown. */
  show(fraction: number | undefined, text: string): void {
    this.bar.classList.toggle('indeterminate', fraction === undefined);
    const pct = fraction === undefined ? undefined : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
    this.fill.style.width = pct === undefined ? '' : `${pct}%`;
    if (pct === undefined) this.bar.removeAttribute('aria-valuenow');
    else this.bar.setAttribute('aria-valuenow', String(pct));
    this.text.textContent = text;
  }
}

export const count = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
