// Selecting document text the way a person does: find where characters are on
// screen and drag the real mouse across them.
import type { Page } from 'playwright-core';

/** UTF-16 offsets of the nth occurrence of `needle` in `text`. */
export function offsetsOf(text: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`“${needle}” occurs fewer than ${nth + 1} times`);
  }
  return { start: at, end: at + needle.length };
}

/** Screen points just inside the first and last characters of [start, end) in a pane. */
export async function pointsFor(page: Page, start: number, end: number, pane = 'main') {
  return page.evaluate(
    async ({ start, end, pane }) => {
      const lines = [...document.querySelectorAll(`[data-pane="${pane}"] .doc-text .line`)];
      const locate = (offset: number) => {
        let rest = offset;
        for (const line of lines) {
          const length = (line.textContent ?? '').length;
          if (rest <= length) {
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const n = (node.textContent ?? '').length;
              if (rest < n) return { node, offset: rest };
              rest -= n;
            }
          }
          rest -= length + 1;
        }
        throw new Error(`offset ${offset} not found`);
      };
      const rectOf = (offset: number) => {
        const { node, offset: local } = locate(offset);
        const range = document.createRange();
        range.setStart(node, local);
        range.setEnd(node, local + 1);
        return range.getBoundingClientRect();
      };
      locate(start).node.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      // Lines skip rendering off screen (content-visibility: auto) and take their real height
      // only at the next rendering update after they scroll in, which moves the text below
      // them. Read the place once it holds still over two frames.
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
      let first = rectOf(start);
      for (let i = 0; i < 10; i++) {
        await frame();
        await frame();
        const now = rectOf(start);
        if (now.top === first.top && now.left === first.left) break;
        first = now;
      }
      const last = rectOf(end - 1);
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    },
    { start, end, pane },
  );
}

export async function dragSelect(page: Page, start: number, end: number, pane = 'main'): Promise<void> {
  const p = await pointsFor(page, start, end, pane);
  await page.mouse.move(p.x1, p.y1);
  await page.mouse.down();
  await page.mouse.move((p.x1 + p.x2) / 2, (p.y1 + p.y2) / 2, { steps: 4 });
  await page.mouse.move(p.x2, p.y2, { steps: 4 });
  await page.mouse.up();
}

/**
 * Off-screen lines are laid out lazily (content-visibility), so the first
 * scroll to a far line can move it again once its neighbours render: scroll,
 * let two frames pass, then drag at the settled position.
 */
async function settledDrag(page: Page, start: number, end: number, pane: string): Promise<void> {
  await pointsFor(page, start, end, pane);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await dragSelect(page, start, end, pane);
}

/**
 * Drags over [start, end) until the page holds a text selection; false after three misses. A drag on a
 * loaded machine now and then leaves no selection (a mouse step lost); tests of what follows a drag retry it.
 */
export async function dragUntilSelected(page: Page, start: number, end: number, pane = 'main'): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await settledDrag(page, start, end, pane);
    if (await page.evaluate(() => (window.getSelection()?.toString() ?? '') !== '')) return true;
  }
  return false;
}

export async function clickOffset(page: Page, offset: number, pane = 'main'): Promise<void> {
  const p = await pointsFor(page, offset, offset + 1, pane);
  await page.mouse.click((p.x1 + p.x2) / 2, p.y1);
}

/** Waits until every queued IndexedDB write has committed. */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.body.dataset.pendingWrites === '0' || document.body.dataset.pendingWrites === undefined,
  );
}
