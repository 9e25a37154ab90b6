// Reads JSONL corpora (Prodigy/spaCy, doccano or plain {"text"} lines) into
// documents with their spans, streaming: a 300 MB file is read in chunks and
// handed on in batches, never held whole. Each bad line becomes a problem
// naming file and line; every good line beside it still loads.
// JSONL is UTF-8 by definition, so a line that is not valid UTF-8 is an error
// (no Windows-1252 guess: a wrong guess would silently shift offsets).
// This is the one JSONL reader in main/services: user corpora, the seed folder
// and backup snapshots (main/services/backups.ts) all go through it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseJsonlLine } from '../../core/jsonl/parser';
import { unquotedAstralWarning } from '../../core/jsonl/record-shapes';
import type { OffsetUnit } from '../../core/jsonl/span-check';
import { problemsOf } from '../../core/jsonl/validator';
import type { CorpusLoad, IncomingDocument, InputProblem } from '../../core/model';
import { decodeUtf8Strict, firstInvalidUtf8, guessBomlessUtf16 } from './decode';
import { makeDocument } from './document-factory';
import { LineSplitter, splitByteLines, type RawLine } from './line-splitter';

const JSONL_EXTENSIONS = ['.jsonl'];
export const DEFAULT_BATCH_SIZE = 500;
/** Problems a batch holds at most: a file of a million bad lines still streams in bounded batches. */
export const BATCH_MAX_PROBLEMS = 1000;
const CHUNK_BYTES = 1 << 20;

/** Where a line's document says it came from when the record does not say. */
export interface LineOrigin {
  /** Names the file in problems. */
  file: string;
  /** The document's name when the record has no meta.name. */
  name(lineNo: number): string;
  /** The document's source when the record has no meta.source. */
  source(lineNo: number): string;
}

export interface ReadOptions {
  /** Documents a batch holds at most (problems ride along). */
  batchSize?: number;
  /** Defaults: the file's base name and `path:line`. */
  origin?: LineOrigin;
  /** How the file's span offsets count (code points unless the user says UTF-16). */
  offsets?: OffsetUnit;
}

