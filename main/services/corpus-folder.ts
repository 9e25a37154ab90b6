// Reads a folder (recursively) or single files of plain text, and .jsonl
// corpora, into documents.
// Every readable file becomes a document; every unreadable one becomes a
// problem naming the file, and never stops the others from loading.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusLoad, InputProblem } from '../../core/model';
import { decodeBytes } from './decode';
import { makeDocument } from './document-factory';
import { isJsonlFile, readJsonlFileWhole } from './jsonl-file';

export const TEXT_EXTENSIONS = ['.txt', '.md'];

export function isTextFile(file: string): boolean {
  return TEXT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** All files below `dir`, sorted, as paths relative to `dir` with '/' separators. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Reads one text file: a document, or a problem naming the file. */
export async function readTextFile(file: string, name = path.basename(file)): Promise<CorpusLoad> {
  const decoded = decodeBytes(new Uint8Array(await readFile(file)));
  if (!decoded.ok) return { documents: [], problems: [{ file, line: decoded.line, message: decoded.error, severity: 'error' }] };
  const problems: InputProblem[] = decoded.warning ? [{ file, message: decoded.warning, severity: 'warning' }] : [];
  return { documents: [makeDocument(name, decoded.text, file)], problems };
}

export function mergeLoads(loads: CorpusLoad[]): CorpusLoad {
  return { documents: loads.flatMap((l) => l.documents), problems: loads.flatMap((l) => l.problems) };
}

/** Reads every .txt/.md/.jsonl file below `dir`; other files are reported as skipped. */
export async function readCorpusFolder(dir: string): Promise<CorpusLoad> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) return { documents: [], problems: [{ file: dir, message: 'folder not found', severity: 'error' }] };
  const loads: CorpusLoad[] = [];
  for (const rel of await listFiles(dir)) {
    const file = path.join(dir, rel);
    if (isTextFile(rel)) loads.push(await readTextFile(file, rel));
    else if (isJsonlFile(rel)) loads.push(await readJsonlFileWhole(file));
    else loads.push({ documents: [], problems: [{ file, message: 'skipped: not a .txt, .md or .jsonl file', severity: 'warning' }] });
  }
  return mergeLoads(loads);
}
