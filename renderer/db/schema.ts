// The whole IndexedDB schema and its history, in one place. A new version is
// appended, never edited: each names its upgrade function, so a database
// written by any earlier release opens in this one with its data intact.
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import {
  DEFAULT_LABELS,
  type DocumentRecord,
  type Label,
  type Rejection,
  type Relation,
  type RelationLabel,
  type Span,
  type Suggestion,
  type TextRecord,
} from '../../core/model';
import { signaturesFingerprint, termsFingerprint } from './index-fingerprints';
import type { Setting, SignatureRecord, TermPosting, UnindexedBatch } from './rows';
import { indexExistingTexts, seedRelationLabels, signExistingTexts, versionExistingSpans } from './upgrades';

export type { Setting } from './rows';

export type WorkbenchDb = Dexie & {
  documents: EntityTable<DocumentRecord, 'id'>;
  texts: EntityTable<TextRecord, 'id'>;
  spans: EntityTable<Span, 'id'>;
  labels: EntityTable<Label, 'name'>;
  settings: EntityTable<Setting, 'key'>;
  /** Version 2: the text search index, one posting list per term and stored batch. */
  terms: Table<TermPosting, [string, string]>;
  /** Version 3: MinHash signatures with their LSH band keys, for similar documents. */
  signatures: EntityTable<SignatureRecord, 'id'>;
  /** Relations between spans (head -> child, by span id). */
  relations: EntityTable<Relation, 'id'>;
  /** The relation label set, like `labels`. */
  relationLabels: EntityTable<RelationLabel, 'name'>;
  /** Version 7: suggested spans per document, apart from annotations until accepted. */
  suggestions: EntityTable<Suggestion, 'id'>;
  /** Version 7: rejected suggestions, keyed by document, offsets and label. */
  rejections: Table<Rejection, [string, number, number, string]>;
  /** Version 10: stored batches whose search terms and signatures are not written yet. */
  unindexed: EntityTable<UnindexedBatch, 'batch'>;
};

export const DEFAULT_DB_NAME = 'seed-workbench';

/** Version 1: documents (metadata), their texts, spans, labels, settings. */
function version1(db: Dexie): void {
  db.version(1).stores({
    documents: 'id, &sha256, name, status, updatedAt',
    texts: 'id',
    spans: 'id, docId, [docId+start], label',
    labels: 'name, order',
    settings: 'key',
  });
}

/** A new database: the default labels, and the fingerprints of the code that will fill its indexes. */
async function populate(tx: Transaction): Promise<void> {
  await tx.table('labels').bulkPut(DEFAULT_LABELS.map((label) => ({ ...label })));
  await seedRelationLabels(tx);
  await tx.table('settings').bulkPut([
    { key: 'termsIndexVersion', value: termsFingerprint() },
    { key: 'signaturesIndexVersion', value: signaturesFingerprint() },
  ]);
}

/**
 * Version 2 (scale to 100,000 documents): the `terms` search index, and
 * spans indexed by [label+docId] so "documents with a span labelled X" reads
 * index keys only. The upgrade indexes the texts already stored.
 */
function version2(db: Dexie): void {
  db.version(2)
    .stores({ terms: '[term+batch]', spans: 'id, docId, [docId+start], label, [label+docId]' })
    .upgrade((tx) => indexExistingTexts(tx));
}

/**
 * Version 3 (side-by-side reading): each document's MinHash signature, with a
 * multiEntry index on its min-hash values. The upgrade signs the stored texts.
 */
function version3(db: Dexie): void {
  db.version(3)
    .stores({ signatures: 'id, *mins' })
    .upgrade((tx) => signExistingTexts(tx));
}

/**
 * Version 4 (two windows on one profile): spans carry a version (no new
 * index; the field is read inside each write's transaction). The upgrade
 * versions the spans already stored.
 */
function version4(db: Dexie): void {
  db.version(4)
    .stores({})
    .upgrade((tx) => versionExistingSpans(tx));
}

/**
 * Version 5 (document categories): a multiEntry index on documents'
 * `categories`, so "documents in category X" reads index keys only. No
 * upgrade: documents stored before have no categories, and an absent field
 * is simply not in the index.
 */
function versionCategories(db: Dexie): void {
  db.version(5).stores({ documents: 'id, &sha256, name, status, updatedAt, *categories' });
}

/**
 * Version 6 (relations between spans): a `relations` table, indexed by
 * document and by each end (deleting a span finds its relations), and the
 * relation label set. The upgrade gives an existing database the default
 * relation labels; it has no relations yet.
 */
function versionRelations(db: Dexie): void {
  db.version(6)
    .stores({ relations: 'id, docId, head, child, label', relationLabels: 'name, order' })
    .upgrade((tx) => seedRelationLabels(tx));
}

/**
 * Version 7 (suggestions): suggested spans with their source and score, and
 * the suggestions a person rejected (never suggested again at the same
 * offsets and label; negatives for the tagger). New tables only: no upgrade.
 */
function versionSuggestions(db: Dexie): void {
  db.version(7).stores({ suggestions: 'id, docId', rejections: '[docId+start+end+label], docId' });
}

/**
 * Version 8 (teams): spans indexed by annotator, so the annotators of a corpus
 * are read from index keys, and whether an adjudicated layer exists is one
 * key lookup. Rows from before have no annotator (the local annotator's) and
 * stay out of the index; nothing to upgrade.
 */
function versionTeams(db: Dexie): void {
  db.version(8).stores({ spans: 'id, docId, [docId+start], label, [label+docId], annotator' });
}

/**
 * Version 9 (sync): the outbox of records changed since they were handed to
 * main (renderer/db/sync-outbox.ts), one row per table and id. Nothing to
 * upgrade: records stored before are noted when sync is first switched on.
 */
function versionSync(db: Dexie): void {
  db.version(9).stores({ syncOutbox: 'key' });
}

/**
 * Version 10 (import at the speed of storage): documents are stored first and
 * their search terms and signatures written after, off the import's path
 * (renderer/db/background-index.ts); `unindexed` is the durable marker of the
 * batches still waiting, so an interrupted run resumes at the next start.
 * Everything stored before was indexed when stored: nothing to upgrade.
 */
function versionUnindexed(db: Dexie): void {
  db.version(10).stores({ unindexed: 'batch' });
}

/**
 * Version 11 (fewer writes a span): the spans table loses its `docId` and
 * `label` indexes, which the compound `[docId+start]` and `[label+docId]`
 * already hold as their first part (Dexie answers `where('docId')` and
 * `where('label')` from them: its virtual indexes). Every index is one more
 * write a span stored: five made 100,000 span puts about a fifth slower than
 * three. Dexie drops the two indexes; the rows stay as they are.
 */
function versionLeanSpans(db: Dexie): void {
  db.version(11).stores({ spans: 'id, [docId+start], [label+docId], annotator' });
}

export const schemaHistory: ReadonlyArray<(db: Dexie) => void> = [
  version1,
  version2,
  version3,
  version4,
  versionCategories,
  versionRelations,
  versionSuggestions,
  versionTeams,
  versionSync,
  versionUnindexed,
  versionLeanSpans,
];

export function openWorkbenchDb(name = DEFAULT_DB_NAME): WorkbenchDb {
  // Strict durability: a transaction reports complete only once its data is
  // flushed to disk, so "All changes saved" survives a crash of the browser or
  // the machine (Chrome's default, relaxed, may lose the last commits).
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as WorkbenchDb;
  for (const declare of schemaHistory) declare(db);
  db.on('populate', (tx) => populate(tx));
  return db;
}
