// Writes documents in a format other than JSON Lines, for `corpus convert` and the app's export.
// Files: conll and hf (plus <out>.labels.json) and labelstudio (plus
// <out>.label-config.xml) are single files; brat and w3c are folders of
// <name>.txt beside <name>.ann / <name>.w3c.json, one pair a document, as
// those tools keep them. Problems (spans a format cannot hold) are reported
// and the rest is written.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeBratAnn } from '../../core/formats/brat';
import { writeConll } from '../../core/formats/conll';
import type { FormatDocument, FormatProblem } from '../../core/formats/document';
import { writeHuggingFace } from '../../core/formats/huggingface';
import { labelStudioConfig, writeLabelStudio } from '../../core/formats/label-studio';
import {
  FOLDER_FORMATS,
  isOutputFileFormat,
  OUTPUT_FILE_FORMATS,
  type OutputFileFormat,
} from '../../core/formats/output-formats';
import { writeW3c } from '../../core/formats/w3c';

export const FILE_FORMATS = OUTPUT_FILE_FORMATS;
export type FileFormat = OutputFileFormat;
export const isFileFormat = isOutputFileFormat;

/** A file name for each document: its name without folders or extension, unique in the folder. */
export function fileStems(docs: readonly FormatDocument[]): string[] {
  const taken = new Set<string>();
  return docs.map((d, i) => {
    const base =
      (d.name ?? d.id ?? `document-${i + 1}`)
        .split(/[\\/]/)
        .pop()!
        .replace(/\.(txt|md|jsonl|json|conll|iob)(:\d+)?$/i, (_, __, line?: string) =>
          line ? `-${line.slice(1)}` : '',
        )
        .replace(/[^\p{L}\p{N}._-]+/gu, '_')
        .replace(/^\.+/, '') || `document-${i + 1}`;
    let stem = base.slice(0, 120);
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${base.slice(0, 116)}-${n}`;
    taken.add(stem.toLowerCase());
    return stem;
  });
}

const stripExt = (out: string) => out.replace(/\.[^./\\]+$/, '');

/** Writes `docs` in `format` at `out`; returns what was written, for the summary line. */
export async function writeFileFormat(
  format: FileFormat,
  docs: readonly FormatDocument[],
  out: string,
  problems: FormatProblem[],
): Promise<string[]> {
  const written: string[] = [];
  await mkdir(FOLDER_FORMATS.has(format) ? out : path.dirname(path.resolve(out)), { recursive: true });
  const put = async (file: string, content: string) =>
    void (await writeFile(file, content, 'utf8'), written.push(file));
  if (format === 'conll') await put(out, writeConll(docs, problems));
  else if (format === 'hf') {
    const hf = writeHuggingFace(docs, problems);
    await put(out, hf.rows);
    await put(`${stripExt(out)}.labels.json`, `${JSON.stringify(hf.labels)}\n`);
  } else if (format === 'labelstudio') {
    await put(out, writeLabelStudio(docs));
    await put(`${stripExt(out)}.label-config.xml`, labelStudioConfig(docs));
  } else {
    const stems = fileStems(docs);
    for (const [i, doc] of docs.entries()) {
      await put(path.join(out, `${stems[i]}.txt`), doc.text);
      if (format === 'brat') await put(path.join(out, `${stems[i]}.ann`), writeBratAnn(doc, i, problems));
      else await put(path.join(out, `${stems[i]}.w3c.json`), writeW3c(doc, `${stems[i]}.txt`, i));
    }
  }
  return written;
}
