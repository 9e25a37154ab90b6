// Import and export, as the app offers them: the top-bar buttons, files
// dropped on the window, and the dialogs. The app hands itself in as IoHost;
// everything else (bridge calls, streaming, tallies) lives in renderer/io/.
import type { WorkbenchBridge } from '../../core/bridge';
import type { ImportKind } from '../../core/io-shapes';
import type { OffsetUnit } from '../../core/jsonl/span-check';
import type { DocumentRecord, IncomingDocument } from '../../core/model';
import { getBridge } from '../bridge';
import type { StatusCounts } from '../db/corpus-query';
import type { StoreResult } from '../db/documents-repo';
import type { WorkbenchDb } from '../db/schema';
import { h } from '../dom';
import { runExport } from '../io/exporter';
import { importDroppedFiles, newTally, runImportSession, type ImportStore, type ImportTally } from '../io/importer';
import { openExportDialog, type ExportLayerOptions } from './export-dialog';
import { ImportDialog } from './import-dialog';
import { count } from './io-progress';
import './import-offsets.css';

/** What the controller needs of the app (WorkbenchApp fits it). */
export interface IoHost {
  readonly db: WorkbenchDb;
  readonly corpus: { counts: StatusCounts; visible: readonly string[] };
  readonly active: { record?: DocumentRecord };
  readonly queue: { idle(): Promise<void> };
  /** Background work held while an import runs (the indexer, automatic backups), so none competes with it. */
  readonly importHolds: ReadonlyArray<{ hold(): () => void }>;
  importDocuments(docs: IncomingDocument[]): Promise<StoreResult>;
  refreshList(): Promise<void>;
  /** Re-reads the label set (an import created labels its spans use). */
  reloadLabels(): Promise<void>;
  openDocument(id: string): Promise<void>;
  say(message: string): void;
  /** The layers an export may choose from; undefined with one annotator and nothing adjudicated. */
  exportLayers?(): Promise<ExportLayerOptions | undefined>;
}

export class IoController {
  readonly element: HTMLElement;
  private busy = false;
  /** Files dropped while an import or export runs: imported as soon as it ends, never thrown away. */
  private readonly droppedWhileBusy: File[] = [];

  // Resolved on first use, so building the app never needs the bridge.
  private bridgeValue?: WorkbenchBridge;

  constructor(
    private readonly host: IoHost,
    bridge?: WorkbenchBridge,
  ) {
    this.bridgeValue = bridge;
    const button = (label: string, testId: string, title: string, onclick: () => void) =>
      h(
        'button',
        {
          type: 'button',
          class: 'ghost',
          'data-testid': testId,
          title,
          onclick,
          onmousedown: (e: Event) => e.preventDefault(),
        },
        label,
      );
    this.element = h(
      'div',
      { class: 'io-actions', role: 'toolbar', 'aria-label': 'Import and export' },
      button(
        'Import files…',
        'import-files',
        'Import text, JSON Lines (Prodigy, spaCy, doccano), Label Studio, brat, CoNLL, W3C, INCEpTION files (or drop them on the window)',
        () => void this.importFrom('files'),
      ),
      button(
        'Import folder…',
        'import-folder',
        'Import every file of a folder in a format the app reads (brat .ann with its .txt, W3C with its .txt)',
        () => void this.importFrom('folder'),
      ),
      this.offsets,
      button(
        'Export…',
        'export',
        'Export annotations as JSON Lines (Prodigy/spaCy or doccano)',
        () => void this.openExport(),
      ),
    );
  }

