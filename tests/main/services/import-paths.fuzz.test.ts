// Fuzzing the importers (main/services/import-paths.ts readImportBytes, the
// JSONL reader of main/services/jsonl-file.ts and its streaming line
// splitter) at FUZZ_RUNS cases a property: no file makes an importer throw,
// every problem names the file (and, for a line, a line inside it), good
// records are kept with their texts and offsets, bad ones reported on their
// own line, and a stream cut anywhere reads like the whole file.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { formatOfBytes } from '../../../main/services/format-file';
import { readImportBytes } from '../../../main/services/import-paths';
import { LineSplitter, splitByteLines } from '../../../main/services/line-splitter';
import { anyText } from '../../core/arbitraries';
import { badLineNumbers, goodRecords, jsonlFile, sameSpans, spanKey } from '../../fuzz/jsonl-lines';
import { plainText } from '../../fuzz/plain-text';
import { check, fuzz, FUZZ_TIMEOUT_MS } from '../../support/fuzz-runs';

const utf8 = (s: string) => new TextEncoder().encode(s);
const lineCount = (bytes: Uint8Array) => bytes.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 1);

const fileName = fc
  .tuple(
    fc.constantFrom('a', 'dir/b c', 'ü 😀'),
    fc.constantFrom('.txt', '.md', '.jsonl', '.JSONL', '.TXT', '.csv', ''),
  )
  .map(([base, ext]) => base + ext);
const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  anyText(60).map(utf8),
  jsonlFile.map((f) => utf8(f.text)),
  fc.tuple(jsonlFile, fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.nat()).map(([f, junk, at]) => {
    const bytes = utf8(f.text); // raw junk bytes spliced in anywhere: invalid UTF-8 inside a line
    const cut = at % (bytes.length + 1);
    return new Uint8Array([...bytes.subarray(0, cut), ...junk, ...bytes.subarray(cut)]);
  }),
);

describe('fuzz: the importers (main/services/import-paths.ts)', () => {
  it(
    'never throw on any file; every problem names the file and a line inside it',
    () => {
      fuzz('importer: any dropped file', fc.tuple(fileName, anyBytes), ([name, bytes]) => {
        const load = readImportBytes(name, bytes);
        check(
          load.problems.every((p) => p.file === name && p.message !== ''),
          () => `a problem without file or message: ${JSON.stringify(load.problems)}`,
        );
        const lines = lineCount(bytes);
        check(
          load.problems.every((p) => p.line === undefined || (p.line >= 1 && p.line <= lines)),
          () => `a problem outside the file's ${lines} lines`,
        );
        check(
          load.documents.every((d) => typeof d.text === 'string' && d.name !== ''),
          () => 'a document without text or name',
        );
        // Formats are found by content (a .csv holding JSON Lines is read as JSON Lines); a text file is one document.
        if (/\.(txt|md)$/i.test(name) && formatOfBytes(name, bytes) === 'text')
          check(load.documents.length <= 1, () => 'a text file gave several documents');
      });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'keep every good JSONL record (text and offsets) and report every bad line by number',
    () => {
      fuzz('importer: mixed JSONL files', jsonlFile, (file) => {
        const load = readImportBytes('mixed.jsonl', utf8(file.text));
        const goods = goodRecords(file);
        check(
          load.documents.length === goods.length,
          () => `${load.documents.length} documents, ${goods.length} good records`,
        );
        load.documents.forEach((doc, i) => {
          check(doc.text === goods[i].text, () => `record ${i}: text changed`);
          check(
            sameSpans(doc.spans ?? [], goods[i].spans),
            () => `record ${i}: spans ${(doc.spans ?? []).map(spanKey)} != ${goods[i].spans.map(spanKey)}`,
          );
        });
        const errorLines = [...new Set(load.problems.filter((p) => p.severity === 'error').map((p) => p.line))];
        const bad = badLineNumbers(file);
        check(
          JSON.stringify(errorLines) === JSON.stringify(bad),
          () => `errors on lines ${errorLines}, bad lines are ${bad}`,
        );
      });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'read a .txt file as exactly its text',
    () => {
      fuzz('importer: .txt text round-trip', plainText(80), (t) => {
        const load = readImportBytes('doc.txt', utf8(t));
        check(
          load.documents.length === 1 && load.documents[0].text === t && load.problems.length === 0,
          () => `${JSON.stringify(t)} read as ${JSON.stringify(load)}`,
        );
      });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'split a stream cut at any bytes into the same lines as the whole file (jsonl-file.ts streams disk files this way)',
    () => {
      const cutFile = anyBytes.chain((bytes) =>
        fc.tuple(fc.constant(bytes), fc.array(fc.nat(bytes.length), { maxLength: 6 })),
      );
      fuzz('importer: streamed line splitting', cutFile, ([bytes, cuts]) => {
        const whole = splitByteLines(bytes);
        const splitter = new LineSplitter();
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), bytes.length];
        const streamed = bounds.slice(1).flatMap((end, i) => splitter.push(bytes.subarray(bounds[i], end)));
        streamed.push(...splitter.end());
        const same =
          streamed.length === whole.length &&
          streamed.every((l, i) => l.lineNo === whole[i].lineNo && Buffer.from(l.bytes).equals(whole[i].bytes));
        check(same, () => `cut at ${cuts}: ${streamed.length} lines streamed, ${whole.length} whole`);
      });
    },
    FUZZ_TIMEOUT_MS,
  );
});
