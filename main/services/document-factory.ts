// Builds CorpusDocument values: the dedup key comes from the text itself, and so does the id when the source gave none.
import { createHash } from 'node:crypto';
import type { CorpusDocument } from '../../core/model';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A document as read from a file: its own id if the source gave one, else its text's hash prefix, marked so. */
export function makeDocument(name: string, text: string, source: string, id?: string): CorpusDocument {
  const sha256 = sha256Hex(text);
  if (id !== undefined) return { id, name, text, sha256, source };
  return { id: sha256.slice(0, 16), idFromText: true, name, text, sha256, source };
}
