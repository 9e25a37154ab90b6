// A start that finds the profile's IndexedDB gone, as Chromium leaves it when
// it discards a database it finds damaged (its IndexedDB folder removed, here
// by hand, on a profile that held annotations): the app must not start
// silently in the empty database with the seeds, must not let snapshots of
// the empty database push the good backup out, and must say so and offer the
// backups. Also: a start without a marker (data from before markers) adopts
// the database quietly, and a start that continues names no loss.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../core/backup-shapes';
import type { Span } from '../../../core/model';
import type { ProfileMarker } from '../../../core/profile-marker';
import { listBackups as snapshotsIn } from '../../../main/services/backups';
import {
  defaultDeps,
  openApp,
  openDocumentByName,
  PROJECT_ROOT,
  readStore,
  rendererUrl,
  SEEDS_DIR,
  waitReady,
  type AppSession,
} from '../../support/app-page';
import {
  answerBrowserDrop,
  databaseLostShown,
  deletesAsked,
  storeCreatedAtThisStart,
} from '../../support/browser-drop';
import { freshProfileDir } from '../../support/chromium';
import { dragSelect, waitSaved } from '../../support/text-selection';

/** Fast backups, so a snapshot of the empty database would be written within the test's wait if one were allowed. */
const FAST = { backupDelayMs: '100', backupMinIntervalMs: '0' };

const sessions: AppSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.context.close().catch(() => undefined);
});

async function start(profileDir: string, dataDir: string): Promise<AppSession> {
  const s = await openApp(profileDir, defaultDeps({ dataDir }), FAST);
  sessions.push(s);
  return s;
}

const markerOf = (dataDir: string): ProfileMarker =>
  JSON.parse(readFileSync(path.join(dataDir, 'profile.json'), 'utf8')) as ProfileMarker;

async function settingOf(page: Page, key: string): Promise<unknown> {
  const rows = await readStore<{ key: string; value: unknown }>(page, 'settings');
  return rows.find((r) => r.key === key)?.value;
}

const listBackups = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { workbench: { listBackups(a: undefined): Promise<BackupInfo[]> } }).workbench.listBackups(
      undefined,
    ),
  );

/** A profile that holds the seeds and three imported documents with spans, and one snapshot of them. */
async function profileWithWork(): Promise<{ profileDir: string; dataDir: string; spans: string[] }> {
  const profileDir = freshProfileDir();
  const { dataDir } = defaultDeps();
  const s = await start(profileDir, dataDir);
  const docs = ['Alpha pledged £5 million.', 'Beta met 🇮🇹 Italy.', 'Gamma, the minister.'].map((text, k) => {
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    const spans = [{ start: 0, end: 5, label: 'actor', text: text.slice(0, 5) }];
    return { id: sha256.slice(0, 16), name: `work-${k}.txt`, text, sha256, source: 'test', spans };
  });
  await s.page.evaluate(
    (docs) =>
      (
        window as unknown as { workbenchAutomation: { importDocuments(d: unknown): Promise<unknown> } }
      ).workbenchAutomation.importDocuments(docs),
    docs,
  );
  await expect.poll(async () => (await listBackups(s.page))[0]?.spans, { timeout: 20_000 }).toBe(3);
  const spans = (await readStore<Span>(s.page, 'spans')).map((x) => `${x.text}:${x.label}`).sort();
  expect(await settingOf(s.page, 'profileId')).toBe(markerOf(dataDir).profileId);
  await s.context.close();
  sessions.splice(sessions.indexOf(s), 1);
  return { profileDir, dataDir, spans };
}

/** What Chromium's recovery from a damaged database leaves: the origin's IndexedDB gone from the profile. */
function dropIndexedDb(profileDir: string): void {
  const folder = path.join(profileDir, 'Default', 'IndexedDB');
  expect(existsSync(folder), `${folder} exists before it is removed`).toBe(true);
  rmSync(folder, { recursive: true, force: true });
}

