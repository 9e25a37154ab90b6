// Main's replica of the shared database. The renderer's saved changes are
// written here (writeRecords: idempotent, so a batch sent twice after a crash
// changes nothing the second time); the renderer reads remote changes from
// here (readChanges); CouchDB's replication moves both ways between this
// replica and the server (replicator.ts). Conflicts are listed and resolved here.
import { contentKey, fromCouchDoc, toCouchDoc, type CouchDoc, type RemoteProblem } from '../../../core/sync/couch-docs';
import { recordId, type SyncRecord } from '../../../core/sync/couch-records';
import type { ConflictRevision, SyncConflict, SyncPullBatch } from '../../../core/sync/sync-shapes';
import type { Pouch } from './pouch';

/** Characters of document text one pull batch carries before it is cut (readChanges). */
export const PULL_TEXT_BUDGET = 8_000_000;

type Row = {
  id?: string;
  key: string;
  value?: { rev: string; deleted?: boolean };
  doc?: CouchDoc | null;
  error?: string;
};

/** Keys sorted: the same content gives the same JSON, so PouchDB's deterministic revision ids agree across machines. */
function canonical(doc: CouchDoc): CouchDoc {
  return Object.fromEntries(Object.entries(doc).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as CouchDoc;
}

export class LocalStore {
  /** `written` hears the ids of every write made here (not the replication's): see Replicator.noteWritten. */
  constructor(
    readonly db: Pouch,
    private readonly written: (ids: readonly string[]) => void = () => undefined,
  ) {}

  /**
   * Told before the write and again once it is on disk: a catch-up that starts while a write is in
   * flight hears of it either way (Replicator.noteWritten).
   */
  private async write(docs: CouchDoc[]): ReturnType<Pouch['bulkDocs']> {
    const ids = docs.map((d) => d._id);
    this.written(ids);
    try {
      return await this.db.bulkDocs(docs as never);
    } finally {
      this.written(ids);
    }
  }

  /** Writes what changed; returns how many documents were written (unchanged ones are skipped). */
  async writeRecords(records: readonly SyncRecord[], removed: readonly string[]): Promise<number> {
    // The last word for an id wins within one batch (a span changed twice).
    const latest = new Map<string, SyncRecord | null>();
    for (const record of records) latest.set(recordId(record), record);
    for (const id of removed) latest.set(id, null);
    for (let attempt = 0; ; attempt++) {
      const { rows } = (await this.db.allDocs({ keys: [...latest.keys()], include_docs: true })) as unknown as {
        rows: Row[];
      };
      const docs: CouchDoc[] = [];
      for (const row of rows) {
        const want = latest.get(row.key);
        const live = row.value && !row.value.deleted ? row.doc : undefined;
        if (want === null) {
          if (live) docs.push({ _id: row.key, _rev: row.value!.rev, _deleted: true });
        } else if (want && (!live || contentKey(live) !== contentKey(want))) {
          docs.push(canonical(toCouchDoc(want, row.value?.rev)));
        }
      }
      if (docs.length === 0) return 0;
      const results = (await this.write(docs)) as Array<{
        error?: boolean;
        status?: number;
        id?: string;
      }>;
      const conflicted = results.filter((r) => r.error && r.status === 409);
      const failed = results.find((r) => r.error && r.status !== 409);
      if (failed) throw new Error(`main's replica refused ${failed.id}: ${JSON.stringify(failed)}`);
      // A write raced a replicated change of the same record: read again and write on top of it.
      if (conflicted.length === 0 || attempt >= 3) return docs.length - conflicted.length;
      for (const key of [...latest.keys()]) if (!conflicted.some((r) => r.id === key)) latest.delete(key);
    }
  }

  /** Ids of `annotator`'s records among spans/relations whose own id is one of `keys` (one scan of the ids). */
  async findOwnIds(
    annotator: string,
    keys: ReadonlyArray<{ type: 'span' | 'relation'; key: string }>,
  ): Promise<string[]> {
    const wanted = new Set(keys.map((k) => `${k.type}|${k.key}`));
    const owner = `:${encodeURIComponent(annotator)}:`;
    const found: string[] = [];
    for (const type of ['span', 'relation'] as const) {
      if (!keys.some((k) => k.type === type)) continue;
      const { rows } = await this.db.allDocs({ startkey: `${type}:`, endkey: `${type}:\ufff0` });
      for (const row of rows) {
        const id = row.id ?? row.key;
        const key = id.slice(id.lastIndexOf(':') + 1);
        if (wanted.has(`${type}|${key}`) && id.slice(0, id.lastIndexOf(':') + 1).endsWith(owner)) found.push(id);
      }
    }
    return found;
  }

  /** Changes after `since`, checked; spans come with their document's record so the renderer can place them. */
  /**
   * Up to `limit` changes after `since`, each record decoded and checked, with the documents their spans
   * need. A batch is cut after `textBudget` characters of document text (a few long texts make one
   * answer); `last` is then the last change sent, and the next batch starts there.
   */
  async readChanges(since: number | string, limit: number, textBudget = PULL_TEXT_BUDGET): Promise<SyncPullBatch> {
    const feed = await this.db.changes({ since, limit, include_docs: true, style: 'main_only' });
    const changes: SyncPullBatch['changes'] = [];
    const problems: RemoteProblem[] = [];
    const shas = new Set<string>();
    const sent = new Set<string>();
    let text = 0;
    let cutAt: number | string | undefined;
    for (const result of feed.results) {
      if (text > textBudget) break;
      cutAt = result.seq;
      const body = result.doc as { text?: unknown } | undefined;
      if (typeof body?.text === 'string') text += body.text.length;
      const decoded = fromCouchDoc(result.doc ?? { _id: result.id, _deleted: result.deleted });
      if (decoded === null) continue;
      if (!decoded.ok) {
        problems.push(decoded.problem);
        continue;
      }
      changes.push(decoded.change);
      if (decoded.change.kind === 'record') {
        const record = decoded.change.record;
        if (record.type === 'document') sent.add(record.sha256);
        else if ('sha256' in record) shas.add(record.sha256);
      }
    }
    const needed = [...shas].filter((sha) => !sent.has(sha)).map((sha) => `doc:${sha}`);
    const extra: SyncPullBatch['changes'] = [];
    if (needed.length > 0) {
      const { rows } = (await this.db.allDocs({ keys: needed, include_docs: true })) as unknown as { rows: Row[] };
      for (const row of rows) {
        const decoded = row.doc ? fromCouchDoc(row.doc) : null;
        if (decoded?.ok) extra.push(decoded.change);
      }
    }
    const cut = text > textBudget && cutAt !== feed.results.at(-1)?.seq;
    return {
      changes: [...extra, ...changes],
      problems,
      last: cut ? cutAt! : feed.last_seq,
      done: !cut && feed.results.length < limit,
    };
  }

  /** Ids of records with more than one current revision; ones whose revisions say the same are settled on the way. */
  async conflictedIds(since: number | string = 0): Promise<{ ids: Set<string>; last: number | string }> {
    const ids = new Set<string>();
    let cursor = since;
    for (;;) {
      const feed = await this.db.changes({ since: cursor, limit: 1000, include_docs: true, conflicts: true });
      for (const result of feed.results) {
        const conflicts = (result.doc as CouchDoc | undefined)?._conflicts;
        if (conflicts?.length && !(await this.settleIdentical(result.id))) ids.add(result.id);
      }
      cursor = feed.last_seq;
      if (feed.results.length < 1000) return { ids, last: cursor };
    }
  }

  /** Removes losing revisions whose content is the winner's (two machines made the same change); true when none remain. */
  private async settleIdentical(id: string): Promise<boolean> {
    const conflict = await this.conflict(id);
    if (!conflict) return true;
    const same = conflict.losers.filter(
      (l) =>
        (l.record === null) === (conflict.winner.record === null) &&
        (l.record === null || contentKey(l.record) === contentKey(conflict.winner.record!)),
    );
    if (same.length > 0) await this.write(same.map((l) => ({ _id: id, _rev: l.rev, _deleted: true })));
    return same.length === conflict.losers.length;
  }

  private async revision(id: string, rev: string): Promise<ConflictRevision> {
    const doc = (await this.db.get(id, { rev })) as unknown as CouchDoc;
    const decoded = doc._deleted ? null : fromCouchDoc(doc);
    return { rev, record: decoded?.ok && decoded.change.kind === 'record' ? decoded.change.record : null };
  }

  /** The winner and the losing revisions of one record; undefined when it has no conflict. */
  async conflict(id: string): Promise<SyncConflict | undefined> {
    let doc: CouchDoc;
    try {
      doc = (await this.db.get(id, { conflicts: true })) as unknown as CouchDoc;
    } catch {
      return undefined;
    }
    if (!doc._conflicts?.length) return undefined;
    const winner = await this.revision(id, doc._rev!);
    const losers = await Promise.all(doc._conflicts.map((rev) => this.revision(id, rev)));
    return { id, winner, losers };
  }

  /** Keeps revision `rev` of `id` (the winner or a loser) as the record's one current revision. */
  async resolve(id: string, rev: string): Promise<void> {
    const conflict = await this.conflict(id);
    if (!conflict) throw new Error(`${id} has no conflict to resolve (it may have been resolved elsewhere)`);
    const chosen = [conflict.winner, ...conflict.losers].find((r) => r.rev === rev);
    if (!chosen) throw new Error(`${id} has no current revision ${rev}`);
    const docs: CouchDoc[] = conflict.losers.map((l) => ({ _id: id, _rev: l.rev, _deleted: true }));
    if (chosen !== conflict.winner)
      docs.push(
        chosen.record
          ? canonical(toCouchDoc(chosen.record, conflict.winner.rev))
          : { _id: id, _rev: conflict.winner.rev, _deleted: true },
      );
    await this.write(docs);
  }

  /** Changes of this replica after `seq` (what the server has not had yet, when `seq` is what was pushed). */
  async countSince(seq: number | string, max = 10_000): Promise<number> {
    const feed = await this.db.changes({ since: seq, limit: max, return_docs: true });
    return feed.results.filter((r) => !r.id.startsWith('_')).length;
  }
}