  /** Files dropped anywhere on the window are imported (by their bytes: the page never learns a path). */
  listenForDrops(target: Document = document): void {
    const hasFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes('Files'));
    target.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // without this the drop would navigate to the file
      e.dataTransfer!.dropEffect = 'copy';
      document.body.classList.add('drop-target');
    });
    target.addEventListener('dragleave', (e) => {
      if (!e.relatedTarget) document.body.classList.remove('drop-target');
    });
    target.addEventListener('drop', (e) => {
      document.body.classList.remove('drop-target');
      if (!hasFiles(e)) return;
      e.preventDefault();
      void this.importDropped([...e.dataTransfer!.files]);
    });
  }

  /** How the offsets of files to import count: doccano's web UI and INCEpTION count UTF-16 units. */
  private readonly offsets = h(
    'select',
    {
      class: 'import-offsets',
      'aria-label': 'Offsets in imported files',
      'data-testid': 'import-offsets',
      title:
        'How offsets count in the files you import. Code points: Prodigy, spaCy, Label Studio, brat files. UTF-16: doccano’s web UI, INCEpTION. Spans that quote their text are checked either way.',
    },
    h('option', { value: 'codepoints' }, 'offsets: code points'),
    h('option', { value: 'utf16' }, 'offsets: UTF-16'),
  );

  private get offsetUnit(): OffsetUnit {
    return this.offsets.value === 'utf16' ? 'utf16' : 'codepoints';
  }

  async importFrom(kind: ImportKind): Promise<void> {
    await this.exclusive(async () => {
      const started = await this.bridge.chooseImport({ kind, offsets: this.offsetUnit });
      if (!started) return;
      const stop = new AbortController();
      const dialog = new ImportDialog(
        () => stop.abort(),
        `Reading ${count(started.files, 'file')} in batches; each batch is saved as it arrives.`,
      );
      const tally = newTally(started.files);
      await this.finishImport(
        dialog,
        () => runImportSession(this.bridge, started.session, tally, this.store, (t) => dialog.update(t), stop.signal),
        tally,
      );
    });
  }

  async importDropped(files: File[]): Promise<void> {
    if (files.length === 0) return;
    if (this.busy) {
      this.droppedWhileBusy.push(...files);
      this.host.say(
        `${count(this.droppedWhileBusy.length, 'dropped file')} waiting: imported when the current import or export ends.`,
      );
      return;
    }
    await this.exclusive(async () => {
      const stop = new AbortController();
      const dialog = new ImportDialog(() => stop.abort(), `Reading ${count(files.length, 'dropped file')}.`);
      await this.finishImport(
        dialog,
        () => importDroppedFiles(this.bridge, files, this.store, (t) => dialog.update(t), stop.signal, this.offsetUnit),
        newTally(files.length),
      );
    });
  }

  async openExport(): Promise<void> {
    await this.host.queue.idle(); // the export must include every change already made
    const record = this.host.active.record;
    const layers = await this.host.exportLayers?.();
    openExportDialog({
      counts: this.host.corpus.counts,
      current: record && { id: record.id, name: record.name },
      layers,
      run: (request, onProgress, signal) =>
        this.exclusive(() => runExport(this.host.db, this.bridge, request, onProgress, signal)),
      said: (message) => this.host.say(message),
    });
  }

  private get bridge(): WorkbenchBridge {
    return (this.bridgeValue ??= getBridge());
  }

  private readonly store: ImportStore = (docs: IncomingDocument[]) => this.host.importDocuments(docs);

  private async finishImport(dialog: ImportDialog, run: () => Promise<ImportTally>, tally: ImportTally): Promise<void> {
    // The documents' search terms and signatures, and the next backup, are written once the import is stored and shown.
    const releases = this.host.importHolds.map((work) => work.hold());
    try {
      await this.runAndReport(dialog, run, tally);
    } finally {
      for (const release of releases) release();
    }
  }

  private async runAndReport(dialog: ImportDialog, run: () => Promise<ImportTally>, tally: ImportTally): Promise<void> {
    let result: ImportTally;
    try {
      result = await run();
    } catch (error) {
      result = { ...tally, cancelled: true };
      result.problems = [
        ...tally.problems,
        {
          file: 'import',
          message: `stopped: ${error instanceof Error ? error.message : String(error)}`,
          severity: 'error',
        },
      ];
    }
    dialog.showSummary(result);
    await this.afterImport(result);
  }

  private async afterImport(t: ImportTally): Promise<void> {
    // New labels first: the document opened below draws its spans with them.
    if (t.labelsAdded.length > 0) await this.host.reloadLabels();
    await this.host.refreshList();
    const open = this.host.active.record;
    // Spans merged into the open document only show once it is read again.
    if (open && t.spansAdded > 0 && t.existing > 0) await this.host.openDocument(open.id);
    else if (!open && this.host.corpus.visible[0]) await this.host.openDocument(this.host.corpus.visible[0]);
    const problems = t.problems.length + t.moreProblems;
    this.host.say(
      `Import ${t.cancelled ? 'cancelled' : 'finished'}: ${count(t.added, 'document')} added, ${t.existing.toLocaleString('en-US')} already present, ${count(t.spansAdded, 'span')} added${t.suggestionsAdded ? `, ${count(t.suggestionsAdded, 'suggestion')} to review` : ''}${t.rejectionsAdded ? `, ${count(t.rejectionsAdded, 'rejected suggestion')} remembered` : ''}${t.labelsAdded.length ? `, new ${t.labelsAdded.length === 1 ? 'label' : 'labels'} ${t.labelsAdded.join(', ')}` : ''}${problems ? `, ${count(problems, 'problem')}` : ''}.`,
    );
  }

  /** One import or export at a time: two would interleave their batches and dialogs. */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) throw new Error('another import or export is running');
    this.busy = true;
    this.element.querySelectorAll('button').forEach((b) => (b.disabled = true));
    try {
      return await work();
    } finally {
      this.busy = false;
      this.element.querySelectorAll('button').forEach((b) => (b.disabled = false));
      const waiting = this.droppedWhileBusy.splice(0);
      if (waiting.length > 0) void dialogClosed().then(() => this.importDropped(waiting));
    }
  }
}

/** Resolves once no dialog is open: a queued import starts after the user has read the last summary. */
async function dialogClosed(): Promise<void> {
  for (let open = document.querySelector('dialog[open]'); open; open = document.querySelector('dialog[open]')) {
    await new Promise((resolve) => open!.addEventListener('close', resolve, { once: true }));
  }
}
