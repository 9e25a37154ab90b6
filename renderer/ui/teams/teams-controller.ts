// Several annotators in the app: who I am (the name asked once), which layer
// the panes show (mine, a colleague's, all at once, the adjudicated one; only
// mine and the adjudicated one are edited), the agreement table, the curation
// view, and imports of a colleague's export as her layer. The app owns one.
import { measureAgreement } from '../../../core/agreement';
import type { IncomingDocument, Label, Span } from '../../../core/model';
import { agreementInputOf } from '../../../core/teams/agreement-input';
import {
  CURATION,
  editableAnnotator,
  historyKey,
  layerSpans,
  layerTitle,
  MINE,
  peopleOf,
  annotatorOf,
  type LayerChoice,
} from '../../../core/teams/layers';
import type { WorkbenchDb } from '../../db/schema';
import { getSetting, putSetting } from '../../db/settings-repo';
import { localAnnotator } from '../../db/sync-state';
import { hasLayer, namedAnnotators, readAllLayers, renameAnnotator } from '../../db/teams-repo';
import { h } from '../../dom';
import { byAnnotator } from '../../editor/span-decorations';
import type { DocumentPane, PaneLayer } from '../document-pane';
import type { ExportLayerOptions } from '../export-dialog';
import { openAgreementDialog } from './agreement-dialog';
import { CurationPanel } from './curation-panel';
import { openImportAsCard } from './import-as-card';
import { openNameCard } from './name-card';
import './teams.css';

export interface TeamsHost {
  readonly db: WorkbenchDb;
  readonly panes: readonly DocumentPane[];
  readonly active: DocumentPane;
  readonly labels: readonly Label[];
  readonly queue: { idle(): Promise<void> };
  openDocument(id: string, pane?: DocumentPane, takeFocus?: boolean): Promise<void>;
  importFrom(kind: 'files' | 'folder'): Promise<void>;
  say(message: string): void;
  /** The row under the label bar where the name and "Import as" cards sit, in the flow (they cover nothing). */
  readonly cardRow: HTMLElement;
}

/** The name a person is shown by when she has not given one yet. */
export const UNNAMED = 'me';

export class TeamsController {
  /** The local annotator's name; undefined until she gives one. */
  name?: string;
  choice: LayerChoice = MINE;
  private people: string[] = [UNNAMED];
  /**
   * Who she is until she gives a name: the profile's own id, the one sync files her records under
   * (renderer/db/sync-state.ts), so two unnamed profiles never share a layer.
   */
  private unnamed = UNNAMED;
  private curationExists = false;
  /** Spans an import brings without an annotator are this person's (set for one "Import as…"). */
  private importAs?: string;
  readonly curation: CurationPanel;
  private readonly select = h('select', {
    class: 'layer-select',
    'data-testid': 'layer-select',
    'aria-label': 'Layer shown',
  });
  private readonly nameButton = h('button', {
    type: 'button',
    class: 'ghost name-button',
    'data-testid': 'annotator-name',
    title: 'Your annotator name (click to change)',
  });
  private readonly curateButton = h(
    'button',
    {
      type: 'button',
      class: 'ghost',
      'data-testid': 'curate',
      title: 'Adjudicate: build the gold layer from the annotators’ layers',
    },
    'Curate',
  );
  readonly element: HTMLElement;

  /** Told when she gives or changes her name (renderer/main.ts keeps main's profile marker in step). */
  onIdentityChanged: () => void = () => {};

  constructor(private readonly host: TeamsHost) {
    this.curation = new CurationPanel(
      {
        get labels() {
          return host.labels;
        },
        curationAnnotator: () => host.panes[0].annotator,
        say: (m) => host.say(m),
      },
      () => this.local,
    );
    const button = (label: string, testId: string, title: string, onclick: () => void) =>
      h('button', { type: 'button', class: 'ghost', 'data-testid': testId, title, onclick }, label);
    this.select.addEventListener('change', () => void this.choose(this.parse(this.select.value)));
    this.nameButton.addEventListener('click', () => this.askName());
    this.curateButton.addEventListener('click', () => void this.toggleCuration());
    this.element = h(
      'div',
      { class: 'teams-actions', role: 'toolbar', 'aria-label': 'Annotators' },
      this.select,
      button(
        'Agreement',
        'agreement',
        'Agreement between annotators: per label, pair and document',
        () => void this.openAgreement(),
      ),
      this.curateButton,
      button('Import as…', 'import-as', 'Import a colleague’s export as her layer', () => this.askImportAs()),
      this.nameButton,
    );
  }

  /** The local annotator as spans and layers name her (rows from before annotators are hers). */
  get local(): string {
    return this.name ?? this.unnamed;
  }

  get curating(): boolean {
    return this.choice.kind === 'curation';
  }

  async load(): Promise<void> {
    this.name = await getSetting(this.host.db, 'annotatorName', undefined);
    if (this.name === undefined) this.unnamed = await localAnnotator(this.host.db);
    await this.refresh();
    if (this.name === undefined) this.askName();
    for (const pane of this.host.panes) pane.layer = this.paneLayer(this.choice);
  }

  /** Re-reads who has layers here (after an import, a rename) and redraws the controls. */
  async refresh(): Promise<void> {
    this.people = peopleOf(await namedAnnotators(this.host.db), this.local);
    this.curationExists = await hasLayer(this.host.db, CURATION);
    this.nameButton.textContent = `👤 ${this.name ?? 'Set your name'}`;
    this.renderSelect();
  }

