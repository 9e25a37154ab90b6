// Takes the screenshots in docs/ (the README shows them): the annotate screen
// and the side-by-side screen of seeds 002 and 004, at 1280 x 800 and at
// 1024 x 700, made with real mouse drags and keys in the built renderer.
// Run: npm run build:renderer && npx tsx scripts/docs-screenshots.mts [out-dir]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { defaultDeps, openApp, openDocumentByName, PROJECT_ROOT, SEEDS_DIR } from '../tests/support/app-page.ts';
import { dragSelect, offsetsOf, waitSaved } from '../tests/support/text-selection.ts';

const LEFT = '002_8a5c06bed5e27244.txt';
const RIGHT = '004_6c7801b40652ef8d.txt';
const left = readFileSync(path.join(SEEDS_DIR, LEFT), 'utf8');
const right = readFileSync(path.join(SEEDS_DIR, RIGHT), 'utf8');
const out = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, 'docs'));
const SIZES = [
  { width: 1280, height: 800, suffix: '' },
  { width: 1024, height: 700, suffix: '-1024' },
];

async function tag(page: Page, text: string, needle: string, key: string, nth = 0, pane = 'main'): Promise<void> {
  const { start, end } = offsetsOf(text, needle, nth);
  await dragSelect(page, start, end, pane);
  await page.keyboard.press(key);
  await waitSaved(page);
}

for (const size of SIZES) {
  const s = await openApp(undefined, defaultDeps());
  await s.page.setViewportSize({ width: size.width, height: size.height });
  await openDocumentByName(s.page, LEFT);
  for (const [needle, key] of [
    ['Home Secretary', '1'],
    ['Italy', '2'],
    ['£75 million', '3'],
    ['committed a further £84 million', '4'],
    ['£84 million', '3'],
    ['UK law enforcement', '1'],
    ['law enforcement by fostering closer cooperation', '4'],
    ['G7 partners', '2'],
    ['G7 nations', '2'],
    ['migrant smugglers', '1'],
  ] as const) {
    await tag(s.page, left, needle, key);
  }
  await tag(s.page, left, 'border security, combat transnational organised crime', '4');
  await tag(s.page, left, 'transnational organised crime, and protect vulnerable individuals', '4');
  await s.page.keyboard.press('i');
  await s.page.$eval('[data-pane="main"] .doc-scroll', (el) => el.scrollTo({ top: 0 }));
  await s.page.mouse.move(size.width / 2, size.height - 2);
  await s.page.waitForTimeout(300);
  await s.page.screenshot({ path: path.join(out, `annotate${size.suffix}.png`) });

  await s.page.keyboard.press('s');
  await s.page.waitForFunction(
    (n) => document.querySelector('[data-pane="side"] [data-testid="doc-title"]')?.textContent === n,
    RIGHT,
  );
  await s.page.click('[data-pane="side"] .doc-title');
  await s.page.click('[data-testid="sync-toggle"]'); // scroll each pane alone while dragging
  await tag(s.page, right, 'Yvette Cooper', '1', 1, 'side');
  await tag(s.page, right, 'newly agreed G7', '2', 0, 'side');
  await tag(s.page, right, 'Yvette Cooper', '1', 0, 'side');
  await tag(s.page, right, 'Criminal smuggling gangs', '1', 0, 'side');
  await s.page.click('[data-testid="project-all"]');
  await waitSaved(s.page);
  await s.page.click('[data-testid="sync-toggle"]');
  const pair = right.indexOf('The UK’s Home Secretary, Yvette Cooper, said');
  await s.page.evaluate(() =>
    document.querySelector<HTMLElement>('[data-pane="side"] .doc-scroll')!.scrollTo({ top: 0 }),
  );
  const y = await s.page.evaluate((at) => {
    const lines = [...document.querySelectorAll('[data-pane="side"] .doc-text .line')];
    let rest = at;
    for (const line of lines) {
      const n = (line.textContent ?? '').length;
      if (rest <= n) return (line as HTMLElement).offsetTop;
      rest -= n + 1;
    }
    return 0;
  }, pair);
  await s.page.evaluate(
    (top) => document.querySelector<HTMLElement>('[data-pane="side"] .doc-scroll')!.scrollTo({ top: top - 60 }),
    y,
  );
  await s.page.mouse.move(size.width / 2, size.height - 2); // no passage under the mouse
  await s.page.waitForTimeout(500);
  await s.page.screenshot({ path: path.join(out, `side-by-side${size.suffix}.png`) });
  await s.context.close();
}
