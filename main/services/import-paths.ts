// Imports what the user picked or dropped: folders (recursively) and files in
// any format the app reads, recognised by content (core/formats/detect.ts):
// text, JSON Lines, Label Studio JSON, brat, CoNLL/IOB, W3C, WebAnno TSV, XMI.
// Streams batches with progress so a big import shows its progress and never
// builds one giant result. Files of no known format are reported as skipped;
// an unreadable file or folder is a problem, never a stop.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { IMPORT_BATCH_CHARS } from '../../core/io-shapes';
import type { ImportBatch } from '../../core/jsonl/import-batch';
import type { OffsetUnit } from '../../core/jsonl/span-check';
import type { CorpusLoad, InputProblem } from '../../core/model';
import { listFiles, readTextFile, SKIPPED_MESSAGE, textFileLoad } from './corpus-folder';
import { formatOfBytes, readFormatBytes, readFormatFile, readHead } from './format-file';
import {
  appendAll,
  BATCH_MAX_PROBLEMS,
  DEFAULT_BATCH_SIZE,
  readJsonlBytes,
  readJsonlFile,
  type ReadOptions,
} from './jsonl-file';

export type { ImportBatch, ImportProgress } from '../../core/jsonl/import-batch';
export { SKIPPED_MESSAGE };

/** A file to import and the name its documents get. */
interface PlannedFile {
  file: string;
  name: string;
}

interface Plan {
  files: PlannedFile[];
  problems: InputProblem[];
}

const skipped = (file: string): InputProblem => ({ file, message: SKIPPED_MESSAGE, severity: 'warning' });

async function planPath(input: string, plan: Plan, seen: Set<string>): Promise<void> {
  const info = await stat(input).catch(() => undefined);
  if (!info) return void plan.problems.push({ file: input, message: 'not found', severity: 'error' });
  // A folder and a file inside it may both be picked: read each file once.
  const add = (file: string, name: string) => {
    const key = path.resolve(file);
    if (!seen.has(key)) {
      plan.files.push({ file, name });
      seen.add(key);
    }
  };
  if (!info.isDirectory()) return add(input, path.basename(input));
  const listed = await listFiles(input);
  appendAll(plan.problems, listed.problems);
  for (const rel of listed.files) add(path.join(input, rel), rel);
}

/** A brat .ann or a W3C .w3c.json reads the .txt of its name; reading that .txt alone too would bring it in twice. */
function withoutCompanionTexts(files: PlannedFile[]): PlannedFile[] {
  const stems = new Set(
    files
      .filter((f) => /\.(ann|w3c\.json)$/i.test(f.file))
      .map((f) => path.resolve(f.file).replace(/\.(ann|w3c\.json)$/i, '')),
  );
  return files.filter((f) => !(/\.txt$/i.test(f.file) && stems.has(path.resolve(f.file).slice(0, -4))));
}

export async function planImport(paths: string[]): Promise<Plan> {
  const plan: Plan = { files: [], problems: [] };
  const seen = new Set<string>();
  for (const input of paths) await planPath(input, plan, seen);
  plan.files = withoutCompanionTexts(plan.files);
  return plan;
}

/** Loads of one planned file, by its content: JSONL streams in batches, other formats are one load. */
async function* loadsOf(planned: PlannedFile, options: ReadOptions): AsyncGenerator<CorpusLoad> {
  const head = await readHead(planned.file);
  const format = head ? formatOfBytes(planned.file, head) : 'text';
  if (format === 'jsonl') yield* readJsonlFile(planned.file, options);
  else if (format === 'text') yield await readTextFile(planned.file, planned.name);
  else if (format) yield await readFormatFile(planned.file, format, { offsets: options.offsets });
  else yield { documents: [], problems: [skipped(planned.file)] };
}

/** How many of `docs`, from the first, fill a batch: `size` of them, or fewer once their texts reach `chars` (0: not full yet). */
function fullLength(docs: CorpusLoad['documents'], size: number, chars: number): number {
  let total = 0;
  for (let i = 0; i < docs.length && i < size; i++) {
    total += docs[i].text.length;
    if (total >= chars) return i + 1;
  }
  return docs.length >= size ? size : 0;
}

/** Takes full batches (or a full load of problems) off `pending` (problems go with the first). */
function* fullBatches(pending: CorpusLoad, size: number, chars: number): Generator<CorpusLoad> {
  for (;;) {
    const length = fullLength(pending.documents, size, chars);
    if (length === 0 && pending.problems.length < BATCH_MAX_PROBLEMS) return;
    yield { documents: pending.documents.splice(0, length), problems: pending.problems.splice(0) };
  }
}

/**
 * Streams the documents of `paths` in batches of at most `batchSize` documents and about `batchChars`
 * characters of text (a batch ends with the text that reaches it; a longer text is a batch of its own). Every
 * batch tells how many files are done; the last one, always sent (possibly
 * empty), has filesDone === filesTotal.
 */
export async function* readImportPaths(
  paths: string[],
  options: ReadOptions & { batchChars?: number } = {},
): AsyncGenerator<ImportBatch> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const batchChars = Math.max(1, options.batchChars ?? IMPORT_BATCH_CHARS);
  const plan = await planImport(paths);
  const progress = { filesDone: 0, filesTotal: plan.files.length };
  const pending: CorpusLoad = { documents: [], problems: [...plan.problems] };
  for (const planned of plan.files) {
    for await (const load of loadsOf(planned, { batchSize, offsets: options.offsets })) {
      appendAll(pending.documents, load.documents);
      appendAll(pending.problems, load.problems);
      for (const batch of fullBatches(pending, batchSize, batchChars)) yield { ...batch, progress: { ...progress } };
    }
    progress.filesDone++;
  }
  yield { documents: pending.documents, problems: pending.problems, progress: { ...progress } };
}

/** A dropped file, given as bytes: recognised by content as files on disk are (it has no folder, so no companions). */
export function readImportBytes(
  name: string,
  bytes: Uint8Array,
  offsets?: OffsetUnit,
  companion?: { name: string; bytes: Uint8Array },
): CorpusLoad {
  const format = formatOfBytes(name, bytes);
  const sibling = (wanted: string) => (companion && companion.name === wanted ? companion.bytes : undefined);
  if (format === 'jsonl') return readJsonlBytes(name, bytes, offsets);
  if (format === 'text') return textFileLoad(bytes, path.basename(name), name);
  if (format) return readFormatBytes(name, bytes, format, { offsets, sibling });
  return { documents: [], problems: [skipped(name)] };
}
