// Reading relations the way the Chromium tests check them: by their spans'
// text, as a person would name them, and the relation being made as the panel
// shows it.
import type { Page } from 'playwright-core';
import type { Relation, Span } from '../../core/model';
import { readStore } from './app-page';

/** Stored relations as [head text, label, child text], sorted. */
export async function storedRelations(page: Page): Promise<string[][]> {
  const spans = new Map((await readStore<Span>(page, 'spans')).map((s) => [s.id, s.text]));
  return (await readStore<Relation>(page, 'relations'))
    .map((r) => [spans.get(r.head) ?? '?', r.label, spans.get(r.child) ?? '?'])
    .sort();
}

/** The id of the stored span whose text is `text` (the first, if several). */
export async function spanIdByText(page: Page, text: string): Promise<string> {
  const span = (await readStore<Span>(page, 'spans')).find((s) => s.text === text);
  if (!span) throw new Error(`no stored span reads “${text}”`);
  return span.id;
}

/**
 * The relation being made, as the panel shows it once it has drawn what the keys did (it draws in the
 * next animation frame); '' when none is being made.
 */
export const pendingRelationText = (page: Page): Promise<string> =>
  page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return document.querySelector('[data-testid="relation-pending"]')?.textContent ?? '';
  });
