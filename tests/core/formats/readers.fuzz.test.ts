// Fuzz: every format reader takes any text (and any JSON value) without
// throwing, and every span it gives lies inside its document's text, on
// character boundaries, with a problem line inside the input when it names one.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { readBrat } from '../../../core/formats/brat';
import { readConll } from '../../../core/formats/conll';
import { detectFormat } from '../../../core/formats/detect';
import type { FormatRead } from '../../../core/formats/document';
import { readJsonValue } from '../../../core/formats/json-document';
import { readLabelStudio } from '../../../core/formats/label-studio';
import { readUimaXmi } from '../../../core/formats/uima-xmi';
import { readW3c } from '../../../core/formats/w3c';
import { readWebAnnoTsv } from '../../../core/formats/webanno-tsv';
import { check, fuzz, FUZZ_TIMEOUT_MS } from '../../support/fuzz-runs';

// Lines that look like each format, mixed with anything, so the readers get past their first checks.
const piece = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'T1\tX 0 3\tabc',
    'T2\tY 1 2;3 4\tb d',
    'R1\tr Arg1:T1 Arg2:T2',
    '#1\tAnnotatorNotes T1\tn',
    'E1\tX:T1',
    'A1\tNeg T1',
  ),
  fc.constantFrom('a O', 'b B-X', 'c I-X', 'd L-X', 'e U-Y', '-DOCSTART- O', 'w|P|B-X v|P|I-X', ''),
  fc.constantFrom(
    '#FORMAT=WebAnno TSV 3.3',
    '#T_SP=a.B|value',
    '#Text=ab cd',
    '1-1\t0-2\tab\tX[1]',
    '1-2\t3-5\tcd\tX[1]|Y',
  ),
  fc.constantFrom('<cas:Sofa xmi:id="2" sofaString="ab😀c"/>', '<t:NamedEntity sofa="2" begin="0" end="3" value="P"/>'),
  fc.constantFrom('😀', '\r\n', '\t', '\uD800'),
);
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('\n'));

function sane(read: FormatRead, lines: number): void {
  for (const doc of read.documents) {
    for (const s of [...(doc.spans ?? []), ...(doc.suggestions ?? [])]) {
      check(
        Number.isInteger(s.start) &&
          Number.isInteger(s.end) &&
          0 <= s.start &&
          s.start < s.end &&
          s.end <= doc.text.length,
        () => `span ${s.start}-${s.end} outside ${doc.text.length}`,
      );
    }
    for (const r of doc.relations ?? [])
      check(
        r.head < (doc.spans?.length ?? 0) && r.child < (doc.spans?.length ?? 0),
        () => 'relation end past the spans',
      );
  }
  for (const p of read.problems)
    check(
      p.line === undefined || (p.line >= 1 && p.line <= lines),
      () => `problem line ${p.line} outside ${lines} lines`,
    );
}

describe('fuzz: the format readers (core/formats)', () => {
  it(
    'never throw on any text, and give spans inside their text',
    () => {
      fuzz('formats: text readers', fc.tuple(text, text), ([a, b]) => {
        const lines = (s: string) => s.split(/\r?\n/).length;
        detectFormat('x', a);
        sane(readBrat(a, b), lines(b));
        sane(readConll(a), lines(a));
        sane(readWebAnnoTsv(a), lines(a));
        sane(readUimaXmi(a), lines(a));
      });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'never throw on any JSON value (Label Studio, W3C, records)',
    () => {
      const region = fc.record(
        {
          id: fc.string({ maxLength: 3 }),
          type: fc.constantFrom('labels', 'relation', 'choices', 'textarea'),
          from_id: fc.string({ maxLength: 3 }),
          to_id: fc.string({ maxLength: 3 }),
          value: fc.record(
            {
              start: fc.integer({ min: -2, max: 30 }),
              end: fc.integer({ min: -2, max: 30 }),
              text: fc.oneof(fc.string(), fc.array(fc.string())),
              labels: fc.array(fc.string({ maxLength: 4 })),
              choices: fc.array(fc.string()),
            },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      );
      const task = fc.record(
        {
          data: fc.record({ text: fc.string({ maxLength: 30 }) }),
          annotations: fc.array(fc.record({ result: fc.array(region, { maxLength: 5 }), was_cancelled: fc.boolean() })),
          predictions: fc.array(fc.record({ result: fc.array(region, { maxLength: 3 }), score: fc.double() })),
        },
        { requiredKeys: ['data'] },
      );
      fuzz(
        'formats: JSON readers',
        fc.tuple(fc.array(task, { maxLength: 3 }), fc.jsonValue({ maxDepth: 4 }), fc.string({ maxLength: 30 })),
        ([tasks, any, t]) => {
          sane(readLabelStudio(tasks), Number.MAX_SAFE_INTEGER);
          sane(readJsonValue(any), Number.MAX_SAFE_INTEGER);
          sane(readW3c(any, t), Number.MAX_SAFE_INTEGER);
        },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
