// The export dialog: what to export (whole corpus, this document, documents
// with a status), in which format, then a progress bar while it streams and
// a one-line result. Cancel aborts: the chosen file is then left untouched.
import { DOC_STATUSES, type DocStatus } from '../../core/model';
import type { LayerChoice } from '../../core/teams/layers';
import type { StatusCounts } from '../db/corpus-query';
import { h } from '../dom';
import type { ExportLayer, ExportScope } from '../io/export-source';
import type { ExportOutcome, ExportProgress, ExportRequest } from '../io/exporter';
import { suggestedFileName } from '../io/exporter';
import { STATUS_LABEL } from './document-list';
import { chosenFormat, formatFieldset } from './export-formats';
import { radio } from './io-choice';
import { count, formatBytes, IoProgress } from './io-progress';

/** The layers an export may hold, when there is more than one annotator or an adjudicated layer. */
export interface ExportLayerOptions {
  local: string;
  /** Other annotators with spans here. */
  others: readonly string[];
  curationExists: boolean;
}

export interface ExportDialogHost {
  counts: StatusCounts;
  current?: { id: string; name: string };
  layers?: ExportLayerOptions;
  run(request: ExportRequest, onProgress: (p: ExportProgress) => void, signal: AbortSignal): Promise<ExportOutcome>;
  said(message: string): void;
}

function statusSelect(counts: StatusCounts): HTMLSelectElement {
  const select = h('select', { class: 'io-status-select', 'data-testid': 'export-status', 'aria-label': 'Status' });
  for (const status of DOC_STATUSES)
    select.append(
      h('option', { value: status }, `${STATUS_LABEL[status]} (${counts[status].toLocaleString('en-US')})`),
    );
  select.value = counts.done > 0 ? 'done' : 'in_progress';
  return select;
}

const picked = (form: HTMLElement, group: string): string =>
  (form.querySelector(`input[name="${group}"]:checked`) as HTMLInputElement | null)?.value ?? '';

function scopeOf(form: HTMLElement, select: HTMLSelectElement, current?: { id: string }): ExportScope {
  const kind = picked(form, 'scope');
  if (kind === 'document' && current) return { kind: 'document', id: current.id };
  if (kind === 'status') return { kind: 'status', status: select.value as DocStatus };
  return { kind: 'all' };
}

/** Which layer: the adjudicated one (the default for training data, when it exists), one annotator's, or all. */
function layerFieldset(options: ExportLayerOptions): HTMLFieldSetElement {
  const { local, others, curationExists } = options;
  return h(
    'fieldset',
    { class: 'io-fieldset' },
    h('legend', {}, 'Annotators'),
    radio(
      'layer',
      'curation',
      curationExists,
      'Adjudicated layer',
      curationExists
        ? 'The gold spans decided in the curation view, for the documents adjudicated so far: training data'
        : 'Nothing adjudicated yet',
      !curationExists,
    ),
    radio('layer', 'mine', !curationExists, `My layer (${local})`, 'Only the spans you made'),
    ...others.map((name) =>
      radio('layer', `annotator:${name}`, false, `${name}'s layer`, `Only the spans ${name} made`),
    ),
    radio(
      'layer',
      'all',
      false,
      'All layers',
      'Every annotator’s spans, each with an "annotator" field (Prodigy shape)',
    ),
  );
}

function layerOf(form: HTMLElement | undefined, options: ExportLayerOptions | undefined): ExportLayer | undefined {
  if (!form || !options) return undefined;
  const value = picked(form, 'layer');
  const choice: LayerChoice = value.startsWith('annotator:')
    ? { kind: 'annotator', name: value.slice('annotator:'.length) }
    : value === 'curation'
      ? { kind: 'curation' }
      : value === 'all'
        ? { kind: 'all' }
        : { kind: 'mine' };
  return { choice, local: options.local };
}

/** What the chosen format could not hold, said under the result (it was left out of those files, not lost here). */
function problemList(notes: readonly string[]): HTMLElement {
  const shown = notes.slice(0, 20);
  return h(
    'details',
    { class: 'io-export-notes', 'data-testid': 'export-notes', open: true },
    h('summary', {}, `${count(notes.length, 'thing')} this format cannot hold (the corpus keeps them):`),
    h('ul', {}, ...shown.map((n) => h('li', {}, n))),
    notes.length > shown.length ? h('p', {}, `… and ${notes.length - shown.length} more`) : null,
  );
}

