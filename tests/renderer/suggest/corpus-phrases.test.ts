// O's requests: a text and label asked for in every document are kept in
// settings (a new start reads them back), O again takes one back, and the
// count of documents with the text finds it where the worker would (whole
// words, not inside another word).
import { describe, expect, it } from 'vitest';
import { storeDocuments } from '../../../renderer/db/documents-repo';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { CorpusPhrases } from '../../../renderer/suggest/corpus-phrases';

let n = 0;

describe('CorpusPhrases', () => {
  it('keeps a request across starts, takes it back on a second ask, and counts the documents that have it', async () => {
    const db = openWorkbenchDb(`corpus-phrases-${n++}`);
    await storeDocuments(db, [
      { id: 'a', name: 'a.txt', text: 'The Home Office met Italy.', sha256: 'a'.repeat(64), source: 'a' },
      { id: 'b', name: 'b.txt', text: 'Italy and Italyland.', sha256: 'b'.repeat(64), source: 'b' },
      { id: 'c', name: 'c.txt', text: 'Nothing here: Italyland only.', sha256: 'c'.repeat(64), source: 'c' },
    ]);
    const italy = { phrase: 'Italy', label: 'country' };
    const phrases = new CorpusPhrases(db);
    expect(await phrases.current()).toEqual([]);
    expect(await phrases.toggle(italy)).toEqual({ added: true });
    expect(await phrases.documentsWith(italy)).toBe(2);
    expect(await new CorpusPhrases(db).current()).toEqual([italy]);
    // The same text with another label is another request; the same text and label again takes it back.
    await phrases.toggle({ phrase: 'Italy', label: 'actor' });
    expect(await phrases.toggle(italy)).toEqual({ added: false });
    expect(await new CorpusPhrases(db).current()).toEqual([{ phrase: 'Italy', label: 'actor' }]);
  });
});
