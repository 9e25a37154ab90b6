// Checks JSONL text line by line and reports every problem with its line
// number: bad lines, offsets out of range, quotes that do not match the text.
// The CLI `validate` streams a file through `checkLine`; `validateJsonl` and
// `validateJsonlText` check lines or a text already in memory (only the tests
// call them today: dropped files go through main/services/jsonl-file.ts).
import type { InputProblem } from '../model';
import { parseJsonlLine, type ParsedLine } from './parser';

/** The problems of one parsed line, as InputProblems of `file`. */
export function problemsOf(parsed: ParsedLine, file: string): InputProblem[] {
  if (!parsed.ok) return parsed.blank ? [] : [{ file, line: parsed.line, message: parsed.message, severity: 'error' }];
  const errors = parsed.errors.map((message): InputProblem => ({
    file,
    line: parsed.line,
    message,
    severity: 'error',
  }));
  const warnings = parsed.warnings.map((message): InputProblem => ({
    file,
    line: parsed.line,
    message,
    severity: 'warning',
  }));
  return [...errors, ...warnings];
}

/** Problems of one line (1-based `lineNo`). */
export function checkLine(line: string, lineNo: number, file: string): InputProblem[] {
  return problemsOf(parseJsonlLine(line, lineNo), file);
}

/** Splits JSONL text into lines: '\n' ends a line, a '\r' before it belongs to the file, not the record. */
export function splitJsonlText(text: string): string[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Every problem of `lines` (an array or any iterable), in line order. */
export function validateJsonl(lines: Iterable<string>, file = '<input>'): InputProblem[] {
  const problems: InputProblem[] = [];
  let lineNo = 0;
  for (const line of lines) problems.push(...checkLine(line, ++lineNo, file));
  return problems;
}

export function validateJsonlText(text: string, file = '<input>'): InputProblem[] {
  return validateJsonl(splitJsonlText(text), file);
}

/** `file:line: error: message`, the form editors and terminals link. */
export function formatProblem(problem: InputProblem): string {
  const where = problem.line !== undefined ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.severity}: ${problem.message}`;
}