export function isJsonlFile(file: string): boolean {
  return JSONL_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** A user's file: documents are named `file.jsonl:line` and come from `path:line`. */
export function fileOrigin(file: string): LineOrigin {
  return { file, name: (lineNo) => `${path.basename(file)}:${lineNo}`, source: (lineNo) => `${file}:${lineNo}` };
}

const emptyLoad = (): CorpusLoad => ({ documents: [], problems: [] });

/** Appends without spreading: `push(...list)` overflows the stack for a list of 150,000. */
export function appendAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

function isUtf16Signature(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function invalidUtf8Message(bytes: Uint8Array): string {
  const at = firstInvalidUtf8(bytes);
  return `not valid UTF-8 (byte 0x${bytes[at].toString(16).toUpperCase()} at byte ${at + 1} of the line); JSONL must be UTF-8`;
}

/** Files (by their origin) already warned that unquoted offsets meet astral text: once a file is enough. */
const warnedAstral = new WeakSet<LineOrigin>();

/** One line into `into`: a document, problems, or nothing for a blank line. */
export function loadJsonlLine(origin: LineOrigin, line: RawLine, into: CorpusLoad, offsets?: OffsetUnit): void {
  const { file } = origin;
  const text = decodeUtf8Strict(line.bytes);
  if (text === undefined) {
    into.problems.push({ file, line: line.lineNo, message: invalidUtf8Message(line.bytes), severity: 'error' });
    return;
  }
  const parsed = parseJsonlLine(text, line.lineNo, { offsets });
  appendAll(into.problems, problemsOf(parsed, file));
  if (!parsed.ok) return;
  if (parsed.unquotedAstral && !warnedAstral.has(origin)) {
    warnedAstral.add(origin);
    const message = unquotedAstralWarning(offsets ?? 'codepoints');
    into.problems.push({ file, line: line.lineNo, message, severity: 'warning' });
  }
  const { record } = parsed;
  const name = record.name ?? origin.name(line.lineNo);
  // meta.source (written by our own export) keeps a document's origin across an export and re-import.
  const source = record.source ?? origin.source(line.lineNo);
  const doc: IncomingDocument = { ...makeDocument(name, record.text, source, record.id), spans: record.spans };
  if (record.relations) doc.relations = record.relations;
  if (record.status) doc.status = record.status;
  if (record.updatedAt !== undefined) doc.updatedAt = record.updatedAt;
  if (record.relations) doc.relations = record.relations;
  if (record.suggestions) doc.suggestions = record.suggestions;
  if (record.categories) doc.categories = record.categories;
  into.documents.push(doc);
}

/** A record line as JSONL holds it: opens an object or array, with no control characters but tab and line ends. */
function looksLikeJsonLine(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are the evidence against the guess
  return /^\s*[{[]/.test(text) && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text);
}

/** The problem for a UTF-16 file, which would otherwise fail on every line. */
function utf16Problem(file: string, first: RawLine | undefined): InputProblem | undefined {
  if (!first || first.lineNo !== 1) return undefined;
  if (isUtf16Signature(first.bytes))
    return { file, line: 1, message: 'file is UTF-16; JSONL must be UTF-8 (save it as UTF-8)', severity: 'error' };
  // Without a byte-order mark, UTF-16 shows as zero bytes at every other position of the first line.
  const even = first.bytes.subarray(0, first.bytes.length & ~1);
  const guess = guessBomlessUtf16(even);
  // The guess alone refused whole files over a short first line with a NUL in it (found by the 1,000,000-case
  // fuzz): it holds only when the line, read so, is a JSON record, which the file then really is in UTF-16.
  if (!guess || !looksLikeJsonLine(new TextDecoder(guess).decode(even))) return undefined;
  return {
    file,
    line: 1,
    message: `file looks like ${guess.toUpperCase()} without a byte-order mark; JSONL must be UTF-8 (save it as UTF-8)`,
    severity: 'error',
  };
}

/** A JSONL file given as bytes (a dropped file): one load, `name` naming it in problems. */
export function readJsonlBytes(name: string, bytes: Uint8Array, offsets?: OffsetUnit): CorpusLoad {
  const lines = splitByteLines(bytes);
  const utf16 = utf16Problem(name, lines[0]);
  if (utf16) return { documents: [], problems: [utf16] };
  const load = emptyLoad();
  const origin = fileOrigin(name);
  for (const line of lines) loadJsonlLine(origin, line, load, offsets);
  return load;
}

async function missingFile(file: string): Promise<CorpusLoad | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return undefined;
  return { documents: [], problems: [{ file, message: info ? 'not a file' : 'file not found', severity: 'error' }] };
}

/**
 * Streams `file` as batches of at most `batchSize` documents. Every batch
 * holds the problems of its lines; the last batch may be empty of documents.
 */
export async function* readJsonlFile(file: string, options: ReadOptions = {}): AsyncGenerator<CorpusLoad> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const origin = options.origin ?? fileOrigin(file);
  const missing = await missingFile(file);
  if (missing) return void (yield missing);
  const splitter = new LineSplitter();
  let batch = emptyLoad();
  const lines = chunkLines(file, splitter);
  for (;;) {
    let step: IteratorResult<RawLine[]>;
    try {
      step = await lines.next();
    } catch (error) {
      // Unreadable (EACCES, EIO, gone mid-read): a problem of this file; what was read before it stays read.
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      batch.problems.push({ file: origin.file, message: `could not read the file (${code})`, severity: 'error' });
      break;
    }
    if (step.done) break;
    const utf16 = utf16Problem(origin.file, step.value[0]);
    if (utf16) return void (yield { documents: [], problems: [utf16] });
    for (const line of step.value) {
      loadJsonlLine(origin, line, batch, options.offsets);
      if (batch.documents.length >= batchSize || batch.problems.length >= BATCH_MAX_PROBLEMS) {
        yield batch;
        batch = emptyLoad();
      }
    }
  }
  if (batch.documents.length > 0 || batch.problems.length > 0) yield batch;
}

async function* chunkLines(file: string, splitter: LineSplitter): AsyncGenerator<RawLine[]> {
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
    yield splitter.push(chunk as Buffer);
  }
  yield splitter.end();
}

/** The whole file as one load (small files, the seed folder). */
export async function readJsonlFileWhole(file: string): Promise<CorpusLoad> {
  const load = emptyLoad();
  for await (const batch of readJsonlFile(file)) {
    appendAll(load.documents, batch.documents);
    appendAll(load.problems, batch.problems);
  }
  return load;
}
