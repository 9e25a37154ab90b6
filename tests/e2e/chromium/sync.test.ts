// Sync between two app profiles (issue 16): two Chromium contexts, each with
// its own main-process SyncService in this test process (the test host plays
// main), replicating with pouchdb-server on 127.0.0.1. They annotate the same
// document while the server is down, reconnect, and each ends with both
// layers, nothing lost or doubled (checked in the export, with Python); then
// the same label edited on both machines is a conflict, shown and resolved.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Label, Span } from '../../../core/model';
import { SyncService } from '../../../main/services/sync/sync-service';
import { hasPython, noteIfNoPython, pythonCheck } from '../../main/services/python';
import {
  defaultDeps,
  openApp,
  openDocumentByName,
  PROJECT_ROOT,
  readStore,
  SEEDS_DIR,
  type AppSession,
} from '../../support/app-page';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { fakeSecrets } from '../../support/fake-secrets';
import { exportVia, fakeDialogs, readLines, type DialogAnswers } from '../../support/io-driver';
import { dragSelect, offsetsOf, waitSaved } from '../../support/text-selection';

const DOC = '002_8a5c06bed5e27244.txt';
const text = readFileSync(path.join(SEEDS_DIR, DOC), 'utf8');
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(PROJECT_ROOT, `test-results/${name}.png`) });

interface Profile {
  s: AppSession;
  sync: SyncService;
  answers: DialogAnswers;
}

async function openProfile(): Promise<Profile> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'seed-sync-data-'));
  const sync = new SyncService({
    dir: path.join(dataDir, 'sync'),
    secrets: fakeSecrets,
    confirmServer: async () => true,
    maxBackOff: 400,
  });
  const dialogs = fakeDialogs();
  const s = await openApp(undefined, { ...defaultDeps({ dataDir }), ...dialogs.deps, sync }, { syncTick: '250' });
  return { s, sync, answers: dialogs.answers };
}

const state = (p: Page) => p.evaluate(() => ({ ...document.body.dataset }));
/** Waits for the top bar's state (and waiting changes, conflicts); on time-out says what the badge showed. */
async function waitState(p: Page, want: string, waiting?: number, conflicts?: number): Promise<void> {
  const pattern = new RegExp(`^${want} ${waiting ?? '\\d+'} ${conflicts ?? '\\d+'} `);
  await expect
    .poll(
      async () => {
        const d = await state(p);
        return `${d.syncState} ${d.syncWaiting} ${d.syncConflicts} ${await p.textContent('[data-testid="sync-state"]')}`;
      },
      { timeout: 30_000, interval: 150 },
    )
    .toMatch(pattern);
}

const docSpans = async (p: Page) => {
  const doc = (await readStore<{ id: string; name: string }>(p, 'documents')).find((d) => d.name === DOC)!;
  return (await readStore<Span>(p, 'spans'))
    .filter((x) => x.docId === doc.id)
    .map((x) => `${x.label}:${x.text}`)
    .sort();
};

/**
 * Waits for the suggestion layer to settle, so what the test reads next is not a half-drawn layer. (Its labels
 * once sat inline and moved the text under a drag; they float above the line now, see suggestions.css.)
 */
async function suggestionsSettled(p: Page): Promise<void> {
  const count = () => p.locator('.doc-pane[data-pane="main"] .suggestion-tag').count();
  await expect.poll(count, { timeout: 30_000 }).toBeGreaterThan(0);
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = await count();
        const stable = now === last;
        last = now;
        return stable;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
}

async function tag(p: Page, needle: string, key: string): Promise<void> {
  await openDocumentByName(p, DOC);
  await suggestionsSettled(p);
  const { start, end } = offsetsOf(text, needle);
  await dragSelect(p, start, end);
  await p.keyboard.press(key);
  await waitSaved(p);
}

