// A file that is one JSON document rather than JSON Lines: Label Studio's task
// array, a JSON array of records (doccano's JSON export), or one
// pretty-printed record. Label Studio tasks and arrays of records are read;
// anything else is refused with what it is ("a JSON array, not JSON Lines").
// W3C annotations need their text, so the caller pairs them (see w3c.ts).
import { parseJsonRecord, type ParseOptions } from '../jsonl/parser';
import { describe } from '../jsonl/span-check';
import { error, warning, type FormatDocument, type FormatProblem, type FormatRead } from './document';
import { isLabelStudioTasks, readLabelStudio } from './label-studio';

/**
 * The line JSON.parse stopped at. V8 says "position N", or "line L column C",
 * or only quotes the text around the fault ('..." {"text": }\n]" is not valid JSON'),
 * which is then looked for in the content.
 */
function faultLine(content: string, message: string): number | undefined {
  // The position first: V8's own line count takes a lone CR for a line break, which no line number here does.
  const at = /position (\d+)/.exec(message);
  if (at) return content.slice(0, Number(at[1])).split('\n').length;
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line) return Math.min(Number(line[1]), content.split('\n').length);
  const quoted = /"(?:\.\.\.)?([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(message);
  const found = quoted && quoted[1].length >= 3 ? content.indexOf(quoted[1]) : -1;
  return found >= 0 ? content.slice(0, found + Math.floor(quoted![1].length / 2)).split('\n').length : undefined;
}

/** JSON.parse's complaint, with the line it names. */
export function parseJsonDocument(content: string): { value: unknown } | FormatProblem {
  const body = content.replace(/^\uFEFF/, '');
  try {
    return { value: JSON.parse(body) };
  } catch (e) {
    // V8's "(line L column C)" is dropped: it counts a lone CR as a line break, and the problem names its own line.
    const message = (e as Error).message.replace(/ \(line \d+ column \d+\)/, '').replace(/\s+/g, ' ');
    return error(`malformed JSON: ${message.slice(0, 200)}`, faultLine(body, (e as Error).message));
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
