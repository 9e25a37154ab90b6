// Playing the file dialogs and the export/import buttons in the Chromium tests:
// the fake dialogs answer with whatever path the test sets.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export interface DialogAnswers {
  save: string;
  open: string[];
}

export function fakeDialogs() {
  const answers: DialogAnswers = { save: '', open: [] };
  const deps = {
    showSaveDialog: async () => answers.save || null,
    showOpenDialog: async () => (answers.open.length ? answers.open : null),
  };
  return { answers, deps };
}

export interface ExportedLine {
  id: string;
  text: string;
  spans?: Array<{ start: number; end: number; label: string; text: string }>;
  label?: Array<[number, number, string]>;
  meta?: { name: string };
}

export const readLines = (file: string): ExportedLine[] =>
  readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));

/** Python's text[start:end]: a slice by code points. */
export const cpSlice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

/** Exports through the Export… dialog to `target`; `choose` may pick options first. Returns the result line. */
export async function exportVia(
  page: Page,
  answers: DialogAnswers,
  target: string,
  choose: (page: Page) => Promise<void> = async () => {},
): Promise<string> {
  answers.save = target;
  await page.click('[data-testid="export"]');
  await page.waitForSelector('[data-testid="export-dialog"][open]');
  await choose(page);
  await page.click('[data-testid="export-go"]');
  await page.waitForFunction(() =>
    /^Exported /.test(document.querySelector('[data-testid="export-result"]')?.textContent ?? ''),
  );
  const result = await page.textContent('[data-testid="export-result"]');
  await page.click('[data-testid="export-go"]'); // now "Close"
  return result ?? '';
}

export async function importVia(page: Page, answers: DialogAnswers, files: string[]): Promise<void> {
  answers.open = files;
  await page.click('[data-testid="import-files"]');
  await page.waitForSelector('[data-testid="import-summary"]');
}
