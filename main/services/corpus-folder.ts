// Reads a folder (recursively) or single files of plain text, and .jsonl
// corpora, into documents.
// Every readable file becomes a document; every unreadable file or folder
// becomes a problem naming it, and never stops the others from loading.
// Symbolic links are followed (a link to a file reads the file, a link to a
// folder walks it), with a guard: a folder already being walked (a link loop,
// or a link back up the tree) is reported as skipped, never walked twice.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { textOverLimit, textWithinLimit } from '../../core/limits';
import type { CorpusLoad, InputProblem } from '../../core/model';
import { decodeBytes } from './decode';
import { makeDocument } from './document-factory';
import { appendAll, isJsonlFile, readJsonlFileWhole } from './jsonl-file';

const TEXT_EXTENSIONS = ['.txt', '.md'];
export const SKIPPED_MESSAGE =
  'skipped: not a format the app reads (text, JSON Lines, Label Studio JSON, brat, CoNLL/IOB, W3C, WebAnno TSV, UIMA XMI)';

export function isTextFile(file: string): boolean {
  return TEXT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

const reason = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

export interface FileList {
  /** Paths relative to the folder, with '/' separators, sorted. */
  files: string[];
  /** Folders that could not be read, links that loop: each names its path. */
  problems: InputProblem[];
}

/** All files below `dir` (following links, guarded against loops), sorted, relative to `dir`. */
export async function listFiles(dir: string): Promise<FileList> {
  const out: FileList = { files: [], problems: [] };
  const walking = new Set<string>();
  async function walk(folder: string, rel: string): Promise<void> {
    const real = await realpath(folder).catch(() => folder);
    if (walking.has(real))
      return void out.problems.push({
        file: folder,
        message: 'skipped: a link back to a folder already being read (a loop)',
        severity: 'warning',
      });
    walking.add(real);
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      return void out.problems.push({
        file: folder,
        message: `could not read this folder (${reason(error)})`,
        severity: 'error',
      });
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(full).catch(() => undefined);
        if (!target) {
          out.problems.push({ file: full, message: 'skipped: a link whose target is missing', severity: 'warning' });
          continue;
        }
        [isDir, isFile] = [target.isDirectory(), target.isFile()];
      }
      if (isDir) await walk(full, relPath);
      else if (isFile) out.files.push(relPath);
    }
    walking.delete(real);
  }
  await walk(dir, '');
  out.files.sort();
  return out;
}

/** One text file's bytes as a document, or a problem naming the file: the one way a text file becomes a document. */
export function textFileLoad(bytes: Uint8Array, name: string, file: string): CorpusLoad {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok)
    return { documents: [], problems: [{ file, line: decoded.line, message: decoded.error, severity: 'error' }] };
  if (!textWithinLimit(decoded.text)) {
    return {
      documents: [],
      problems: [
        {
          file,
          message: `not imported: ${textOverLimit('the text', decoded.text)}; split the file`,
          severity: 'error',
        },
      ],
    };
  }
  const problems: InputProblem[] = decoded.warning ? [{ file, message: decoded.warning, severity: 'warning' }] : [];
  return { documents: [makeDocument(name, decoded.text, file)], problems };
}

/** Reads one text file: a document, or a problem naming the file (an unreadable file too). */
export async function readTextFile(file: string, name = path.basename(file)): Promise<CorpusLoad> {
  try {
    return textFileLoad(new Uint8Array(await readFile(file)), name, file);
  } catch (error) {
    return { documents: [], problems: [{ file, message: `could not read (${reason(error)})`, severity: 'error' }] };
  }
}

/** Reads every .txt/.md/.jsonl file below `dir`; other files are reported as skipped. */
export async function readCorpusFolder(dir: string): Promise<CorpusLoad> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory())
    return { documents: [], problems: [{ file: dir, message: 'folder not found', severity: 'error' }] };
  const listed = await listFiles(dir);
  const load: CorpusLoad = { documents: [], problems: listed.problems };
  for (const rel of listed.files) {
    const file = path.join(dir, rel);
    const one = isTextFile(rel)
      ? await readTextFile(file, rel)
      : isJsonlFile(rel)
        ? await readJsonlFileWhole(file)
        : { documents: [], problems: [{ file, message: SKIPPED_MESSAGE, severity: 'warning' as const }] };
    appendAll(load.documents, one.documents);
    appendAll(load.problems, one.problems);
  }
  return load;
}
