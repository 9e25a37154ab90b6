// The app's model of the corpus list, kept so that 100,000 documents stay
// cheap: the order is an array of ids (from the name index), records are
// fetched only for the rows on screen and cached, counts come from index
// counts once and are then kept current by each single-record change.
// A span edit therefore costs one record read, never a reload of the corpus.
import type { DocStatus, DocumentRecord } from '../../core/model';
import {
  allCategories,
  idsByName,
  idsWithCategory,
  idsWithLabel,
  idsWithStatus,
  namesInOrder,
  recordsOf,
  statusCounts,
  type StatusCounts,
} from '../db/corpus-query';
import type { WorkbenchDb } from '../db/schema';
import { searchText } from '../db/terms-index';

export type SearchMode = 'name' | 'text';

export interface ListFilter {
  query: string;
  mode: SearchMode;
  /** Text search matches the start of words too ("coop" finds "cooperation"), not whole words only. */
  prefix?: boolean;
  status?: DocStatus;
  label?: string;
  /** Documents in this category (document-level label). */
  category?: string;
}

/** Records kept in memory at most; scrolling through 100k then costs no more than this. */
const CACHE_LIMIT = 20_000;

/**
 * Texts of documents still waiting to be indexed that a search reads at most (about a third of a second
 * of word segmentation at 2 KB each): after a very large import a search stays quick and says how many it
 * left out until the background indexer has caught up.
 */
export const SEARCH_SCAN_LIMIT = 5_000;

export class CorpusModel {
  /** Every id in list order. */
  private all: string[] = [];
  /** Names in the order of `all`, loaded on the first name search. */
  private names?: string[];
  private readonly records = new Map<string, DocumentRecord>();
  /** The ids the list shows: `all` narrowed by the filter. */
  visible: string[] = [];
  /** Documents the last text search left out because they are still being indexed (SEARCH_SCAN_LIMIT). */
  unsearched = 0;
  filter: ListFilter = { query: '', mode: 'name' };
  counts: StatusCounts = { todo: 0, in_progress: 0, done: 0, total: 0 };
  /** Every category in the corpus, sorted (from the index keys). */
  categories: string[] = [];
  private generation = 0;

  constructor(private readonly db: WorkbenchDb) {}

  get total(): number {
    return this.all.length;
  }

  /** (Re)reads the order and the counts from the indexes: at start and after an import. */
  async load(): Promise<void> {
    const [all, counts, categories] = await Promise.all([
      idsByName(this.db),
      statusCounts(this.db),
      allCategories(this.db),
    ]);
    this.all = all;
    this.counts = counts;
    this.categories = categories;
    this.names = undefined;
    await this.setFilter(this.filter);
  }

  /** Applies `filter`; a newer call wins over one still running. */
  async setFilter(filter: ListFilter): Promise<boolean> {
    const generation = ++this.generation;
    let unsearched = 0;
    const visible = await this.filtered(filter, (n) => (unsearched = n));
    if (generation !== this.generation) return false;
    this.filter = filter;
    this.visible = visible;
    this.unsearched = unsearched;
    return true;
  }

  private async filtered(filter: ListFilter, unsearched: (count: number) => void): Promise<string[]> {
    const keep: Array<Set<string>> = [];
    if (filter.status) keep.push(new Set(await idsWithStatus(this.db, filter.status)));
    if (filter.label) keep.push(await idsWithLabel(this.db, filter.label));
    if (filter.category) keep.push(new Set(await idsWithCategory(this.db, filter.category)));
    const query = filter.query.trim();
    if (query && filter.mode === 'text')
      keep.push(
        (await searchText(this.db, filter.query, {
          prefix: filter.prefix,
          scanLimit: SEARCH_SCAN_LIMIT,
          unsearched,
        })) ?? new Set(),
      );
    let ids = query && filter.mode === 'name' ? await this.nameMatches(query) : this.all;
    for (const set of keep.sort((a, b) => a.size - b.size)) ids = ids.filter((id) => set.has(id));
    return ids;
  }

  /** Ids whose name contains `query`, case-insensitively, in list order. */
  private async nameMatches(query: string): Promise<string[]> {
    this.names ??= await namesInOrder(this.db);
    const needle = query.toLowerCase();
    return this.all.filter((_, i) => this.names![i].toLowerCase().includes(needle));
  }

  record(id: string): DocumentRecord | undefined {
    return this.records.get(id);
  }

  indexOf(id: string | undefined): number {
    return id === undefined ? -1 : this.visible.indexOf(id);
  }

  /** Makes sure the records of visible rows [from, to) are cached. */
  async ensure(from: number, to: number): Promise<void> {
    const missing = this.visible.slice(Math.max(0, from), to).filter((id) => !this.records.has(id));
    if (missing.length === 0) return;
    if (this.records.size + missing.length > CACHE_LIMIT) this.records.clear();
    for (const record of await recordsOf(this.db, missing)) this.records.set(record.id, record);
  }

  /** One record changed (span edit, status key): update the cache and the counts incrementally. */
  update(record: DocumentRecord): void {
    const before = this.records.get(record.id);
    if (before && before.status !== record.status) {
      this.counts[before.status]--;
      this.counts[record.status]++;
    }
    this.records.set(record.id, record);
  }
}
