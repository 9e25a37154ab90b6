// Suggestions that come with imported documents are stored, not dropped:
// Label Studio predictions become kept suggestions (the suggesters' refresh
// leaves them be), spans of a Prodigy answer "reject" become rejections.
import { describe, expect, it } from 'vitest';
import type { IncomingDocument } from '../../../core/model';
import { storeDocuments } from '../../../renderer/db/documents-repo';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { listRejections, listSuggestions, replaceSuggestions } from '../../../renderer/db/suggestions-repo';

const TEXT = 'The NCA met 🇫🇷 France and Italy.';
let n = 0;
const doc = (extra: Partial<IncomingDocument>): IncomingDocument => ({
  id: 'd',
  name: 'd.txt',
  text: TEXT,
  sha256: 'sha-d',
  source: 'd.json',
  ...extra,
});
const at = (word: string) => ({ start: TEXT.indexOf(word), end: TEXT.indexOf(word) + word.length });

describe('storing the suggestions imported documents bring', () => {
  it('keeps predictions as suggestions with their source and score, and rejected ones as rejections', async () => {
    const db = openWorkbenchDb(`test-incoming-suggestions-${n++}`);
    const result = await storeDocuments(db, [
      doc({
        suggestions: [
          { ...at('France'), label: 'country', source: 'ner-v2', score: 0.7 },
          { ...at('NCA'), label: 'agency', source: 'ner-v2' },
          { ...at('Italy'), label: 'actor', source: 'prodigy', rejected: true },
        ],
      }),
    ]);
    expect(result).toMatchObject({ added: 1, suggestionsAdded: 2, rejectionsAdded: 1, labelsAdded: ['agency'] });
    const stored = await listSuggestions(db, 'd');
    expect(stored.map(({ text, label, source, score, kept }) => ({ text, label, source, score, kept }))).toEqual(
      expect.arrayContaining([
        { text: 'France', label: 'country', source: 'ner-v2', score: 0.7, kept: true },
        { text: 'NCA', label: 'agency', source: 'ner-v2', score: 1, kept: true },
      ]),
    );
    expect((await listRejections(db, 'd')).map(({ text, label, source }) => ({ text, label, source }))).toEqual([
      { text: 'Italy', label: 'actor', source: 'prodigy' },
    ]);
  });

  it('adds them to a document already stored, once however often the file is imported', async () => {
    const db = openWorkbenchDb(`test-incoming-suggestions-${n++}`);
    await storeDocuments(db, [doc({})]);
    const again = doc({ id: 'other', suggestions: [{ ...at('France'), label: 'country', source: 'm' }] });
    expect(await storeDocuments(db, [again])).toMatchObject({ added: 0, existing: 1, suggestionsAdded: 1 });
    expect(await storeDocuments(db, [again, again])).not.toHaveProperty('suggestionsAdded'); // nothing new
    expect((await listSuggestions(db, 'd')).map((s) => s.text)).toEqual(['France']);
  });

  it('survives the suggesters’ refresh, which replaces only their own rows', async () => {
    const db = openWorkbenchDb(`test-incoming-suggestions-${n++}`);
    await storeDocuments(db, [doc({ suggestions: [{ ...at('France'), label: 'country', source: 'ner-v2' }] })]);
    const rule = {
      id: `d:${at('NCA').start}:${at('NCA').end}:actor`,
      docId: 'd',
      ...at('NCA'),
      label: 'actor',
      text: 'NCA',
      source: 'actors',
      score: 0.9,
      createdAt: 2,
    };
    const sameAsKept = { ...rule, id: `d:${at('France').start}:${at('France').end}:country`, ...at('France') };
    const shown = await replaceSuggestions(db, 'd', [rule, { ...sameAsKept, label: 'country', source: 'countries' }]);
    expect(shown.map((s) => `${s.text}/${s.source}`).sort()).toEqual(['France/ner-v2', 'NCA/actors']);
    await replaceSuggestions(db, 'd', []); // the suggesters now find nothing: their rows go, the kept one stays
    expect((await listSuggestions(db, 'd')).map((s) => `${s.text}/${s.source}`)).toEqual(['France/ner-v2']);
  });
});
