// Builds CorpusDocument values; the id and dedup key come from the text itself.
import { createHash } from 'node:crypto';
import type { CorpusDocument } from '../../core/model';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function makeDocument(name: string, text: string, source: string, id?: string): CorpusDocument {
  const sha256 = sha256Hex(text);
  return { id: id ?? sha256.slice(0, 16), name, text, sha256, source };
}
