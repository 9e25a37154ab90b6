// Crash safety: a stream of real annotation edits (mouse drags + label keys,
// relabels, deletes, document switches) on a persistent profile, cut short at
// a random point by SIGKILL of every Chromium process of that profile. After
// each restart the database must hold exactly the edits up to some point
// between the last acknowledged one (body.dataset.savedWrites before the
// kill) and the last one issued: every acknowledged edit kept, the rest
// either whole or absent, and nothing half-written (see checkIntegrity).
// Then the same for a kill during first-start seed loading and during an
// import. Seeded: CRASH_SEED=<n> replays a run; the seed is printed.
// A start that finds the database emptied by the browser itself (proved each
// time: tests/support/browser-drop.ts) is its own outcome: the app's dialog is
// checked and answered, the kill point printed as one, and a few at most pass.
//
// Browser: Debian's chromium-headless-shell where installed (the same storage code as the
// browser, started in a third of the time; tests/support/chromium.ts), else chromium; the first
// line printed names the binary.
//
// Scale: SEED_CRASH_POINTS kill points a run (200 in `npm test`, 1,000 in
// `npm run soak`), counted one by one; the last test fails if fewer were
// reached. A kill point costs one browser start: the start after a kill both
// checks that kill (one IndexedDB read) and runs the next burst of edits.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDeps, openApp, PROJECT_ROOT, type AppSession } from '../../support/app-page';
import type { BridgeCall } from '../../support/bridge-host';
import {
  answerBrowserDrop,
  databaseLostShown,
  deletesAsked,
  storeCreatedAtThisStart,
} from '../../support/browser-drop';
import { chromiumInUse, freshProfileDir, useChromiumBuild } from '../../support/chromium';
import {
  checkIndexes,
  checkIntegrity,
  crashTarget,
  killHard,
  prng,
  totalKills,
  type KillPoints,
} from '../../support/crash';
import { generatedSeeds, importBatches, inspect, startLoading } from '../../support/crash-loading';
import { killStream, type Figures, type Phases, type StreamSuite } from '../../support/crash-stream';

const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const TARGET = crashTarget();
/** Kills during first-start seed loading, and as many during imports: each costs three browser starts. */
const LOAD_KILLS = Math.max(3, Math.round(TARGET / 100));
const EDIT_KILLS = TARGET - 2 * LOAD_KILLS;
/** Edit-stream kills run on this many profiles at once (SEED_CRASH_STREAMS, default 2). */
const STREAMS = Math.max(1, Math.floor(Number(process.env.SEED_CRASH_STREAMS ?? 2)) || 2);
const kills: KillPoints = { edits: 0, seedLoad: 0, import: 0 };
/**
 * Kill points after which the browser itself had emptied the database
 * (tests/support/browser-drop.ts proves it each time): the app's answer is
 * checked, the outcome printed, and more than a few fail the suite.
 */
const browserDrops: string[] = [];
const suiteStarted = Date.now();
const rand = prng(SEED);
/** What every edit stream shares: the seed, the counts it adds to, and the suite's start for its progress lines. */
const suite: StreamSuite = { seed: SEED, kills, browserDrops, editKills: EDIT_KILLS, started: suiteStarted };
useChromiumBuild('headless-shell');
const browser = chromiumInUse();
console.log(
  `crash suite: seed ${SEED} (replay with CRASH_SEED=${SEED}), target ${TARGET} kill points: ${EDIT_KILLS} in edit streams, ${LOAD_KILLS} in seed loading, ${LOAD_KILLS} in imports; ${browser.build} ${browser.path}`,
);

