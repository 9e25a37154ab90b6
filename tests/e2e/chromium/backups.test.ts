// Backups end to end: annotate with real drags and keys, let the debounced
// snapshot happen (the delay shortened through the page URL), then start on a
// brand-new profile that shares only the data folder (the database is gone, as
// when the browser drops it): the start says so, restores the newest backup
// on request, and every span is found again.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../core/backup-shapes';
import type { Rejection, Span } from '../../../core/model';
import {
  defaultDeps,
  freshDataDir,
  openApp,
  openDocumentByName,
  PROJECT_ROOT,
  readStore,
  rendererUrl,
  SEEDS_DIR,
  waitReady,
  type AppSession,
} from '../../support/app-page';
import { dragSelect, offsetsOf, waitSaved } from '../../support/text-selection';

const DOC = '002_8a5c06bed5e27244.txt';
const text = readFileSync(path.join(SEEDS_DIR, DOC), 'utf8');
const FAST = { backupDelayMs: '300', backupMinIntervalMs: '0' };

async function openFast(dataDir: string): Promise<AppSession> {
  const s = await openApp(undefined, defaultDeps({ dataDir }));
  await s.page.goto(rendererUrl(FAST));
  await waitReady(s.page);
  return s;
}

async function tag(page: Page, needle: string, key: string): Promise<void> {
  const { start, end } = offsetsOf(text, needle);
  await dragSelect(page, start, end);
  await page.keyboard.press(key);
  await waitSaved(page);
}

type Key = Pick<Span, 'docId' | 'start' | 'end' | 'label' | 'text' | 'note'>;
async function storedSpans(page: Page): Promise<Key[]> {
  const spans = await readStore<Span>(page, 'spans');
  return spans
    .map(({ docId, start, end, label, text, note }) => ({ docId, start, end, label, text, note }))
    .sort(
      (a, b) => a.docId.localeCompare(b.docId) || a.start - b.start || a.end - b.end || a.label.localeCompare(b.label),
    );
}

async function storedRejections(page: Page): Promise<Array<Omit<Rejection, 'rejectedAt'>>> {
  return (await readStore<Rejection>(page, 'rejections')).map(({ rejectedAt: _at, ...r }) => r);
}

const listBackups = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { workbench: { listBackups(a: undefined): Promise<BackupInfo[]> } }).workbench.listBackups(
      undefined,
    ),
  );

describe('rolling backups in Chromium', () => {
  const dataDir = freshDataDir();
  const sessions: AppSession[] = [];
  let before: Key[] = [];
  let rejected: Array<Omit<Rejection, 'rejectedAt'>> = [];
  afterAll(async () => {
    for (const s of sessions) await s.context.close().catch(() => undefined);
  });

  it('writes a snapshot a moment after the last change, holding every span', async () => {
    const s = await openFast(dataDir);
    sessions.push(s);
    await openDocumentByName(s.page, DOC);
    // A rejected suggestion is a person's work too: the snapshot must hold it.
    const suggestion = s.page.locator('.doc-text .suggestion').first();
    await suggestion.waitFor({ timeout: 20_000 });
    await suggestion.click();
    await expect.poll(() => s.page.locator('[data-testid="current-suggestion"]').count()).toBe(1);
    await s.page.keyboard.press('x');
    await waitSaved(s.page);
    rejected = await storedRejections(s.page);
    expect(rejected).toHaveLength(1);
    await tag(s.page, 'Home Secretary', '1');
    await tag(s.page, 'Italy', '2');
    await tag(s.page, '£75 million', '3');
    await tag(s.page, 'committed a further £84 million', '4');
    await tag(s.page, '£84 million', '3'); // nested inside the commitment
    before = await storedSpans(s.page);
    expect(before).toHaveLength(5);
    await expect.poll(async () => (await listBackups(s.page))[0]?.spans, { timeout: 20_000 }).toBe(5);
    const [newest] = await listBackups(s.page);
    expect(newest.documents).toBe(5);
    const files = readdirSync(path.join(dataDir, 'backups'));
    expect(files).toContain(`snapshot-${newest.id}.jsonl`);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await s.context.close();
  });

  it('a new, empty database in the same profile is named as lost; its restore brings every span back', async () => {
    const s = await openFast(dataDir);
    sessions.push(s);
    // The data folder's profile marker says this profile held data: nothing is loaded, the user is asked.
    await s.page.waitForSelector('[data-testid="lost-database-backup"]');
    expect(await readStore(s.page, 'documents')).toEqual([]);
    await s.page.click('[data-testid="lost-database-backup"] >> nth=0 >> button');
    await expect
      .poll(() => s.page.textContent('[data-testid="statusbar"]'), { timeout: 20_000 })
      .toMatch(/^Restored: 5 documents and 5 spans/);
    expect(await s.page.locator('[data-testid="lost-database"]').count()).toBe(0);
    const after = await storedSpans(s.page);
    // Span ids are new; everything a person sees of a span is the same.
    expect(after).toEqual(before);
    expect(await storedRejections(s.page)).toEqual(rejected);
    expect(await s.page.textContent('[data-testid="statusbar"]')).toContain(
      '0 kept suggestions and 1 rejection written back',
    );
    await openDocumentByName(s.page, DOC);
    // The panel redraws after the document opens: wait for it rather than count at once.
    await expect.poll(() => s.page.locator('[data-testid="span-list"] li').count(), { timeout: 10_000 }).toBe(5);
    const counts = await readStore<{ id: string; spanCount: number }>(s.page, 'documents');
    expect(counts.find((d) => d.id === before[0].docId)?.spanCount).toBe(5);
    expect(s.errors).toEqual([]);
  });

  it('restoring again, through the Backups… dialog, adds nothing twice', async () => {
    const s = sessions[1];
    await s.page.click('[data-testid="open-backups"]');
    await s.page.waitForSelector('[data-testid="backup-row"]');
    await s.page.screenshot({ path: path.join(PROJECT_ROOT, 'test-results', 'backups-dialog.png') });
    await s.page.click('[data-testid="backup-row"] >> nth=0 >> [data-testid="restore-backup"]');
    await expect
      .poll(() => s.page.textContent('[data-testid="backup-message"]'), { timeout: 20_000 })
      .toMatch(/^Restored: 0 documents and 0 spans/);
    expect(await s.page.textContent('[data-testid="backup-message"]')).not.toContain('rejections');
    expect(await storedSpans(s.page)).toEqual(before);
    expect(await storedRejections(s.page)).toEqual(rejected);
  });
});
