// The command line under hostile input (issue 11, items 2, 3 and 7): user data
// never reaches Object.prototype, never reaches the terminal raw, never
// overflows the stack; `import` deduplicates as the app does; a closed pipe
// ends quietly.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCorpus } from '../../cli/corpus';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
beforeAll(async () => void (dir = await mkdtemp(path.join(tmpdir(), 'corpus-hostile-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCorpus(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const write = async (name: string, lines: unknown[]) => {
  const file = path.join(dir, name);
  await writeFile(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
};

describe('user data as keys and on the terminal', () => {
  it('commands named constructor, toString or __proto__ are unknown commands (usage, exit 2)', async () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(await run(name), name).toMatchObject({
        code: 2,
        err: expect.stringContaining(`unknown command "${name}"`),
      });
    }
  });

  it('stats counts labels named constructor, toString and __proto__ like any other, and escapes control characters', async () => {
    const text = 'abcdefghij';
    const spans = [
      'constructor',
      'toString',
      '__proto__',
      '__proto__',
      'red\u001b[31mALERT\u001b[0m',
      'rtl\u202Eexe.jpg',
    ].map((label, i) => ({ start: i, end: i + 1, label }));
    const file = await write('labels.jsonl', [{ text, spans }]);
    const plain = await run('stats', file);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('  __proto__: 2');
    expect(plain.out).toContain('  constructor: 1');
    expect(plain.out).toContain('  toString: 1');
    expect(plain.out).toContain('  red\\u001b[31mALERT\\u001b[0m: 1');
    expect(plain.out).toContain('  rtl\\u202eexe.jpg: 1');
    // eslint-disable-next-line no-control-regex -- the test is that no raw escape reaches the terminal
    expect(plain.out).not.toMatch(/[\u001b\u202e]/);
    const json = JSON.parse((await run('stats', file, '--json')).out);
    expect(Object.entries(json.spansByLabel)).toEqual(
      expect.arrayContaining([
        ['__proto__', 2],
        ['constructor', 1],
        ['toString', 1],
        ['rtl\u202Eexe.jpg', 1],
      ]),
    );
  });

  it('problems that quote user data reach the terminal escaped', async () => {
    const file = await write('esc.jsonl', [
      { text: 'ab', spans: [{ start: 0, end: 1, label: 'x', text: '\u001b]0;pwned\u0007' }] },
    ]);
    const result = await run('validate', file);
    expect(result.code).toBe(1);
    expect(result.out).toContain('\\u001b]0;pwned\\u0007');
    // eslint-disable-next-line no-control-regex -- the test is that no raw control character reaches the terminal
    expect(result.out).not.toMatch(/[\u0000-\u0008\u001b]/);
  });
});

describe('one line never stops a command', () => {
  it('validate, stats and import go on past a value nested 100,000 levels deep', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const file = await write('deep.jsonl', [
      { text: 'before' },
      `{"text":"abc","meta":{"status":${deep}},"label":[${deep}]}`,
      { text: 'after' },
    ]);
    expect(await run('validate', file)).toMatchObject({ code: 1, out: expect.stringContaining('3 documents') });
    expect(await run('stats', file)).toMatchObject({ code: 1, out: expect.stringContaining('documents: 3') });
    const out = path.join(dir, 'deep-out.jsonl');
    expect((await run('import', file, '--out', out)).code).toBe(1);
    expect((await readFile(out, 'utf8')).trim().split('\n')).toHaveLength(3);
  });
});

describe('import deduplicates as the app stores', () => {
  it('records with one text become one record with every span once; ids never repeat', async () => {
    const text = 'Yvette Cooper met G7 partners in Spain.';
    const secondX = 'second X';
    const { createHash } = await import('node:crypto');
    const sha8 = createHash('sha256').update(secondX).digest('hex').slice(0, 8);
    const a = await write('a.jsonl', [
      { id: 'T', text, spans: [{ start: 0, end: 6, label: 'actor' }] },
      { id: 'X', text: 'first X' },
      { id: `X-${sha8}`, text: 'squatter' },
    ]);
    const b = await write('b.jsonl', [
      {
        id: 'T2',
        text,
        spans: [
          { start: 33, end: 38, label: 'country' },
          { start: 0, end: 6, label: 'actor' },
        ],
      },
      { id: 'X', text: secondX },
    ]);
    const out = path.join(dir, 'dedup.jsonl');
    expect((await run('import', a, b, '--out', out)).code).toBe(0);
    const records = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(4);
    expect(new Set(records.map((r) => r.id)).size).toBe(4);
    const merged = records.find((r) => r.text === text);
    expect(merged.spans.map((s: { label: string }) => s.label)).toEqual(['actor', 'country']);
  });
});

describe('a closed pipe', () => {
  it('`validate file | head -3` ends quietly, without an EPIPE stack trace', async () => {
    const file = await write(
      'many.jsonl',
      Array.from({ length: 30_000 }, () => '[]'),
    );
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const shell = spawnSync(
      'bash',
      [
        '-c',
        `"${tsx}" "${path.join(ROOT, 'cli', 'corpus.ts')}" validate "${file}" | head -3 >/dev/null; echo "status \${PIPESTATUS[0]}" >&2`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(shell.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(shell.stderr).toMatch(/status [01]\n/);
  }, 60_000);
});
