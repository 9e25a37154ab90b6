// Fuzzing the JSONL reader, parser and validator (core/jsonl) at FUZZ_RUNS
// cases a property (5,000 in `npm test`, 1,000,000 in `npm run fuzz`):
// nothing throws past parseJsonlLine/validateJsonl, every bad line is
// reported with its own line number, every good record is kept with its text,
// and offsets written as code points come back as the same UTF-16 offsets.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseJsonlLine, splitJsonlText, validateJsonl, validateJsonlText } from '../../../core/jsonl';
import { badLineNumbers, goodRecord, goodRecords, jsonlFile, sameSpans, spanKey } from '../../fuzz/jsonl-lines';
import { check, fuzz, FUZZ_TIMEOUT_MS } from '../../support/fuzz-runs';
import { anyText } from '../arbitraries';

/** Values shaped like records, with every field possibly the wrong type or deeply wrong. */
const spanLike = fc.record(
  {
    start: fc.jsonValue({ maxDepth: 2 }),
    end: fc.jsonValue({ maxDepth: 2 }),
    label: fc.jsonValue({ maxDepth: 2 }),
    text: fc.jsonValue({ maxDepth: 2 }),
    note: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: [] },
);
const recordLike = fc.record(
  {
    text: fc.oneof(anyText(20), fc.jsonValue({ maxDepth: 2 })),
    spans: fc.oneof(fc.array(spanLike, { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
    label: fc.oneof(
      fc.array(fc.tuple(fc.jsonValue({ maxDepth: 1 }), fc.jsonValue({ maxDepth: 1 }), fc.jsonValue({ maxDepth: 1 })), {
        maxLength: 3,
      }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    id: fc.jsonValue({ maxDepth: 1 }),
    meta: fc.oneof(
      fc.record(
        {
          name: fc.jsonValue({ maxDepth: 1 }),
          status: fc.jsonValue({ maxDepth: 1 }),
          source: fc.jsonValue({ maxDepth: 1 }),
          updated_at: fc.jsonValue({ maxDepth: 1 }),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: [] },
);

const anyLine = fc.oneof(
  anyText(60),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  recordLike.map((v) => JSON.stringify(v)),
  goodRecord.map((g) => g.line),
);

describe('fuzz: the JSONL parser (core/jsonl/parser.ts)', () => {
  it(
    'never throws on any line, and whatever it accepts is a usable record',
    () => {
      fuzz('jsonl parser: any line', fc.tuple(anyLine, fc.integer({ min: 1, max: 1e9 })), ([line, lineNo]) => {
        const parsed = parseJsonlLine(line, lineNo);
        check(parsed.line === lineNo, () => `line number ${parsed.line}, expected ${lineNo}`);
        if (!parsed.ok)
          return check(
            typeof parsed.message === 'string' && parsed.message !== '',
            () => 'a refused line has no message',
          );
        const { text, spans } = parsed.record;
        check(typeof text === 'string', () => 'text is not a string');
        for (const s of spans) {
          const inside =
            Number.isInteger(s.start) &&
            Number.isInteger(s.end) &&
            s.start >= 0 &&
            s.start < s.end &&
            s.end <= text.length;
          check(
            inside && typeof s.label === 'string' && s.label !== '',
            () => `span ${JSON.stringify(s)} unusable for a text of ${text.length}`,
          );
        }
      });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'gives back the text and the same UTF-16 offsets it was written with (code points in the file)',
    () => {
      fuzz('jsonl parser: offsets round-trip', goodRecord, (good) => {
        const parsed = parseJsonlLine(good.line, 1);
        check(
          parsed.ok && parsed.errors.length === 0,
          () => `a record our writer made was refused: ${JSON.stringify(parsed)}`,
        );
        if (!parsed.ok) return;
        check(parsed.record.text === good.text, () => 'text changed');
        check(
          sameSpans(parsed.record.spans, good.spans),
          () => `spans ${parsed.record.spans.map(spanKey)} != ${good.spans.map(spanKey)}`,
        );
      });
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('fuzz: the JSONL validator and reader (core/jsonl/validator.ts)', () => {
  it(
    'reports every bad line with its own line number, and nothing against a good one',
    () => {
      fuzz('jsonl validator: mixed files', jsonlFile, (file) => {
        const bad = badLineNumbers(file);
        const problems = validateJsonlText(file.text, 'f.jsonl');
        const errorLines = [...new Set(problems.filter((p) => p.severity === 'error').map((p) => p.line))];
        check(
          JSON.stringify(errorLines) === JSON.stringify(bad),
          () => `errors on lines ${errorLines}, bad lines are ${bad}`,
        );
        check(
          problems.every((p) => p.file === 'f.jsonl'),
          () => 'a problem names another file',
        );
      });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'splits a file into exactly its records, each parsing back to what was written',
    () => {
      fuzz('jsonl reader: split + parse', jsonlFile, (file) => {
        const lines = splitJsonlText(file.text);
        check(lines.length === file.entries.length, () => `${lines.length} lines, ${file.entries.length} written`);
        const kept = lines.map((line, i) => parseJsonlLine(line, i + 1)).filter((p) => p.ok);
        const goods = goodRecords(file);
        check(kept.length === goods.length, () => `${kept.length} records kept, ${goods.length} good ones written`);
        kept.forEach((p, i) => {
          if (!p.ok) return;
          check(
            p.record.text === goods[i].text && sameSpans(p.record.spans, goods[i].spans),
            () => `record ${i} changed`,
          );
        });
      });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'never throws on any sequence of lines',
    () => {
      fuzz('jsonl validator: any lines', fc.array(anyLine, { maxLength: 6 }), (lines) => {
        const problems = validateJsonl(lines);
        check(
          problems.every((p) => Number.isInteger(p.line) && p.line! >= 1 && p.line! <= lines.length),
          () => 'a problem outside the input',
        );
      });
    },
    FUZZ_TIMEOUT_MS,
  );
});
