// What an import streams to its caller: a batch of documents and problems,
// with how far the import has got. Lives here (not core/model.ts) so both
// main/services and the renderer can name it without importing Node code.
import type { CorpusLoad } from '../model';

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
}

export type ImportBatch = CorpusLoad & { progress: ImportProgress };