  private renderSelect(): void {
    this.select.replaceChildren(
      h('option', { value: 'mine' }, `✎ ${layerTitle(MINE, this.local)}`),
      ...this.people
        .filter((p) => p !== this.local)
        .map((p) => h('option', { value: `annotator:${p}` }, `${p}'s layer (read-only)`)),
      h('option', { value: 'all' }, 'All layers (read-only)'),
      h('option', { value: 'curation' }, `✎ Adjudicated layer${this.curationExists ? '' : ' (empty)'}`),
    );
    this.select.value = this.choice.kind === 'annotator' ? `annotator:${this.choice.name}` : this.choice.kind;
    // The closed menu is narrow and cuts a long name short: the tooltip says the whole of what is shown.
    this.select.title = `${layerTitle(this.choice, this.local)}: which annotator’s spans the document shows; only your layer and the adjudicated layer are edited`;
  }

  private parse(value: string): LayerChoice {
    if (value.startsWith('annotator:')) return { kind: 'annotator', name: value.slice('annotator:'.length) };
    return value === 'all' ? { kind: 'all' } : value === 'curation' ? { kind: 'curation' } : MINE;
  }

  /** Shows `choice` in every pane (the open documents are read again, through the layer). */
  async choose(choice: LayerChoice): Promise<void> {
    await this.host.queue.idle();
    this.choice = choice;
    this.curation.visible = this.curating;
    this.curateButton.classList.toggle('on', this.curating);
    this.curateButton.setAttribute('aria-pressed', String(this.curating));
    document.body.classList.toggle('curating', this.curating);
    this.renderSelect();
    for (const pane of this.host.panes) {
      pane.layer = this.paneLayer(choice);
      if (pane.record) await this.host.openDocument(pane.record.id, pane, pane === this.host.active);
    }
    this.host.say(
      choice.kind === 'mine' || choice.kind === 'curation'
        ? `Showing and editing: ${layerTitle(choice, this.local)}.`
        : `Showing ${layerTitle(choice, this.local)}, read-only. Switch to your layer to edit.`,
    );
  }

  private toggleCuration(): Promise<void> {
    return this.choose(this.curating ? MINE : { kind: 'curation' });
  }

  paneLayer(choice: LayerChoice): PaneLayer {
    const local = this.local;
    const annotator = editableAnnotator(choice, local);
    return {
      title: layerTitle(choice, local),
      historyKey: (docId) => historyKey(docId, choice),
      spans: (all) => layerSpans(all, choice, local),
      // Unnamed, my spans carry no name (read as mine); named, every span I make says so.
      annotator: choice.kind === 'mine' ? this.name : annotator,
      readOnly: annotator === undefined,
      decorate:
        choice.kind === 'all' ? byAnnotator([...this.people, CURATION], (s) => annotatorOf(s, local)) : undefined,
    };
  }

  /** A document was shown in `pane`: in the curation view the annotators' layers follow the main pane. */
  documentOpened(pane: DocumentPane, text: string, spans: readonly Span[]): void {
    if (this.curating && pane === this.host.panes[0] && pane.record) this.curation.show(pane.record.id, text, spans);
  }

  spansChanged(): void {
    this.curation.refresh();
    if (this.curating && !this.curationExists) void this.refresh();
  }

  /** Drafts an import brings with no annotator are given the one chosen in "Import as…". */
  stampImport(docs: IncomingDocument[]): IncomingDocument[] {
    const who = this.importAs;
    if (who === undefined) return docs;
    return docs.map((d) => ({
      ...d,
      spans: d.spans?.map((s) => (s.annotator === undefined ? { ...s, annotator: who } : s)),
    }));
  }

  /** What storing an import treats as the local annotator (spans naming her and unnamed ones are one layer). */
  get importLocal(): string {
    return this.local;
  }

  async afterImport(): Promise<void> {
    await this.refresh();
  }

  private askName(): void {
    openNameCard(
      this.host.cardRow,
      this.name,
      (name) => this.rename(name),
      this.people.filter((p) => p !== this.unnamed),
    );
  }

  private async rename(name: string): Promise<void> {
    const before = this.local; // her spans so far carry her name, or the profile's id while she had none
    if (name !== before && this.people.includes(name) && name !== this.local)
      throw new Error(`${name} already has a layer here (imported); choose another name, or layers would merge`);
    await this.host.queue.idle();
    const moved = before !== name ? await renameAnnotator(this.host.db, before, name) : 0;
    this.host.say(
      this.name === undefined || moved === 0
        ? `You annotate as ${name}.`
        : `You are now ${name}; ${moved} span(s) of yours follow the new name.`,
    );
    await putSetting(this.host.db, 'annotatorName', name);
    this.name = name;
    this.onIdentityChanged();
    await this.refresh();
    await this.choose(this.choice);
  }

  private askImportAs(): void {
    openImportAsCard(
      this.host.cardRow,
      this.people.filter((p) => p !== this.local),
      async (name) => {
        this.importAs = name;
        try {
          await this.host.importFrom('files');
        } finally {
          this.importAs = undefined;
        }
        await this.refresh();
      },
    );
  }

  /** The export dialog's layer choice: offered once there is a second annotator or an adjudicated layer. */
  async exportLayers(): Promise<ExportLayerOptions | undefined> {
    await this.refresh();
    const others = this.people.filter((p) => p !== this.local);
    if (others.length === 0 && !this.curationExists) return undefined;
    return { local: this.local, others, curationExists: this.curationExists };
  }

  async openAgreement(): Promise<void> {
    await this.host.queue.idle();
    const docs = await readAllLayers(this.host.db);
    const report = measureAgreement(agreementInputOf(docs, this.local));
    const idBySha = new Map(docs.map((d) => [d.sha256, d.id]));
    openAgreementDialog(report, (key) => {
      const id = idBySha.get(key);
      if (id) void this.host.openDocument(id);
    });
  }
}
