// The crash suite's model of annotation edits (tests/e2e/chromium/crash.test.ts):
// random edits made with real mouse drags and label keys on the seed documents,
// each recorded as an operation on a state of "start:end:label" keys per
// document, so that the database found after a kill can be matched against
// every prefix of the operations issued before it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openDocumentByName, SEEDS_DIR } from './app-page';
import { checkIntegrity, prng } from './crash';
import { dragUntilSelected } from './text-selection';

const LABEL_KEYS: Record<string, string> = { actor: '1', country: '2', money: '3', commitment: '4' };
const LABELS = Object.keys(LABEL_KEYS);

export const seedFiles = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const texts = new Map(seedFiles.map((f) => [f, readFileSync(path.join(SEEDS_DIR, f), 'utf8')]));

export type State = Map<string, string[]>; // document name -> sorted "start:end:label" keys
export type Op =
  { kind: 'add' | 'remove'; doc: string; key: string } | { kind: 'relabel'; doc: string; from: string; to: string };

export type Rand = ReturnType<typeof prng>;

/** A run of whole alphabetic words separated by single spaces: word snapping leaves it as it is. */
function wordRange(text: string, rand: Rand): { start: number; end: number } {
  const words = [...text.matchAll(/(?<=^|\s)\p{L}+(?=\s|$)/gmu)];
  for (;;) {
    const i = rand.int(words.length);
    let j = i;
    const want = 1 + rand.int(3);
    while (j + 1 < words.length && j - i + 1 < want && words[j + 1].index === words[j].index + words[j][0].length + 1)
      j++;
    return { start: words[i].index, end: words[j].index + words[j][0].length };
  }
}

export function apply(state: State, op: Op): State {
  const next = new Map([...state].map(([k, v]) => [k, [...v]]));
  const keys = next.get(op.doc) ?? [];
  const drop = (key: string) => keys.splice(keys.indexOf(key), 1);
  if (op.kind === 'relabel') {
    drop(op.from);
    keys.push(op.to);
  } else if (op.kind === 'add') keys.push(op.key);
  else drop(op.key);
  next.set(op.doc, keys.sort());
  return next;
}

const relabelled = (key: string, label: string) => key.replace(/:[^:]+$/, `:${label}`);

export function sameState(a: State, b: State): boolean {
  const norm = (s: State) =>
    JSON.stringify([...s].filter(([, v]) => v.length > 0).sort(([x], [y]) => (x < y ? -1 : 1)));
  return norm(a) === norm(b);
}

/** Runs random edits on the open documents until `count` are issued; returns them in order. */
export async function editStream(page: Page, count: number, rand: Rand): Promise<Op[]> {
  const ops: Op[] = [];
  // The burst goes on in the document the app reopened after the kill (the last one open), else in one picked.
  const reopened = await page.evaluate(() => document.querySelector('[data-testid="doc-title"]')?.textContent ?? '');
  let doc = seedFiles.includes(reopened) ? reopened : rand.pick(seedFiles);
  if (doc !== reopened) await openDocumentByName(page, doc);
  let current: string | undefined; // key of the span the last tag made (it stays selected)
  while (ops.length < count) {
    const roll = rand.next();
    if (current && roll < 0.2) {
      await page.keyboard.press('Delete');
      ops.push({ kind: 'remove', doc, key: current });
      current = undefined;
    } else if (current && roll < 0.4) {
      const to = rand.pick(LABELS.filter((l) => !current!.endsWith(`:${l}`)));
      await page.keyboard.press(LABEL_KEYS[to]);
      ops.push({ kind: 'relabel', doc, from: current, to: relabelled(current, to) });
      current = relabelled(current, to);
    } else if (roll < 0.48) {
      doc = rand.pick(seedFiles);
      await openDocumentByName(page, doc);
      current = undefined;
    } else {
      const range = wordRange(texts.get(doc)!, rand);
      const label = rand.pick(LABELS);
      // A drag on a loaded machine now and then leaves no selection (a mouse step lost): drag again,
      // and after a third miss pick other words. This suite proves crash safety, not the drag.
      if (!(await dragUntilSelected(page, range.start, range.end))) continue;
      const before = await editorSpanId(page);
      await page.keyboard.press(LABEL_KEYS[label]);
      // The model follows what the app made (a drag on a loaded machine can land a word off):
      // then a key missing after the kill can only be a lost write, never a missed drag.
      const made = await madeSpanKey(
        page,
        label,
        before,
        `${doc} ${range.start}-${range.end} "${texts.get(doc)!.slice(range.start, range.end)}"`,
      );
      ops.push({ kind: 'add', doc, key: made });
      current = made;
    }
  }
  return ops;
}

const editorSpanId = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-testid="span-editor"]')?.getAttribute('data-span-id') ?? '');

/** "start:end:label" of the span just made, read from the span editor once it shows a new span. */
async function madeSpanKey(page: Page, label: string, previousId: string, dragged: string): Promise<string> {
  try {
    await page.waitForFunction((prev) => {
      const id = document.querySelector('[data-testid="span-editor"]')?.getAttribute('data-span-id');
      return id !== undefined && id !== null && id !== prev;
    }, previousId);
  } catch (error) {
    const seen = await page.evaluate(() => ({
      selection: window.getSelection()?.toString(),
      editor: document.querySelector('[data-testid="span-editor"] .span-offsets')?.textContent,
      status: document.querySelector('.statusbar')?.textContent?.slice(0, 300),
    }));
    throw new Error(`no new span after the label key (dragged over ${dragged}): ${JSON.stringify(seen)}`, {
      cause: error,
    });
  }
  const [, start, end] =
    /characters (\d+)–(\d+)/.exec((await page.textContent('[data-testid="span-editor"] .span-offsets')) ?? '') ?? [];
  return `${start}:${end}:${label}`;
}

/** The database after a start, from one IndexedDB read: integrity problems and each document's span keys by name. */
export async function stateOf(page: Page): Promise<{ state: State; problems: string[]; documents: number }> {
  const report = await checkIntegrity(page);
  const state: State = new Map(Object.entries(report.spanKeys).map(([id, keys]) => [report.names[id] ?? id, keys]));
  return { state, problems: report.problems, documents: report.documents };
}
