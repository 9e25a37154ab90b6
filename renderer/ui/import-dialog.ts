// The import dialog: a progress bar with counts and a Cancel button while the
// batches come in, then the summary: what came in and every problem, each
// with its file and line, so a bad line can be found and fixed.
import type { InputProblem } from '../../core/model';
import { clear, h } from '../dom';
import type { ImportTally } from '../io/importer';
import { count, IoProgress } from './io-progress';

const baseName = (file: string): string => file.split(/[\\/]/).pop() || file;

function problemItem(p: InputProblem): HTMLElement {
  const where = `${baseName(p.file)}${p.line !== undefined ? `:${p.line}` : ''}`;
  return h(
    'li',
    { class: `io-problem ${p.severity}`, 'data-testid': 'import-problem' },
    h('span', { class: `io-severity ${p.severity}` }, p.severity),
    h('code', { class: 'io-where', title: p.file }, where),
    h('span', { class: 'io-message' }, p.message),
  );
}

function stat(label: string, value: number, testId: string): HTMLElement {
  return h(
    'div',
    { class: 'io-stat' },
    h('span', { class: 'io-stat-value', 'data-testid': testId }, value.toLocaleString('en-US')),
    h('span', { class: 'io-stat-label' }, label),
  );
}

function progressText(t: ImportTally): string {
  const files =
    t.filesTotal > 0 ? ` · ${t.filesDone.toLocaleString('en-US')} of ${count(t.filesTotal, 'file')} done` : '';
  return `${count(t.read, 'document')} read, ${t.added.toLocaleString('en-US')} new${files}`;
}

export class ImportDialog {
  readonly element: HTMLDialogElement;
  private readonly title = h('h2', { id: 'import-title' }, 'Importing…');
  private readonly body = h('div', { class: 'io-body' });
  private readonly progress = new IoProgress('import-progress');
  private readonly button = h('button', { type: 'button', 'data-testid': 'import-cancel' }, 'Cancel');
  private finished = false;

  constructor(
    private readonly onCancel: () => void,
    what: string,
  ) {
    this.body.append(h('p', { class: 'hint' }, what), this.progress.element);
    this.element = h(
      'dialog',
      { class: 'io-dialog', 'data-testid': 'import-dialog', 'aria-labelledby': 'import-title' },
      this.title,
      this.body,
      h('div', { class: 'dialog-actions' }, this.button),
    );
    this.button.addEventListener('click', () => (this.finished ? this.element.close() : this.cancel()));
    this.element.addEventListener('cancel', (e) => {
      if (!this.finished) {
        e.preventDefault();
        this.cancel();
      }
    });
    this.element.addEventListener('close', () => this.element.remove());
    this.progress.show(undefined, 'Reading…');
    document.body.append(this.element);
    this.element.showModal();
  }

  update(t: ImportTally): void {
    // Files tell how far a multi-file import is; one big file has no known length.
    const fraction = t.filesTotal > 1 ? t.filesDone / t.filesTotal : undefined;
    this.progress.show(fraction, progressText(t));
  }

  showSummary(t: ImportTally): void {
    this.finished = true;
    this.title.textContent = t.cancelled ? 'Import cancelled' : 'Import finished';
    clear(this.body);
    this.body.dataset.testid = 'import-summary';
    if (t.cancelled) this.body.append(h('p', { class: 'hint' }, 'Everything stored before you cancelled is kept.'));
    this.body.append(
      h(
        'div',
        { class: 'io-stats' },
        stat('documents added', t.added, 'import-added'),
        stat('already present', t.existing, 'import-existing'),
        stat('spans added', t.spansAdded, 'import-spans'),
        // Shown when a file brought any: what became of predictions and rejected answers is never left unsaid.
        ...(t.suggestionsAdded > 0 ? [stat('suggestions added', t.suggestionsAdded, 'import-suggestions')] : []),
        ...(t.rejectionsAdded > 0 ? [stat('rejections kept', t.rejectionsAdded, 'import-rejections')] : []),
        stat(t.filesTotal === 1 ? 'file' : 'files', t.filesTotal, 'import-files'),
      ),
      ...this.labelsBlock(t),
      this.problemsBlock(t),
    );
    this.button.textContent = 'Close';
    this.button.classList.add('primary');
    this.button.dataset.testid = 'import-close';
    this.button.focus();
  }

  /** Labels the import created: said, so a label the user did not make never appears unexplained. */
  private labelsBlock(t: ImportTally): HTMLElement[] {
    if (t.labelsAdded.length === 0) return [];
    return [
      h(
        'p',
        { class: 'io-labels-added', 'data-testid': 'import-labels-added' },
        `New ${t.labelsAdded.length === 1 ? 'label' : 'labels'} from the imported files: ${t.labelsAdded.join(', ')}. Each has its own colour in the label bar; rename or recolour it there.`,
      ),
    ];
  }

  private problemsBlock(t: ImportTally): HTMLElement {
    const total = t.problems.length + t.moreProblems;
    if (total === 0) return h('p', { class: 'io-clean' }, 'No problems: every line and file was read.');
    const errors = t.problems.filter((p) => p.severity === 'error').length;
    return h(
      'section',
      { class: 'io-problems' },
      h(
        'h3',
        {},
        `${count(total, 'problem')}`,
        h(
          'span',
          { class: 'hint' },
          ` · ${count(errors, 'error')} (not loaded), ${count(t.problems.length - errors, 'warning')} (loaded)`,
        ),
      ),
      h('ul', { class: 'io-problem-list' }, ...t.problems.map(problemItem)),
      t.moreProblems > 0
        ? h('p', { class: 'hint' }, `… and ${count(t.moreProblems, 'more problem')} not shown.`)
        : null,
    );
  }

  private cancel(): void {
    this.button.disabled = true;
    this.button.textContent = 'Cancelling…';
    this.onCancel();
  }
}
