// The schema's upgrade functions, named and kept beside the schema (as
// Desktop's repositories-database.ts keeps its own): they build derived rows
// with rows.ts and core/ alone, and import no feature module.
import type { Transaction } from 'dexie';
import { DEFAULT_RELATION_LABELS } from '../../core/relations/labels';
import { postingsFor, signatureOf, type TermPosting } from './rows';

/** Rows read and written at a time, so an upgrade of 100,000 texts stays in bounded memory. */
export const UPGRADE_CHUNK = 500;

type TextRow = { id: string; text: string };

/** Version 2: indexes every text stored by version 1 for text search. */
export async function indexExistingTexts(tx: Transaction): Promise<void> {
  const postings: TermPosting[] = [];
  let chunk: TextRow[] = [];
  let n = 0;
  const flush = () => {
    postings.push(...postingsFor(chunk, `v2-upgrade-${n++}`));
    chunk = [];
  };
  await tx.table('texts').each((t: TextRow) => {
    chunk.push(t);
    if (chunk.length >= UPGRADE_CHUNK) flush();
  });
  if (chunk.length > 0) flush();
  await tx.table('terms').bulkPut(postings);
}

/** Version 3: MinHash signatures for the texts already stored, a chunk at a time. */
export async function signExistingTexts(tx: Transaction): Promise<void> {
  const texts = tx.table('texts');
  const keys = (await texts.toCollection().primaryKeys()) as string[];
  for (let i = 0; i < keys.length; i += UPGRADE_CHUNK) {
    const rows = (await texts.bulkGet(keys.slice(i, i + UPGRADE_CHUNK))) as Array<TextRow | undefined>;
    await tx.table('signatures').bulkPut(rows.filter((r): r is TextRow => !!r).map((r) => signatureOf(r.id, r.text)));
  }
}

/**
 * Version 4: every span carries a version, so a write made on an older copy
 * of a span (a second window) is detected. Spans stored before start at 1.
 */
export async function versionExistingSpans(tx: Transaction): Promise<void> {
  await tx
    .table('spans')
    .toCollection()
    .modify((span: { version?: number }) => {
      if (span.version === undefined) span.version = 1;
    });
}

/** Version 5: the default relation labels, unless the set already holds some. */
export async function seedRelationLabels(tx: Transaction): Promise<void> {
  const table = tx.table('relationLabels');
  if ((await table.count()) > 0) return;
  await table.bulkPut(DEFAULT_RELATION_LABELS.map((label) => ({ ...label })));
}