export function openExportDialog(host: ExportDialogHost): HTMLDialogElement {
  const layers = host.layers ? layerFieldset(host.layers) : undefined;
  const select = statusSelect(host.counts);
  const scope = h(
    'fieldset',
    { class: 'io-fieldset' },
    h('legend', {}, 'Documents'),
    radio('scope', 'all', true, 'Whole corpus', count(host.counts.total, 'document')),
    radio('scope', 'document', false, 'This document', host.current?.name ?? 'No document is open', !host.current),
    radio('scope', 'status', false, 'Documents marked ', 'Only documents with this status', false, select),
  );
  select.addEventListener(
    'change',
    () => ((scope.querySelector('input[value="status"]') as HTMLInputElement).checked = true),
  );
  const format = formatFieldset();
  const progress = new IoProgress('export-progress');
  progress.element.hidden = true;
  const result = h('p', { class: 'io-result', role: 'status', 'data-testid': 'export-result' });
  const cancel = h('button', { type: 'button', 'data-testid': 'export-cancel' }, 'Cancel');
  const go = h('button', { type: 'button', class: 'primary', 'data-testid': 'export-go' }, 'Export…');
  const dialog = h(
    'dialog',
    { class: 'io-dialog', 'data-testid': 'export-dialog', 'aria-labelledby': 'export-title' },
    h('h2', { id: 'export-title' }, 'Export annotations'),
    h(
      'p',
      { class: 'hint' },
      'Offsets count code points in every format, so in Python text[start:end] is the span. Projected spans not yet accepted are left out.',
    ),
    scope,
    layers ?? null,
    format,
    progress.element,
    result,
    h('div', { class: 'dialog-actions' }, cancel, go),
  );
  let running: AbortController | undefined;
  cancel.addEventListener('click', () => (running ? running.abort() : dialog.close()));
  go.addEventListener('click', () => {
    if (go.dataset.done) return dialog.close();
    running = new AbortController();
    void start(running.signal);
  });
  dialog.addEventListener('cancel', (e) => running && e.preventDefault()); // Escape must not hide a running export
  dialog.addEventListener('close', () => dialog.remove());

  async function start(signal: AbortSignal): Promise<void> {
    const chosen = chosenFormat(format);
    const request: ExportRequest = { scope: scopeOf(scope, select, host.current), ...chosen, suggestedName: '' };
    const layer = layerOf(layers, host.layers);
    if (layer) request.layer = layer;
    request.suggestedName = suggestedFileName(request.scope, chosen.target ?? chosen.format);
    setRunning(true);
    result.textContent = 'Choose where to save…';
    try {
      const outcome = await host.run(request, (p) => showProgress(p), signal);
      finish(outcome);
    } catch (error) {
      result.classList.add('error');
      result.textContent = `The export failed and nothing was written: ${error instanceof Error ? error.message : String(error)}`;
      setRunning(false);
    }
  }

  function showProgress(p: ExportProgress): void {
    progress.element.hidden = false;
    result.textContent = `Writing ${p.path}`;
    progress.show(
      p.total === 0 ? 1 : p.done / p.total,
      `${p.done.toLocaleString('en-US')} of ${count(p.total, 'document')} · ${formatBytes(p.bytes)}`,
    );
  }

  function finish(outcome: ExportOutcome): void {
    running = undefined;
    if (outcome.kind === 'cancelled') {
      setRunning(false);
      progress.element.hidden = true;
      result.textContent = 'Export cancelled; no file was written.';
      return;
    }
    const s = outcome.summary;
    const files = s.files === undefined ? '' : `, ${count(s.files, 'file')}`;
    const message = `Exported ${count(s.documents, 'document')} with ${count(s.spans, 'span')} (${formatBytes(s.bytes)}${files}) to ${s.path}`;
    const notes = s.problems ?? [];
    result.textContent = message;
    if (notes.length > 0) result.append(problemList(notes));
    host.said(message);
    cancel.hidden = true;
    go.disabled = false;
    go.dataset.done = 'true';
    go.textContent = 'Close';
    go.focus();
  }

  function setRunning(on: boolean): void {
    scope.disabled = on;
    format.disabled = on;
    if (layers) layers.disabled = on;
    go.disabled = on;
    result.classList.remove('error');
  }

  document.body.append(dialog);
  dialog.showModal();
  go.focus();
  return dialog;
}