async function setKey(p: Page, label: string, key: string): Promise<void> {
  await p.click('[data-testid="edit-labels"]');
  const input = p.locator(`.label-row[data-label="${label}"] .label-key-input`);
  await input.fill(key);
  await input.press('Tab');
  await expect.poll(async () => (await readStore<Label>(p, 'labels')).find((l) => l.name === label)?.key).toBe(key);
  await p.click('[data-testid="close-labels"]');
}

describe('sync between two profiles', () => {
  let server: CouchServer;
  let a: Profile;
  let b: Profile;
  beforeAll(async () => {
    noteIfNoPython();
    server = await startCouchServer({ inMemory: false });
    // A signs in as a user of the server (pouchdb-server keeps users in _users, as CouchDB does).
    const made = await fetch(`${server.url}/_users/org.couchdb.user:ann`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ann', password: 'secret-pw-123', roles: [], type: 'user' }),
    });
    expect(made.ok).toBe(true);
    // The database is made by the server's admin, as on a real CouchDB (a plain user may not create one).
    expect((await fetch(`${server.url}/team`, { method: 'PUT' })).ok).toBe(true);
    [a, b] = await Promise.all([openProfile(), openProfile()]);
  });
  afterAll(async () => {
    for (const p of [a, b]) {
      await p?.s.context.close();
      await p?.sync.close();
    }
    await server?.stop();
  });

  it('is set up in the Sync dialog, and both profiles come up to date', async () => {
    // A sets sync up through the dialog, as a researcher would; B through the bridge.
    await a.s.page.click('[data-testid="sync-state"]');
    await a.s.page.fill('[data-testid="sync-url"]', server.url);
    await a.s.page.fill('[data-testid="sync-database"]', 'team');
    await a.s.page.fill('[data-testid="sync-username"]', 'ann');
    await a.s.page.fill('[data-testid="sync-password"]', 'secret-pw-123');
    await a.s.page.check('[data-testid="sync-enabled"]');
    await a.s.page.click('[data-testid="sync-save"]');
    await expect.poll(() => a.s.page.textContent('[data-testid="sync-message"]')).toContain('Saved');
    await shot(a.s.page, 'sync-dialog');
    await a.s.page.click('[data-testid="sync-dialog"] button:text-is("Close")');
    await b.s.page.evaluate(
      (url) => window.workbench!.syncConfigure({ url, database: 'team', username: '', enabled: true }),
      server.url,
    );
    await Promise.all([waitState(a.s.page, 'up-to-date', 0), waitState(b.s.page, 'up-to-date', 0)]);
    await expect.poll(() => a.s.page.textContent('[data-testid="sync-state"]')).toBe('Up to date');
  });

  it('annotate offline, reconnect: each ends with both layers, nothing lost or doubled', async () => {
    await server.kill();
    await Promise.all([waitState(a.s.page, 'offline'), waitState(b.s.page, 'offline')]);
    await tag(a.s.page, 'Italy', '2');
    await tag(b.s.page, 'Yvette Cooper', '1');
    await expect
      .poll(() => a.s.page.textContent('[data-testid="sync-state"]'))
      // Her tag waits on disk in main's replica while the server is away, and the bar counts it.
      .toMatch(/^Offline · [1-9]\d* changes? waiting/);
    await shot(a.s.page, 'sync-offline');
    await server.restart();
    await Promise.all([waitState(a.s.page, 'up-to-date', 0), waitState(b.s.page, 'up-to-date', 0)]);
    const both = ['actor:Yvette Cooper', 'country:Italy'];
    await expect.poll(() => docSpans(a.s.page), { timeout: 20_000 }).toEqual(both);
    await expect.poll(() => docSpans(b.s.page), { timeout: 20_000 }).toEqual(both);
    const annotators = new Set((await readStore<Span>(a.s.page, 'spans')).map((x) => x.annotator ?? 'local'));
    expect(annotators.size).toBe(2); // A's own span and B's layer
    // Her own layer shows her span; B's arrives as B's layer, on screen with all layers.
    await a.s.page.selectOption('[data-testid="layer-select"]', 'all');
    await expect.poll(() => a.s.page.locator('.doc-pane[data-pane="main"] .span').count()).toBeGreaterThanOrEqual(2);
    await shot(a.s.page, 'sync-both-layers');
    for (const [name, p] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'seed-sync-export-')), `${name}.jsonl`);
      // Both layers: each profile exports every layer, each span naming its annotator.
      await exportVia(p.s.page, p.answers, file, (page) => page.check('[data-testid="layer-all"]'));
      const line = readLines(file).find((l) => l.meta?.name === DOC)!;
      expect(line.spans!.map((x) => `${x.label}:${x.text}`).sort()).toEqual(both);
      if (hasPython) expect(pythonCheck(file)).toBeGreaterThanOrEqual(2);
    }
  });

  it('the same label changed on both machines is a conflict: the winner shown, the loser listed, the pick kept', async () => {
    await server.kill();
    await Promise.all([waitState(a.s.page, 'offline'), waitState(b.s.page, 'offline')]);
    await setKey(a.s.page, 'money', '7');
    await setKey(b.s.page, 'money', '8');
    await server.restart();
    await Promise.all([waitState(a.s.page, 'up-to-date', 0, 1), waitState(b.s.page, 'up-to-date', 0, 1)]);
    const keyOf = async (p: Page) => (await readStore<Label>(p, 'labels')).find((l) => l.name === 'money')?.key;
    await expect.poll(async () => (await keyOf(a.s.page)) === (await keyOf(b.s.page))).toBe(true); // one winner everywhere
    const shown = await keyOf(a.s.page);
    expect(await a.s.page.textContent('[data-testid="sync-state"]')).toContain('1 conflict');
    await a.s.page.click('[data-testid="sync-state"]');
    await a.s.page.waitForSelector('[data-testid="sync-conflict"]');
    await shot(a.s.page, 'sync-conflict');
    const revisions = a.s.page.locator('[data-testid="sync-revision"]');
    expect(await revisions.count()).toBe(2);
    await revisions.nth(1).locator('[data-testid="sync-keep"]').click(); // the losing revision
    const picked = shown === '7' ? '8' : '7';
    await Promise.all([waitState(a.s.page, 'up-to-date', 0, 0), waitState(b.s.page, 'up-to-date', 0, 0)]);
    await expect.poll(() => keyOf(a.s.page), { timeout: 20_000 }).toBe(picked);
    await expect.poll(() => keyOf(b.s.page), { timeout: 20_000 }).toBe(picked);
    await a.s.page.click('[data-testid="sync-dialog"] button:text-is("Close")');
  });

  it('keeps the password out of the page: not in IndexedDB, localStorage or anything the bridge answers', async () => {
    const page = a.s.page;
    const seen = await page.evaluate(async () => {
      const parts: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
      for (const info of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const open = indexedDB.open(info.name!);
          open.onsuccess = () => resolve(open.result);
        });
        for (const store of db.objectStoreNames) {
          const rows = await new Promise<unknown[]>((resolve) => {
            const r = db.transaction(store).objectStore(store).getAll();
            r.onsuccess = () => resolve(r.result);
          });
          parts.push(JSON.stringify(rows));
        }
        db.close();
      }
      const bridge = window.workbench!;
      parts.push(
        JSON.stringify(await bridge.syncSettings(undefined)),
        JSON.stringify(await bridge.syncStatus(undefined)),
      );
      parts.push(document.documentElement.outerHTML);
      return parts.join('\n');
    });
    expect(seen).not.toContain('secret-pw-123');
    expect(seen).toContain('"hasPassword":true');
    const answers = a.s.calls.filter((c) => c.name.startsWith('sync')).map((c) => String(JSON.stringify(c.arg)));
    expect(answers.some((x) => x.includes('secret-pw-123'))).toBe(true); // it went to main once, from the dialog
    // Not asserted: under load Chromium has reported a few "TransactionInactiveError" page errors here
    // (no stack); every write was stored. Listed for the report.
    if (a.s.errors.length + b.s.errors.length > 0) console.log('page errors:', a.s.errors, b.s.errors);
  });
});
