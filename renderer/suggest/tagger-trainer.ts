// The tagger that learns, seen from the page: the stored model goes to the
// worker at start; after enough annotation work (spans made, suggestions
// accepted or rejected) and a quiet moment, the worker retrains it on every
// annotated document, with rejected suggestions as negatives and one document
// in five held out to score it; the model and its score are kept in
// IndexedDB (the settings table) and can be saved as a file.
import type { StoredTagger } from '../db/rows';
import type { WorkbenchDb } from '../db/schema';
import { getSetting, putSetting } from '../db/settings-repo';
import { annotatedDocuments } from '../db/suggestions-repo';
import type { SuggestClient } from './suggest-client';

/** Changes (spans, acceptances, rejections) that call for retraining, and the quiet wait before it starts. */
export const RETRAIN_AFTER_CHANGES = 10;
export const RETRAIN_IDLE_MS = 4_000;

export interface TrainerHost {
  say(message: string): void;
  changed(): void;
}

export class TaggerTrainer {
  stored?: StoredTagger;
  training = false;
  private work = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private loaded?: Promise<void>;

  constructor(
    private readonly db: WorkbenchDb,
    private readonly client: SuggestClient,
    private readonly host: TrainerHost,
  ) {}

  /** Resolves once the stored model (if any) is in the worker, so the first suggestions use it. */
  ready(): Promise<void> {
    return (this.loaded ??= this.load());
  }

  private async load(): Promise<void> {
    const stored = await getSetting(this.db, 'suggestTagger', undefined);
    if (!stored) return;
    try {
      await this.client.request({ type: 'model', model: stored.model });
      this.stored = stored;
    } catch (error) {
      // Suggestions go on without it; the next training replaces it.
      this.host.say(
        `The stored tagger could not be used (${error instanceof Error ? error.message : String(error)}); suggestions come from the rules until it is trained again.`,
      );
    }
  }

  noteWork(changes: number): void {
    this.work += changes;
    if (this.work < RETRAIN_AFTER_CHANGES) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.retrain(), RETRAIN_IDLE_MS);
  }

  async retrain(): Promise<void> {
    if (this.training) return;
    clearTimeout(this.timer);
    this.work = 0;
    this.training = true;
    this.host.changed();
    try {
      await this.ready();
      const docs = await annotatedDocuments(this.db);
      if (docs.length === 0) {
        this.host.say('The tagger has nothing to learn from yet: annotate a document first.');
        return;
      }
      const report = await this.client.request({
        type: 'train',
        docs: docs.map((d) => ({ id: d.id, text: d.text, spans: d.spans, rejected: d.rejected })),
      });
      this.stored = {
        model: report.model,
        trainedAt: Date.now(),
        trainedOn: report.trainedOn,
        heldOut: report.heldOut,
        evaluation: report.withTagger,
        rulesAlone: report.rulesAlone,
      };
      await putSetting(this.db, 'suggestTagger', this.stored);
      this.host.say(
        `The tagger learned from ${report.trainedOn} annotated document${report.trainedOn === 1 ? '' : 's'} in ${(report.ms / 1000).toFixed(1)} s.`,
      );
    } catch (error) {
      this.host.say(`The tagger could not be trained: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.training = false;
      this.host.changed();
    }
  }

  /** The model as a file's content (the same JSON `corpus suggest --model` reads). */
  modelFile(): string | undefined {
    return this.stored ? `${JSON.stringify(this.stored.model)}\n` : undefined;
  }
}
