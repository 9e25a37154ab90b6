// Seeds -> IndexedDB -> exact text on screen -> persistence across reload and browser restart.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentRecord, TextRecord } from '../../../core/model';
import {
  openApp,
  openDocumentByName,
  PROJECT_ROOT,
  readStore,
  SEEDS_DIR,
  shownText,
  waitReady,
  type AppSession,
} from '../../support/app-page';

const seedNames = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const seedText = (name: string) => readFileSync(path.join(SEEDS_DIR, name), 'utf8');

describe('foundation: the seed corpus in Chromium', () => {
  let session: AppSession | undefined;
  afterAll(async () => session?.context.close());

  it('stores the five seeds in IndexedDB on first start', async () => {
    session = await openApp();
    const docs = await readStore<DocumentRecord>(session.page, 'documents');
    const texts = await readStore<TextRecord>(session.page, 'texts');
    expect(docs.map((d) => d.name).sort()).toEqual(seedNames);
    expect(seedNames).toHaveLength(5);
    for (const doc of docs) expect(texts.find((t) => t.id === doc.id)?.text).toBe(seedText(doc.name));
    // Besides the sync state, which the page asks main for on a timer, first start reads main's profile
    // marker (none yet), marks the profile as holding data, then asks for the seeds once.
    expect(session.calls.map((c) => c.name).filter((n) => n !== 'syncStatus')).toEqual([
      'readProfileMarker',
      'writeProfileMarker',
      'loadSeedCorpus',
    ]);
  });

  it('shows each seed exactly as it is on disk', async () => {
    const page = session!.page;
    for (const name of seedNames) {
      await openDocumentByName(page, name);
      expect(await shownText(page)).toBe(seedText(name));
    }
    expect(session!.errors).toEqual([]);
  });

  it('lists each document with its name and first line, and saves a screenshot', async () => {
    const page = session!.page;
    await openDocumentByName(page, seedNames[0]);
    const items = await page.$$eval('.doc-item', (els) =>
      els.map((e) => ({
        name: e.querySelector('.doc-name')?.textContent,
        preview: e.querySelector('.doc-preview')?.textContent,
      })),
    );
    expect(items.map((i) => i.name)).toEqual(seedNames);
    expect(items[0].preview).toBe('## Priti Patel leads G6 on security threats and illegal migration');
    expect(await page.locator('[data-pane="side"]').isVisible()).toBe(false); // one pane until side by side is asked for
    expect(await page.locator('[data-testid="compare-bar"]').isVisible()).toBe(false);
    mkdirSync(path.join(PROJECT_ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(PROJECT_ROOT, 'test-results/foundation-main.png') });
  });

  it('keeps the documents once after a reload', async () => {
    const page = session!.page;
    await page.reload();
    await waitReady(page);
    const docs = await readStore<DocumentRecord>(page, 'documents');
    expect(docs).toHaveLength(5);
    expect(await page.locator('.doc-item').count()).toBe(5);
  });

  it('keeps the documents once after a browser restart on the same profile', async () => {
    const profile = session!.profileDir;
    await session!.context.close();
    session = await openApp(profile);
    const docs = await readStore<DocumentRecord>(session.page, 'documents');
    const texts = await readStore<TextRecord>(session.page, 'texts');
    expect(docs.map((d) => d.name).sort()).toEqual(seedNames);
    expect(texts).toHaveLength(5);
    expect(await shownText(session.page)).toBe(seedText(await session.page.innerText('[data-testid="doc-title"]')));
  });
});
