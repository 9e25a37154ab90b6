// Argument parsing for the corpus CLI: node:util parseArgs, with its errors
// turned into UsageError (exit code 2) so a typo never looks like bad data.
import { parseArgs } from 'node:util';
import { isJsonlFormat, JSONL_FORMATS, type JsonlFormat } from '../core/jsonl/records';

export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** Where a command writes: stdout for results, stderr for problems and progress. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface Parsed {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

export function parse(args: string[], options: Options): Parsed {
  try {
    const { positionals, values } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { positionals, values: values as Parsed['values'] };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function requireString(values: Parsed['values'], name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function formatOption(value: string | boolean | undefined, fallback: JsonlFormat, name: string): JsonlFormat {
  if (value === undefined) return fallback;
  if (!isJsonlFormat(value))
    throw new UsageError(`--${name} must be ${JSONL_FORMATS.join(' or ')} (got ${String(value)})`);
  return value;
}

export function showHelp(io: Io, text: string): number {
  io.out(text);
  return EXIT.ok;
}
