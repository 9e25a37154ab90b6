// A file that is one JSON document rather than JSON Lines: Label Studio's task
// array, a JSON array of records (doccano's JSON export), or one
// pretty-printed record. Label Studio tasks and arrays of records are read;
// anything else is refused with what it is ("a JSON array, not JSON Lines").
// W3C annotations need their text, so the caller pairs them (see w3c.ts).
import { parseJsonRecord, type ParseOptions } from '../jsonl/parser';
import { describe } from '../jsonl/span-check';
import { error, warning, type FormatDocument, type FormatProblem, type FormatRead } from './document';
import { isLabelStudioTasks, readLabelStudio } from './label-studio';

/** JSON.parse's complaint with a line number, which V8 gives only as a position. */
export function parseJsonDocument(content: string): { value: unknown } | FormatProblem {
  try {
    return { value: JSON.parse(content.replace(/^\uFEFF/, '')) };
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? content.slice(0, Number(at[1])).split('\n').length : undefined;
    return error(`malformed JSON: ${message}`, line);
  }
}

function fromRecords(values: unknown[], options: ParseOptions): FormatRead {
  const documents: FormatDocument[] = [];
  const problems: FormatProblem[] = [
    warning('a JSON array, not JSON Lines: read element by element (problems name the element)'),
  ];
  values.forEach((value, i) => {
    const parsed = parseJsonRecord(value, i + 1, options);
    if (!parsed.ok) return void problems.push(error(`element ${i + 1}: ${parsed.message}`));
    for (const m of parsed.errors) problems.push(error(`element ${i + 1}: ${m}`));
    for (const m of parsed.warnings) problems.push(warning(`element ${i + 1}: ${m}`));
    const { record } = parsed;
    const doc: FormatDocument = { ...record };
    delete (doc as { source?: string }).source;
    documents.push(doc);
  });
  return { documents, problems };
}

const hasText = (v: unknown) =>
  typeof v === 'object' && v !== null && typeof (v as { text?: unknown }).text === 'string';

/** A parsed JSON document's documents, or the reason it cannot be read. */
export function readJsonValue(value: unknown, options: ParseOptions = {}): FormatRead {
  if (isLabelStudioTasks(value)) return readLabelStudio(value);
  if (Array.isArray(value) && value.some(hasText)) return fromRecords(value, options);
  if (Array.isArray(value))
    return {
      documents: [],
      problems: [
        error(
          `this is a JSON array, not JSON Lines, and not one the app reads (Label Studio tasks, records with "text"); its first element is ${describe(value[0])}`,
          1,
        ),
      ],
    };
  if (hasText(value)) {
    const read = fromRecords([value], options);
    read.problems[0] = warning('pretty-printed JSON, not JSON Lines: read as one record');
    return read;
  }
  return {
    documents: [],
    problems: [
      error(`this is one JSON ${describe(value)}, not JSON Lines (one record a line) and not Label Studio tasks`, 1),
    ],
  };
}