describe('a start that finds the database gone', () => {
  it('says so, loads nothing, writes no snapshot of the emptiness, and restores the newest backup', async () => {
    const { profileDir, dataDir, spans } = await profileWithWork();
    const marked = markerOf(dataDir);
    const kept = await snapshotsIn(path.join(dataDir, 'backups'));
    expect(kept[0]).toMatchObject({ documents: 8, spans: 3 });
    dropIndexedDb(profileDir);

    const s = await start(profileDir, dataDir);
    await s.page.waitForSelector('[data-testid="lost-database-backup"]');
    expect(await s.page.evaluate(() => document.body.dataset.databaseLost)).toBe('true');
    expect(await readStore(s.page, 'documents')).toEqual([]); // no seeds loaded into it
    const heading = await s.page.textContent('[data-testid="lost-database"] h2');
    expect(heading).toBe('This profile’s database was found empty');
    // Escape does not close it: the choice is the point.
    await s.page.keyboard.press('Escape');
    await s.page.waitForTimeout(600); // six backup delays: a snapshot would have been written by now
    expect(await s.page.locator('[data-testid="lost-database"]').count()).toBe(1);
    expect(await listBackups(s.page)).toEqual(kept);
    await s.page.screenshot({ path: path.join(PROJECT_ROOT, 'test-results', 'lost-database.png') });

    await s.page.click('[data-testid="lost-database-backup"] >> nth=0 >> button');
    await expect
      .poll(() => s.page.textContent('[data-testid="statusbar"]'), { timeout: 20_000 })
      .toMatch(/^Restored: 8 documents and 3 spans/);
    expect(await s.page.locator('[data-testid="lost-database"]').count()).toBe(0);
    expect((await readStore<Span>(s.page, 'spans')).map((x) => `${x.text}:${x.label}`).sort()).toEqual(spans);
    // The restored database is this profile's now: a new id, the marker naming it, its first date kept.
    const profileId = await settingOf(s.page, 'profileId');
    expect(profileId).not.toBe(marked.profileId);
    // Her identity (here the id the profile made for her, as she gave no name) stays in the marker.
    expect(markerOf(dataDir)).toEqual({
      profileId,
      heldDataSince: marked.heldDataSince,
      annotatorId: marked.annotatorId,
    });
    expect(marked.annotatorId).toMatch(/^annotator-[0-9a-f]{8}$/);
    expect(await settingOf(s.page, 'seedCorpusLoaded')).toBe(true);
    expect(s.errors).toEqual([]);

    // The next start continues: no dialog, nothing loaded twice.
    await s.page.goto(rendererUrl(FAST));
    await waitReady(s.page);
    expect(await s.page.locator('[data-testid="lost-database"]').count()).toBe(0);
    expect(await s.page.evaluate(() => document.body.dataset.databaseLost)).toBeUndefined();
    expect(await readStore(s.page, 'documents')).toHaveLength(8);
  });

  it('she is still herself after it: her name comes back from the marker, and her restored spans are her layer', async () => {
    const profileDir = freshProfileDir();
    const { dataDir } = defaultDeps();
    const s = await start(profileDir, dataDir);
    await s.page.waitForSelector('[data-testid="annotator-name-card"]');
    await s.page.fill('[data-testid="annotator-name-input"]', 'Maria');
    await s.page.click('[data-testid="annotator-name-save"]');
    await s.page.waitForSelector('[data-testid="annotator-name-card"]', { state: 'detached' });
    const title = (await s.page.textContent('[data-pane="main"] [data-testid="doc-title"]')) ?? '';
    const text = readFileSync(path.join(SEEDS_DIR, title), 'utf8');
    const word = /\p{L}{4,}/u.exec(text)!;
    await dragSelect(s.page, word.index, word.index + word[0].length);
    await s.page.keyboard.press('1');
    await waitSaved(s.page);
    const [made] = await readStore<Span>(s.page, 'spans');
    expect(made).toMatchObject({ annotator: 'Maria', text: word[0] });
    await expect.poll(() => markerOf(dataDir).annotatorName).toBe('Maria');
    await expect.poll(async () => (await listBackups(s.page))[0]?.spans, { timeout: 20_000 }).toBe(1);
    await s.context.close();
    sessions.splice(sessions.indexOf(s), 1);
    dropIndexedDb(profileDir);

    const t = await start(profileDir, dataDir);
    await t.page.waitForSelector('[data-testid="lost-database-backup"]');
    await t.page.click('[data-testid="lost-database-backup"] >> nth=0 >> button');
    await expect
      .poll(() => t.page.textContent('[data-testid="statusbar"]'), { timeout: 20_000 })
      .toMatch(/^Restored: 5 documents and 1 span/);
    // Not asked who she is, not a stranger: her layer, with her span in it, editable.
    expect(await t.page.locator('[data-testid="annotator-name-card"]').count()).toBe(0);
    expect(await t.page.textContent('[data-testid="annotator-name"]')).toContain('Maria');
    expect(await settingOf(t.page, 'annotatorName')).toBe('Maria');
    expect(await t.page.$eval('[data-testid="layer-select"]', (el) => (el as HTMLSelectElement).value)).toBe('mine');
    await openDocumentByName(t.page, title);
    await expect
      .poll(() => t.page.locator('[data-pane="main"] .ProseMirror [data-span-id]').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await t.page.textContent('[data-pane="main"] .ProseMirror [data-span-id]')).toBe(word[0]);
    expect(markerOf(dataDir)).toMatchObject({ annotatorName: 'Maria' });
    expect(t.errors).toEqual([]);
  });

  it('asks again at every start until a choice is made; beginning again loads the seeds once', async () => {
    const { profileDir, dataDir } = await profileWithWork();
    dropIndexedDb(profileDir);
    const s = await start(profileDir, dataDir);
    await s.page.waitForSelector('[data-testid="lost-database-backup"]');
    await s.page.goto(rendererUrl(FAST)); // left without a choice
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid="lost-database-backup"]');
    expect(await readStore(s.page, 'documents')).toEqual([]);

    await s.page.click('[data-testid="lost-database-seeds"]');
    await expect
      .poll(() => s.page.textContent('[data-testid="statusbar"]'), { timeout: 20_000 })
      .toBe('Began again with the seed corpus.');
    expect(await readStore(s.page, 'documents')).toHaveLength(5);
    expect(markerOf(dataDir).profileId).toBe(await settingOf(s.page, 'profileId'));
    await s.page.goto(rendererUrl(FAST));
    await waitReady(s.page);
    expect(await s.page.locator('[data-testid="lost-database"]').count()).toBe(0);
    expect(await readStore(s.page, 'documents')).toHaveLength(5);
  });

  it('a database with data and no marker (from before markers) is adopted without a word', async () => {
    const { profileDir, dataDir } = await profileWithWork();
    const before = markerOf(dataDir);
    rmSync(path.join(dataDir, 'profile.json'));
    const s = await start(profileDir, dataDir);
    expect(await s.page.locator('[data-testid="lost-database"]').count()).toBe(0);
    expect(await readStore(s.page, 'documents')).toHaveLength(8);
    expect(markerOf(dataDir).profileId).toBe(before.profileId);
  });

  it('the crash suite tells a store the browser made anew from a database the page deleted', async () => {
    // Removed under the app, as Chromium's recovery leaves it: the proof holds, and answering begins again.
    const dropped = await profileWithWork();
    dropIndexedDb(dropped.profileDir);
    const s = await start(dropped.profileDir, dropped.dataDir);
    expect(await databaseLostShown(s.page)).toBe(true);
    expect(storeCreatedAtThisStart(dropped.profileDir)).toBe(true);
    expect(await deletesAsked(s.page)).toEqual([]);
    await answerBrowserDrop(s.page, { storeMadeAnew: true, deletesBeforeKill: [] });
    expect(await readStore(s.page, 'documents')).toHaveLength(5);
    // A store opened before is not "made anew" at the next start of the browser.
    await s.context.close();
    await start(dropped.profileDir, dropped.dataDir);
    expect(storeCreatedAtThisStart(dropped.profileDir)).toBe(false);

    // Deleted by the page: seen, and the answer refuses to call it the browser's doing.
    const deleted = await profileWithWork();
    const t = await start(deleted.profileDir, deleted.dataDir);
    await t.page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('seed-workbench');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
    const asked = await deletesAsked(t.page);
    expect(asked).toEqual(['seed-workbench']);
    await t.page.goto(rendererUrl(FAST));
    await waitReady(t.page);
    expect(await databaseLostShown(t.page)).toBe(true);
    await expect(
      answerBrowserDrop(t.page, {
        storeMadeAnew: storeCreatedAtThisStart(deleted.profileDir),
        deletesBeforeKill: asked,
      }),
    ).rejects.toThrow('the page had asked to delete seed-workbench');
  });
});
