// An export in another tool's format (brat, CoNLL, Label Studio, W3C, Hugging
// Face) from the app: the renderer streams the same records as for a JSON
// Lines export; they go to a JSON Lines file in a private temporary folder,
// and at the end that file is read back by the importers and written in the
// chosen format by the writers `corpus convert` uses. So the app and the
// command line write the same files from the same records, and what a format
// cannot hold is reported the same way. An abort or a failure removes the
// temporary folder and writes nothing at the target.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FormatDocument, FormatProblem } from '../../core/formats/document';
import type { OutputFileFormat } from '../../core/formats/output-formats';
import type { ExportFinished } from '../../core/io-shapes';
import type { ExportRecord } from '../../core/jsonl/records';
import { writeFileFormat } from './format-output';
import { readImportPaths } from './import-paths';
import { openJsonlWriter, type JsonlWriter } from './jsonl-writer';

const said = (p: FormatProblem) => (p.line === undefined ? p.message : `line ${p.line}: ${p.message}`);

export interface ConvertedExport extends JsonlWriter {
  /** Closes the records' file, writes the target format at the target path, and tells what was written. */
  finish(): Promise<ExportFinished>;
}

export async function openConvertedExport(target: string, format: OutputFileFormat): Promise<ConvertedExport> {
  const folder = await mkdtemp(path.join(tmpdir(), 'seed-export-'));
  const records = path.join(folder, 'records.jsonl');
  let writer: JsonlWriter;
  try {
    writer = await openJsonlWriter(records, 'prodigy');
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  const cleanUp = () => rm(folder, { recursive: true, force: true });
  return {
    write: (batch: ExportRecord[]) => writer.write(batch),
    get bytes() {
      return writer.bytes;
    },
    close: () => writer.close(),
    async abort() {
      await writer.abort();
      await cleanUp();
    },
    async finish() {
      try {
        const summary = await writer.close();
        const docs: FormatDocument[] = [];
        const problems: string[] = [];
        for await (const batch of readImportPaths([records], { batchSize: 1000 })) {
          docs.push(...batch.documents);
          for (const p of batch.problems) problems.push(said(p));
        }
        const formatProblems: FormatProblem[] = [];
        const files = await writeFileFormat(format, docs, target, formatProblems);
        for (const p of formatProblems) problems.push(said(p));
        const sizes = await Promise.all(files.map((f) => stat(f).then((s) => s.size)));
        return {
          path: target,
          bytes: sizes.reduce((a, b) => a + b, 0),
          documents: summary.documents,
          spans: summary.spans,
          files: files.length,
          problems,
        };
      } finally {
        await cleanUp();
      }
    },
  };
}