describe(`crash safety (seed ${SEED})`, () => {
  const open = new Set<AppSession>();
  afterAll(async () => {
    await Promise.all([...open].map((s) => s.context.close().catch(() => undefined)));
  });

  it(
    `keeps every acknowledged edit and nothing half-written over ${EDIT_KILLS} hard kills in streams of edits`,
    async () => {
      const figures: Figures = {
        issued: 0,
        acknowledged: 0,
        keptUnacknowledged: 0,
        lostUnacknowledged: 0,
        killedProcesses: 0,
      };
      const phases: Phases = { start: 0, check: 0, edits: 0, kill: 0 }; // ms spent in each (summed over streams)
      const started = Date.now();
      // Independent profiles side by side: a browser start waits on disk and IPC as much as on the CPU.
      const share = (k: number) => Math.floor(EDIT_KILLS / STREAMS) + (k < EDIT_KILLS % STREAMS ? 1 : 0);
      await Promise.all(
        Array.from({ length: STREAMS }, (_, k) => killStream(suite, k, share(k), open, figures, phases)),
      );
      const seconds = (Date.now() - started) / 1000;
      const each = Object.entries(phases)
        .map(([k, ms]) => `${k} ${(ms / Math.max(1, kills.edits) / 1000).toFixed(2)} s`)
        .join(', ');
      console.log(
        `edit-stream kills: ${kills.edits} in ${seconds.toFixed(0)} s over ${STREAMS} streams (${(seconds / kills.edits).toFixed(2)} s a kill point; per kill in a stream: ${each}), ${JSON.stringify(figures)}`,
      );
      expect(kills.edits).toBe(EDIT_KILLS);
    },
    Math.ceil(EDIT_KILLS / STREAMS) * 60_000 + 60_000,
  ); // a bound for a stuck run, not a speed goal: at load 36 on 2 cores a kill point took 31 s a stream
});

