// Every database an earlier release wrote must open in this one with its data
// intact. For each version N in schemaHistory, the test declares only the
// first N versions (what release N would have declared), writes a corpus,
// closes, and reopens with today's openWorkbenchDb. Appending version N+1 to
// schemaHistory makes this test check the N -> N+1 upgrade with no edit here.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord, Label, Relation, Span, TextRecord } from '../../../core/model';
import { openWorkbenchDb, schemaHistory, type Setting } from '../../../renderer/db/schema';

interface Corpus {
  documents: DocumentRecord[];
  texts: TextRecord[];
  spans: Span[];
  labels: Label[];
  settings: Setting[];
  relations: Relation[];
}

const TEXT = 'The Home Secretary pledged £5 million to Italy. 🇮🇹 ok';

function sampleCorpus(version: number): Corpus {
  const doc = (id: string, sha: string): DocumentRecord => ({
    id,
    name: `${id}.txt`,
    sha256: sha,
    source: `/corpus/${id}.txt`,
    preview: TEXT.slice(0, 20),
    length: TEXT.length,
    status: 'in_progress',
    spanCount: 2,
    addedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000 + version,
  });
  const span = (id: string, docId: string, start: number, end: number, label: string): Span => ({
    id,
    docId,
    start,
    end,
    label,
    text: TEXT.slice(start, end),
    note: `v${version}`,
    createdAt: 1,
    updatedAt: 2,
  });
  return {
    documents: [doc('a', 'a'.repeat(64)), doc('b', 'b'.repeat(64))],
    texts: [
      { id: 'a', text: TEXT },
      { id: 'b', text: TEXT },
    ],
    spans: [
      span('s1', 'a', 4, 18, 'actor'),
      span('s2', 'a', 27, 37, 'money'),
      span('s3', 'b', 41, 46, 'country'),
      span('s4', 'b', 48, 52, 'flag'),
    ],
    labels: [
      { name: 'actor', color: '#111111', key: '1', order: 0 },
      { name: 'flag', color: '#222222', key: '', order: 1 },
    ],
    relations: [
      { id: 'r1', docId: 'a', head: 's1', child: 's2', label: 'funds', createdAt: 1, updatedAt: 2, version: 1 },
    ],
    settings: [
      { key: 'lastDocumentId', value: 'b' },
      { key: 'snapMode', value: 'char' },
      { key: 'seedCorpusLoaded', value: true },
    ],
  };
}

const TABLES = ['documents', 'texts', 'spans', 'labels', 'settings', 'relations'] as const;

/** What release `version` would have opened: only the first `version` schema declarations. */
async function writeAtVersion(name: string, version: number, corpus: Corpus): Promise<void> {
  const old = new Dexie(name);
  for (const declare of schemaHistory.slice(0, version)) declare(old);
  await old.open();
  expect(old.verno).toBe(version);
  await old.transaction(
    'rw',
    TABLES.filter((t) => old.tables.some((x) => x.name === t)).map((t) => old.table(t)),
    async () => {
      // A table the release did not have yet (relations before version 6) gets no rows.
      for (const table of TABLES)
        if (old.tables.some((x) => x.name === table)) await old.table(table).bulkPut(corpus[table]);
    },
  );
  old.close();
}

const byKey = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));

describe('Dexie schema history', () => {
  it('declares versions 1, 2, ... in order', () => {
    schemaHistory.forEach((declare, i) => {
      const db = new Dexie(`declare-check-${i}`);
      for (const d of schemaHistory.slice(0, i + 1)) d(db);
      expect(db.verno).toBe(i + 1);
    });
  });

  for (let version = 1; version <= schemaHistory.length; version++) {
    it(`opens a version ${version} database at version ${schemaHistory.length} with every row intact`, async () => {
      const name = `schema-history-v${version}`;
      const corpus = sampleCorpus(version);
      await writeAtVersion(name, version, corpus);
      const db = openWorkbenchDb(name);
      await db.open();
      expect(db.verno).toBe(schemaHistory.length);
      // toMatchObject: a later version may add fields, but must not lose or change these.
      expect(byKey(await db.documents.toArray(), (d) => d.id)).toMatchObject(corpus.documents);
      expect(byKey(await db.texts.toArray(), (t) => t.id)).toMatchObject(corpus.texts);
      expect(byKey(await db.spans.toArray(), (s) => s.id)).toMatchObject(corpus.spans);
      expect(byKey(await db.settings.toArray(), (s) => s.key)).toMatchObject(byKey(corpus.settings, (s) => s.key));
      // The old release's labels are kept as they were (no default label overwrote them).
      const labels = await db.labels.toArray();
      for (const label of corpus.labels) expect(labels.find((l) => l.name === label.name)).toMatchObject(label);
      // The indexes the app queries by still answer.
      expect(await db.spans.where('docId').equals('a').count()).toBe(2);
      expect((await db.documents.where('sha256').equals('b'.repeat(64)).first())?.id).toBe('b');
      expect(await db.spans.where('label').equals('flag').count()).toBe(1);
      // Version 11: those two answer from the compound indexes; the spans table keeps three indexes of its own.
      expect(db.backendDB().transaction('spans').objectStore('spans').indexNames).toEqual(
        expect.objectContaining({ length: 3 }),
      );
      // Relations (version 6): kept when the release had them; a database from before gets the default relation labels.
      const relations = await db.relations.where('head').equals('s1').toArray();
      if (version >= 6) expect(relations).toMatchObject(corpus.relations);
      else {
        expect(relations).toEqual([]);
        expect((await db.relationLabels.orderBy('order').toArray()).map((l) => l.name)).toEqual([
          'commits',
          'funds',
          'involves',
          'speaks_for',
        ]);
      }
      db.close();
    });
  }
});
