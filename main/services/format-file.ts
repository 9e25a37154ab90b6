// Reads a file in any format the app knows (core/formats/detect.ts decides by
// content) into documents: bytes decoded here, the pure readers in
// core/formats turn text into documents, ids and hashes are made here.
// JSON Lines stream (main/services/jsonl-file.ts); every other format is read
// whole, one file at a time. brat's .ann is read with the .txt of the same
// name; W3C annotations with the .txt of the same name (a.w3c.json -> a.txt).
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readBrat } from '../../core/formats/brat';
import { readConll } from '../../core/formats/conll';
import { detectFormat, type InputFormat } from '../../core/formats/detect';
import type { FormatDocument, FormatRead } from '../../core/formats/document';
import { parseJsonDocument, readJsonValue } from '../../core/formats/json-document';
import { readUimaXmi } from '../../core/formats/uima-xmi';
import { isW3cAnnotations, readW3c } from '../../core/formats/w3c';
import { readWebAnnoTsv } from '../../core/formats/webanno-tsv';
import { withinLimits } from '../../core/formats/within-limits';
import type { OffsetUnit } from '../../core/jsonl/span-check';
import { overLimit, textOverLimit, textWithinLimit } from '../../core/limits';
import type { CorpusLoad, IncomingDocument, InputProblem } from '../../core/model';
import { decodeBytes } from './decode';
import { makeDocument } from './document-factory';

/** A file read whole: more than this is refused (JSON Lines stream and have no such limit). */
export const WHOLE_FILE_MAX_BYTES = 512 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

export interface FormatReadOptions {
  offsets?: OffsetUnit;
  /** A file next to this one (brat's .txt, a W3C file's text); undefined when there is none. */
  sibling?: (name: string) => Uint8Array | undefined;
}

/** The format of a file from its first bytes. */
export function formatOfBytes(name: string, bytes: Uint8Array): InputFormat | undefined {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, HEAD_BYTES));
  return detectFormat(name, head);
}

function toIncoming(doc: FormatDocument, file: string, n: number, many: boolean): IncomingDocument {
  const base = path.basename(file);
  const where = doc.line ?? n + 1;
  const name = doc.name ?? (many ? `${base}:${where}` : base);
  const source = many ? `${file}:${where}` : file;
  const { line: _line, meta: _meta, name: _name, id, ...parts } = doc;
  return { ...parts, ...makeDocument(name, doc.text, source, id) };
}

function loadOf(raw: FormatRead, file: string): CorpusLoad {
  const read: FormatRead = { documents: [], problems: [...raw.problems] };
  for (const d of raw.documents) {
    const checked = withinLimits(d);
    read.documents.push(checked.doc);
    for (const p of checked.problems) read.problems.push(p);
  }
  const problems: InputProblem[] = read.problems.map((p) => ({ file, ...p }));
  const tooLong = read.documents.filter((d) => !textWithinLimit(d.text));
  for (const d of tooLong)
    problems.push({
      file,
      line: d.line,
      message: `not imported: ${textOverLimit('the text', d.text)}`,
      severity: 'error',
    });
  const many = read.documents.length > 1;
  const documents = read.documents.filter((d) => textWithinLimit(d.text)).map((d, n) => toIncoming(d, file, n, many));
  return { documents, problems };
}

const fail = (file: string, message: string, line?: number): CorpusLoad => ({
  documents: [],
  problems: [line === undefined ? { file, message, severity: 'error' } : { file, line, message, severity: 'error' }],
});

/** The stem a companion file shares: a.ann -> a, a.w3c.json -> a. */
const stemOf = (name: string) => name.replace(/(\.w3c)?\.(ann|json|jsonld)$/i, '');

function decoded(bytes: Uint8Array, file: string): { text: string } | CorpusLoad {
  const d = decodeBytes(bytes);
  return d.ok ? { text: d.text } : fail(file, d.error, d.line);
}

/** One file of a known non-JSONL format, as a load. `file` names it in problems. */
export function readFormatBytes(
  file: string,
  bytes: Uint8Array,
  format: InputFormat,
  options: FormatReadOptions = {},
): CorpusLoad {
  if (bytes.length > WHOLE_FILE_MAX_BYTES)
    return fail(
      file,
      `${overLimit('the file', bytes.length, WHOLE_FILE_MAX_BYTES, 'bytes')} for this format; split it`,
    );
  const content = decoded(bytes, file);
  if (!('text' in content)) return content;
  const text = content.text;
  switch (format) {
    case 'conll':
      return loadOf(readConll(text), file);
    case 'webanno-tsv':
      return loadOf(readWebAnnoTsv(text), file);
    case 'xmi':
      return loadOf(readUimaXmi(text), file);
    case 'brat': {
      const txtName = `${stemOf(path.basename(file))}.txt`;
      const txt = options.sibling?.(txtName);
      if (!txt)
        return fail(
          file,
          `a brat .ann needs its text: ${txtName} was not found beside it (import both, or their folder)`,
        );
      const body = decoded(txt, txtName);
      if (!('text' in body)) return body;
      const read = readBrat(body.text, text);
      read.documents.forEach((d) => (d.name = txtName));
      return loadOf(read, file);
    }
    case 'json': {
      const parsed = parseJsonDocument(text);
      if (!('value' in parsed)) return fail(file, parsed.message, parsed.line);
      if (isW3cAnnotations(parsed.value)) {
        const txtName = `${stemOf(path.basename(file))}.txt`;
        const txt = options.sibling?.(txtName);
        if (!txt)
          return fail(
            file,
            `W3C annotations point into a text this file does not hold: put it beside the file as ${txtName}`,
          );
        const body = decoded(txt, txtName);
        if (!('text' in body)) return body;
        const read = readW3c(parsed.value, body.text);
        read.documents.forEach((d) => (d.name = txtName));
        return loadOf(read, file);
      }
      return loadOf(readJsonValue(parsed.value, { offsets: options.offsets }), file);
    }
    default:
      return fail(file, `not read as ${format} here`);
  }
}

/** A file on disk in a non-JSONL format; its companions are looked for in its folder. */
export async function readFormatFile(
  file: string,
  format: InputFormat,
  options: FormatReadOptions = {},
): Promise<CorpusLoad> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    return fail(file, `could not read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  // The one companion a format may need (brat's .txt, a W3C file's text), read before the pure part runs.
  const companion = `${stemOf(path.basename(file))}.txt`;
  const wanted = format === 'brat' || format === 'json';
  const companionBytes = wanted
    ? await readFile(path.join(path.dirname(file), companion)).catch(() => undefined)
    : undefined;
  const sibling = (name: string) => (name === companion && companionBytes ? new Uint8Array(companionBytes) : undefined);
  return readFormatBytes(file, bytes, format, { sibling, ...options });
}

/** The first bytes of a file, for detection. */
export async function readHead(file: string): Promise<Uint8Array | undefined> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = new Uint8Array(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}
