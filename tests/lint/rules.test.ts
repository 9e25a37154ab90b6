// The house rules bite: each check `npm run lint` runs is shown failing on a
// small deliberate breach, linted with the project's own configuration
// (eslint.config.mjs, .dependency-cruiser.cjs), and passing on the allowed
// twin, so a rule that silently stopped matching would fail here.
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Rule ids ESLint reports for `code` as if it were the file at `filePath` (relative to the root). */
async function errors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? 'parse');
}

// The first lint loads typescript-eslint and the config: seconds, not milliseconds.
describe('layer boundaries (ESLint)', { timeout: 60_000 }, () => {
  it('refuses Dexie in renderer/ui/, as an import or as db.<table> access, and allows both in renderer/db/', async () => {
    const dexieImport = "import Dexie from 'dexie';\n\nexport const make = (): Dexie => new Dexie('x');\n";
    expect(await errors(dexieImport, 'renderer/ui/probe.ts')).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await errors(dexieImport, 'renderer/db/probe.ts')).toEqual([]);
    const tableAccess = [
      "import type { WorkbenchDb } from '../db/schema';",
      '',
      'export const count = (db: WorkbenchDb): Promise<number> => db.spans.count();',
      '',
    ].join('\n');
    expect(await errors(tableAccess, 'renderer/ui/probe.ts')).toEqual(['no-restricted-syntax']);
    expect(await errors(tableAccess.replace('../db/schema', './schema'), 'renderer/db/probe.ts')).toEqual([]);
  });

  it('refuses electron, Node modules and DOM-only modules in core/', async () => {
    for (const module of ['electron', 'node:fs', 'path', 'dexie', 'prosemirror-view']) {
      const code = `import * as m from '${module}';\n\nexport const probe = m;\n`;
      expect(await errors(code, 'core/probe.ts'), module).toEqual(['@typescript-eslint/no-restricted-imports']);
    }
  });

  it("allows electron only in main/'s edge files (elsewhere in main/, types only)", async () => {
    const value = "import { app } from 'electron';\n\nexport const quit = (): void => app.quit();\n";
    expect(await errors(value, 'main/window.ts')).toEqual([]);
    expect(await errors(value, 'main/services/probe.ts')).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await errors(value, 'renderer/probe.ts')).toEqual(['@typescript-eslint/no-restricted-imports']);
    const typeOnly = "import type { BrowserWindow } from 'electron';\n\nexport type Win = BrowserWindow;\n";
    expect(await errors(typeOnly, 'main/window-options.ts')).toEqual([]);
  });

  it('refuses renderer/ui/ from the feature folders below it', async () => {
    const code = "import { h } from '../ui/dom';\n\nexport const probe = h;\n";
    for (const folder of ['compare', 'backup', 'io', 'editor', 'annotate']) {
      expect(await errors(code, `renderer/${folder}/probe.ts`), folder).toEqual([
        '@typescript-eslint/no-restricted-imports',
      ]);
    }
    expect(await errors(code.replace('../ui/dom', '../dom'), 'renderer/ui/probe.ts')).toEqual([]);
  });

  it('wants sorted, unrepeated imports and no unused variables', async () => {
    const code = [
      "import { b } from './b';",
      "import path from 'node:path';",
      "import { c } from './b';",
      '',
      'const unused = 1;',
      'export const probe = [b, c, path];',
      '',
    ].join('\n');
    expect((await errors(code, 'core/probe.ts')).sort()).toEqual([
      '@typescript-eslint/no-restricted-imports', // node:path in core/
      '@typescript-eslint/no-unused-vars',
      'import-x/no-duplicates',
      'import-x/no-duplicates',
      'import-x/order',
    ]);
  });
});

describe('import cycles (dependency-cruiser)', { timeout: 60_000 }, () => {
  it('reports a type-only cycle between two files', async () => {
    const options = await extractDepcruiseOptions(path.join(root, '.dependency-cruiser.cjs'));
    const fixtures = 'tests/lint/fixtures/cycle';
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const { output } = await cruise(
        [fixtures],
        { ...options, exclude: { path: '^node_modules/' }, validate: true },
        undefined,
        { tsConfig: extractTSConfig(path.join(root, 'tsconfig.json')) },
      );
      const summary = typeof output === 'string' ? JSON.parse(output).summary : output.summary;
      const cycles = summary.violations.filter((v: { rule: { name: string } }) => v.rule.name === 'no-circular');
      expect(cycles).toHaveLength(1);
      const [cycle] = cycles as Array<{ from: string; to: string }>;
      expect([cycle.from, cycle.to].sort()).toEqual([`${fixtures}/a.ts`, `${fixtures}/b.ts`]);
    } finally {
      process.chdir(cwd);
    }
  });
});
