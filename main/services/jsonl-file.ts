// Reads JSONL corpora (Prodigy/spaCy, doccano or plain {"text"} lines) into
// documents with their spans, streaming: a 300 MB file is read in chunks and
// handed on in batches, never held whole. Each bad line becomes a problem
// naming file and line; every good line beside it still loads.
// JSONL is UTF-8 by definition, so a line that is not valid UTF-8 is an error
// (no Windows-1252 guess: a wrong guess would silently shift offsets).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { problemsOf } from '../../core/jsonl/validator';
import { parseJsonlLine } from '../../core/jsonl/parser';
import type { CorpusDocument, DocStatus, InputProblem, SpanDraft } from '../../core/model';
import { decodeUtf8Strict, firstInvalidUtf8 } from './decode';
import { makeDocument } from './document-factory';
import { LineSplitter, splitByteLines, type RawLine } from './line-splitter';

export const JSONL_EXTENSIONS = ['.jsonl'];
export const DEFAULT_BATCH_SIZE = 500;
const CHUNK_BYTES = 1 << 20;

/** A document read from JSONL: what CorpusLoad holds, plus meta.updated_at when given. */
export type JsonlDocument = CorpusDocument & { spans?: SpanDraft[]; status?: DocStatus; updatedAt?: number };

export interface JsonlLoad {
  documents: JsonlDocument[];
  problems: InputProblem[];
}

export interface ReadOptions {
  /** Documents a batch holds at most (problems ride along). */
  batchSize?: number;
}

export function isJsonlFile(file: string): boolean {
  return JSONL_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

const emptyLoad = (): JsonlLoad => ({ documents: [], problems: [] });

function isUtf16Signature(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function invalidUtf8Message(bytes: Uint8Array): string {
  const at = firstInvalidUtf8(bytes);
  return `not valid UTF-8 (byte 0x${bytes[at].toString(16).toUpperCase()} at byte ${at + 1} of the line); JSONL must be UTF-8`;
}

/** One line of `file` into `into`: a document, problems, or nothing for a blank line. */
export function loadJsonlLine(file: string, line: RawLine, into: JsonlLoad): void {
  const text = decodeUtf8Strict(line.bytes);
  if (text === undefined) {
    into.problems.push({ file, line: line.lineNo, message: invalidUtf8Message(line.bytes), severity: 'error' });
    return;
  }
  const parsed = parseJsonlLine(text, line.lineNo);
  into.problems.push(...problemsOf(parsed, file));
  if (!parsed.ok) return;
  const { record } = parsed;
  const name = record.name ?? `${path.basename(file)}:${line.lineNo}`;
  // meta.source (written by our own export) keeps a document's origin across an export and re-import.
  const source = record.source ?? `${file}:${line.lineNo}`;
  const doc: JsonlDocument = { ...makeDocument(name, record.text, source, record.id), spans: record.spans };
  if (record.status) doc.status = record.status;
  if (record.updatedAt !== undefined) doc.updatedAt = record.updatedAt;
  into.documents.push(doc);
}

/** The problem for a UTF-16 file, which would otherwise fail on every line. */
function utf16Problem(file: string, first: RawLine | undefined): InputProblem | undefined {
  if (!first || first.lineNo !== 1 || !isUtf16Signature(first.bytes)) return undefined;
  return { file, line: 1, message: 'file is UTF-16; JSONL must be UTF-8 (save it as UTF-8)', severity: 'error' };
}

/** A JSONL file given as bytes (a dropped file): one load, `name` naming it in problems. */
export function readJsonlBytes(name: string, bytes: Uint8Array): JsonlLoad {
  const lines = splitByteLines(bytes);
  const utf16 = utf16Problem(name, lines[0]);
  if (utf16) return { documents: [], problems: [utf16] };
  const load = emptyLoad();
  for (const line of lines) loadJsonlLine(name, line, load);
  return load;
}

async function missingFile(file: string): Promise<JsonlLoad | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return undefined;
  return { documents: [], problems: [{ file, message: info ? 'not a file' : 'file not found', severity: 'error' }] };
}

/**
 * Streams `file` as batches of at most `batchSize` documents. Every batch
 * holds the problems of its lines; the last batch may be empty of documents.
 */
export async function* readJsonlFile(file: string, options: ReadOptions = {}): AsyncGenerator<JsonlLoad> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const missing = await missingFile(file);
  if (missing) return void (yield missing);
  const splitter = new LineSplitter();
  let batch = emptyLoad();
  for await (const lines of chunkLines(file, splitter)) {
    const utf16 = utf16Problem(file, lines[0]);
    if (utf16) return void (yield { documents: [], problems: [utf16] });
    for (const line of lines) {
      loadJsonlLine(file, line, batch);
      if (batch.documents.length >= batchSize) {
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
export async function readJsonlFileWhole(file: string): Promise<JsonlLoad> {
  const load = emptyLoad();
  for await (const batch of readJsonlFile(file)) {
    load.documents.push(...batch.documents);
    load.problems.push(...batch.problems);
  }
  return load;
}
