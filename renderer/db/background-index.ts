// Search terms and similarity signatures are derived from the texts. An
// import stores its documents first and marks them unindexed (one row a
// stored batch, in the transaction that stores them: schema version 10); this
// indexer writes their derived rows after. The CPU work runs where `derive`
// says (a worker in the app), the writes one chunk a transaction together
// with the mark's shrinking, so a crash leaves either the mark or the rows and
// the next start goes on where it stopped. An import holds the indexer while
// it runs, so the two never compete for the machine. Until a document is
// indexed, search reads its text instead (terms-index.ts), so it is found the
// moment it is stored.
import { liveQuery, type Subscription } from 'dexie';
import { Holds } from '../../core/holds';
import { SerialRuns } from '../../core/serial-runs';
import { derivedRowsOf, newBatchKey, postingsOfTerms, type DerivedRows, type UnindexedBatch } from './rows';
import type { WorkbenchDb } from './schema';

type TextRow = { id: string; text: string };

/** Works out the derived rows of some texts: in a worker in the app, here in tests. */
export type Derive = (texts: TextRow[]) => Promise<DerivedRows>;

export const deriveHere: Derive = (texts) => Promise.resolve(derivedRowsOf(texts));

/** Documents indexed a transaction: bounded memory and short transactions for a batch of long texts. */
export const INDEX_CHUNK = 200;

export interface IndexerState {
  /** Documents stored and not yet indexed. */
  pending: number;
  /** Why indexing stopped (it tries again at the next write or start). */
  error?: string;
}

/** The ids of every stored document not yet indexed. */
export async function unindexedIds(db: WorkbenchDb): Promise<string[]> {
  return (await db.unindexed.toArray()).flatMap((row) => row.ids);
}

/**
 * Indexes the first `INDEX_CHUNK` documents of `row`. Only ids still marked
 * when the transaction runs are written, so two windows indexing the same
 * batch, or a rebuild meanwhile, never write a row twice.
 */
export async function indexChunk(db: WorkbenchDb, row: UnindexedBatch, derive: Derive = deriveHere): Promise<number> {
  const chunk = row.ids.slice(0, INDEX_CHUNK);
  const texts = (await db.texts.bulkGet(chunk)).filter((t): t is TextRow => t !== undefined);
  const derived = await derive(texts);
  await db.transaction('rw', [db.terms, db.signatures, db.unindexed], async () => {
    const current = await db.unindexed.get(row.batch);
    const still = new Set(current?.ids ?? []);
    const keep = texts.map((t, i) => i).filter((i) => still.has(texts[i].id));
    if (keep.length > 0) {
      await db.terms.bulkPut(
        postingsOfTerms(
          keep.map((i) => texts[i].id),
          keep.map((i) => derived.terms[i]),
          newBatchKey(),
        ),
      );
      await db.signatures.bulkPut(keep.map((i) => derived.signatures[i]));
    }
    if (!current) return;
    const done = new Set(chunk);
    const rest = current.ids.filter((id) => !done.has(id));
    if (rest.length > 0) await db.unindexed.put({ batch: row.batch, ids: rest });
    else await db.unindexed.delete(row.batch);
  });
  return chunk.length;
}

/** Indexes whatever is marked, one chunk after the other, while nobody holds it; observes the marks. */
export class BackgroundIndexer {
  private readonly holds = new Holds(() => this.kick());
  private readonly runs = new SerialRuns(() => this.drain());
  private watch?: Subscription;
  /** Why the last run stopped, if it failed. */
  private failure?: string;

  constructor(
    private readonly db: WorkbenchDb,
    private readonly derive: Derive = deriveHere,
    private readonly onState: (state: IndexerState) => void = () => {},
  ) {}

  /** Starts: indexes what an earlier run left, and whatever any writer marks later (this window or another). */
  start(): void {
    this.watch ??= liveQuery(() => this.db.unindexed.count()).subscribe({
      next: (count) => count > 0 && this.kick(),
      error: (error) => this.onState({ pending: 0, error: messageOf(error) }),
    });
  }

  stop(): void {
    this.watch?.unsubscribe();
    this.watch = undefined;
  }

  /** Pauses indexing after the chunk under way, until the returned function is called (once). */
  hold(): () => void {
    return this.holds.take();
  }

  /** Indexes what is marked, unless held; a call while a run is going makes it look again when done. */
  kick(): void {
    if (!this.holds.held) this.runs.request();
  }

  /** Resolves once the run under way (and any it asked for) has ended. */
  idle(): Promise<void> {
    return this.runs.idle();
  }

  /** Resolves once nothing stored is left unindexed (waiting while held), rejects if a run fails: for tests and the benchmark. */
  async drained(): Promise<void> {
    for (;;) {
      await this.idle();
      if (this.failure !== undefined) throw new Error(this.failure);
      if ((await this.db.unindexed.count()) === 0) return;
      if (this.holds.held) await new Promise((resolve) => setTimeout(resolve, 50));
      else this.kick();
    }
  }

  private async drain(): Promise<void> {
    if (this.holds.held) return; // a trailing run asked for before a hold began
    let pending = 0;
    this.failure = undefined;
    try {
      for (;;) {
        const next = !this.holds.held ? await this.db.unindexed.toCollection().first() : undefined;
        if (!next) break;
        // Counted once a run (and again if another writer marked more meanwhile), not at every chunk.
        if (pending <= 0) pending = (await unindexedIds(this.db)).length;
        this.onState({ pending });
        pending -= await indexChunk(this.db, next, this.derive);
      }
      this.onState({ pending: this.holds.held ? (await unindexedIds(this.db)).length : 0 });
    } catch (error) {
      this.failure = messageOf(error);
      this.onState({ pending, error: this.failure });
    }
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
