// The corpus command line: import, validate, convert and inspect JSONL
// corpora without the app (plain Node, no Electron). Run it as
//   npm run corpus -- <command> [options]
// Exit codes: 0 ok, 1 problems found in the input, 2 usage error.
import { pathToFileURL } from 'node:url';
import { agreeCommand } from './agree-command';
import { EXIT, UsageError, type Io } from './args';
import { convertCommand } from './convert-command';
import { importCommand } from './import-command';
import { mergeCommand } from './merge-command';
import { statsCommand } from './stats-command';
import { terminalSafe } from './terminal';
import { validateCommand } from './validate-command';

export const HELP = `Usage: npm run corpus -- <command> [options]

Commands:
  import <files or folders...> --out <corpus.jsonl> [--format prodigy|doccano] [--offsets codepoints|utf16]
  validate <files...>            report every bad line, offset or span text (any format)
  convert <in> --to prodigy|doccano|brat|conll|labelstudio|w3c|hf --out <path> [--offsets codepoints|utf16]
  stats <file> [--json]          documents, spans by label, categories, problems (any format)
  agree <a.jsonl> <b.jsonl>... [--json]   agreement between annotators (F1, kappa, alpha_u)
  merge <a.jsonl> <b.jsonl>... --out <file.jsonl> [--all]   agreed spans (or all, tagged)
  suggest <files or folders...> --out <file.jsonl> [--patterns <file.jsonl>] [--model <model.json>]
  train <annotated.jsonl...> --out <model.json>
  evaluate <predicted.jsonl> <gold.jsonl> [--json]
  push <corpus.jsonl> <server-url/database> [--annotator NAME]   to a CouchDB database
  pull <server-url/database> --out <file.jsonl>                  every document with every annotator's spans

Offsets in every file written are Unicode code points (Python str indices).
Input formats are recognised by content: JSON Lines, Label Studio, brat, CoNLL/IOB, W3C, WebAnno TSV, XMI.
Run "npm run corpus -- <command> --help" for a command's options.
Exit codes: 0 ok, 1 problems found, 2 usage error.`;

// A Map, not an object: a command named `constructor` or `__proto__` must not find Object.prototype's.
const COMMANDS = new Map<string, (args: string[], io: Io) => Promise<number>>([
  ['import', importCommand],
  ['validate', validateCommand],
  ['convert', convertCommand],
  ['stats', statsCommand],
  ['agree', agreeCommand],
  ['merge', mergeCommand],
  // Loaded on use: they bring wink-nlp's English model, which would slow every other command's start.
  ['suggest', async (args, io) => (await import('./suggest-command')).suggestCommand(args, io)],
  ['train', async (args, io) => (await import('./train-command')).trainCommand(args, io)],
  ['evaluate', async (args, io) => (await import('./evaluate-command')).evaluateCommand(args, io)],
  // Loaded on use: they bring PouchDB.
  ['push', async (args, io) => (await import('./sync-command')).pushCommand(args, io)],
  ['pull', async (args, io) => (await import('./sync-command')).pullCommand(args, io)],
]);

export async function runCorpus(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io[name === undefined ? 'err' : 'out'](HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.get(name);
  if (!command) return usage(io, `unknown command "${terminalSafe(name)}"`);
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message, name);
    throw error;
  }
}

function usage(io: Io, message: string, command?: string): number {
  io.err(`corpus: ${message}`);
  io.err(command ? `Run "npm run corpus -- ${command} --help" for usage.` : HELP);
  return EXIT.usage;
}

const stdio: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `corpus validate big.jsonl | head -3`: the reader went away, which is not an error of ours. Stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
      throw error;
    });
  }
  runCorpus(process.argv.slice(2), stdio).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      process.stderr.write(`corpus: ${error.message}\n`);
      process.exitCode = EXIT.problems;
    },
  );
}