describe(`crash safety while loading (seed ${SEED})`, () => {
  const GENERATED = 400;
  const seedsDir = generatedSeeds(GENERATED);

  it(
    'a kill during first-start seed loading leaves the corpus absent or complete, and the next start loads it fully',
    async () => {
      const outcomes: string[] = [];
      for (let round = 0; round < LOAD_KILLS; round++) {
        const profileDir = freshProfileDir();
        const deps = defaultDeps({ seedsDir });
        const calls: BridgeCall[] = [];
        const context = await startLoading(profileDir, deps, calls);
        // Kill once main has been asked for the corpus: while it reads, while the renderer stores, or just after.
        for (let i = 0; i < 300 && !calls.some((c) => c.name === 'loadSeedCorpus'); i++)
          await new Promise((r) => setTimeout(r, 50));
        const delay = rand.int(5000);
        await new Promise((r) => setTimeout(r, delay));
        await killHard(context, profileDir);
        kills.seedLoad++;
        const cut = await inspect(profileDir);
        // The look after the kill made the store anew: the browser dropped it there (the marker and the id it names
        // are written only after the id is committed to the database: renderer/backup/profile-start.ts).
        const madeAtLook = storeCreatedAtThisStart(profileDir);
        expect(cut.problems).toEqual([]);
        expect([0, GENERATED], `round ${round}: ${cut.documents} documents after the kill`).toContain(cut.documents);
        outcomes.push(
          `${cut.documents === 0 ? 'absent' : 'complete'} (killed ${delay} ms after the corpus was asked for)`,
        );
        const s = await openApp(profileDir, deps);
        if (await databaseLostShown(s.page)) {
          await answerBrowserDrop(s.page, {
            storeMadeAnew: madeAtLook || storeCreatedAtThisStart(profileDir),
            deletesBeforeKill: [], // what the killed start did is in `cut`, read after it
          });
          browserDrops.push(`seed loading, round ${round} (${cut.documents} documents after the kill)`);
        }
        const full = await checkIntegrity(s.page);
        expect(full.problems).toEqual([]);
        expect(full.documents).toBe(GENERATED);
        // Killed while the seeds were being indexed in the background: marked or indexed, and finished now.
        expect((await checkIndexes(s.page)).problems).toEqual([]);
        await s.page.evaluate(() =>
          (window as unknown as { workbenchAutomation: { indexed(): Promise<void> } }).workbenchAutomation.indexed(),
        );
        expect(await checkIndexes(s.page)).toEqual({ marked: 0, problems: [] });
        await s.context.close();
      }
      console.log(`seed-load kills: ${outcomes.join(', ')}`);
    },
    LOAD_KILLS * 90_000,
  );

  it(
    'a kill during an import keeps whole batches only, each with all its spans',
    async () => {
      const SIZE = 100;
      const batches = importBatches(8, SIZE);
      const outcomes: number[] = [];
      const markedAtRestart: number[] = [];
      for (let round = 0; round < LOAD_KILLS; round++) {
        const profileDir = freshProfileDir();
        const deps = defaultDeps(); // one main (marker, backups) per profile, as in the app
        const s = await openApp(profileDir, deps);
        const seeds = (await checkIntegrity(s.page)).documents;
        void s.page
          .evaluate(async (batches) => {
            const door = (
              window as unknown as { workbenchAutomation: { importDocuments(d: unknown): Promise<unknown> } }
            ).workbenchAutomation;
            for (const batch of batches) await door.importDocuments(batch);
          }, batches)
          .catch(() => undefined);
        await new Promise((r) => setTimeout(r, 100 + rand.int(2000)));
        const deletesBeforeKill = await deletesAsked(s.page);
        await killHard(s.context, profileDir);
        kills.import++;
        const after = await openApp(profileDir, deps);
        if (await databaseLostShown(after.page)) {
          await answerBrowserDrop(after.page, {
            storeMadeAnew: storeCreatedAtThisStart(profileDir),
            deletesBeforeKill,
          });
          browserDrops.push(`import, round ${round}`);
        }
        const report = await checkIntegrity(after.page);
        // The search terms and signatures: marked or written, never half; the indexer finishes what was left.
        const indexes = await checkIndexes(after.page);
        await after.page.evaluate(() =>
          (window as unknown as { workbenchAutomation: { indexed(): Promise<void> } }).workbenchAutomation.indexed(),
        );
        const indexed = await checkIndexes(after.page);
        await after.context.close();
        expect(report.problems).toEqual([]);
        expect(indexes.problems).toEqual([]);
        expect(indexed).toEqual({ marked: 0, problems: [] });
        markedAtRestart.push(indexes.marked);
        const imported = report.documents - seeds;
        expect(imported % SIZE, `round ${round}: ${imported} imported documents is not whole batches`).toBe(0);
        const importedSpans = Object.values(report.spanKeys).reduce((n, keys) => n + keys.length, 0);
        expect(importedSpans).toBe(imported * 2);
        outcomes.push(imported / SIZE);
      }
      console.log(
        `import kills: whole batches kept per round: ${outcomes.join(', ')} of ${batches.length}; documents left unindexed at the restart: ${markedAtRestart.join(', ')} (all indexed after)`,
      );
    },
    LOAD_KILLS * 90_000,
  );
});

describe('crash kill points', () => {
  it(`reached at least ${TARGET} (SEED_CRASH_POINTS), counted one by one`, () => {
    const total = totalKills(kills);
    const seconds = Math.round((Date.now() - suiteStarted) / 1000);
    const line = `crash suite: ${total} kill points of ${TARGET} (${kills.edits} in edit streams, ${kills.seedLoad} in seed loading, ${kills.import} in imports) in ${seconds} s, seed ${SEED}`;
    console.log(line);
    const drops = `crash suite: the browser emptied the database itself after ${browserDrops.length} kill points${browserDrops.length ? ` (${browserDrops.join('; ')}); each time its store was made anew at the start, the page had asked no deletion, and the app said so on screen and began again only when asked` : ''}`;
    console.log(drops);
    const out = path.join(PROJECT_ROOT, 'test-results');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      path.join(out, 'crash-figures.json'),
      `${JSON.stringify({ target: TARGET, total, ...kills, browserDrops, seconds, seed: SEED }, null, 2)}\n`,
    );
    expect(total, line).toBeGreaterThanOrEqual(TARGET);
    // Rare, and outside the app; more than one kill point in 50 would say something in the harness or app causes it.
    expect(browserDrops.length, drops).toBeLessThanOrEqual(Math.max(2, Math.floor(TARGET / 50)));
  });
});
