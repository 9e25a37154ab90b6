// One stream of crash-suite kill points on its own profile (tests/e2e/chromium/crash.test.ts runs
// several side by side): start the app, check the last kill against the model, run a short burst of
// real edits, kill every browser process; the model and the checks are in crash.ts and crash-edits.ts.
import { expect } from 'vitest';
import { defaultDeps, openApp, type AppSession } from './app-page';
import { answerBrowserDrop, databaseLostShown, deletesAsked, storeCreatedAtThisStart } from './browser-drop';
import { freshProfileDir } from './chromium';
import { killHard, prng, type KillPoints } from './crash';
import { apply, editStream, sameState, seedFiles, stateOf, type Op, type State } from './crash-edits';

/** What every stream shares: the seed, the counts it adds to, and the suite's start for its progress lines. */
export interface StreamSuite {
  seed: number;
  kills: KillPoints;
  /** Kill points after which the browser itself had emptied the database (browser-drop.ts proves it). */
  browserDrops: string[];
  /** Edit-stream kill points in the whole suite. */
  editKills: number;
  started: number;
}

interface Burst {
  ops: Op[];
  /** body.dataset.savedWrites just before the kill. */
  acked: number;
  /** The databases the page had asked to delete by then (none, in the app). */
  deletes: string[];
}

export type Figures = {
  issued: number;
  acknowledged: number;
  keptUnacknowledged: number;
  lostUnacknowledged: number;
  killedProcesses: number;
};
export type Phases = { start: number; check: number; edits: number; kill: number };

/**
 * One stream of kill points on its own profile: start the app, check the
 * last kill against the model (one IndexedDB read), run a short burst of
 * edits, kill; `count` times, then one last start checks the last kill.
 */
export async function killStream(
  suite: StreamSuite,
  stream: number,
  count: number,
  open: Set<AppSession>,
  figures: Figures,
  phases: Phases,
): Promise<void> {
  const rand = prng(suite.seed + stream); // its own sequence, so a replay is the same per stream whatever the interleaving
  const profileDir = freshProfileDir();
  const deps = defaultDeps();
  let base: State = new Map();
  let last: Burst | undefined; // the burst the last kill cut, checked at the next start
  let mark = Date.now();
  const lap = (phase: keyof Phases) => {
    const now = Date.now();
    phases[phase] += now - mark;
    mark = now;
  };
  for (let round = 0; ; round++) {
    const session = await openApp(profileDir, deps);
    open.add(session);
    lap('start');
    const where = `stream ${stream}, kill ${round}`;
    if (await databaseLostShown(session.page)) {
      // Emptied by the browser: the dialog is the app's answer; the stream goes on from the seeds, as it began.
      await answerBrowserDrop(session.page, {
        storeMadeAnew: storeCreatedAtThisStart(profileDir),
        deletesBeforeKill: last?.deletes ?? [],
      });
      suite.browserDrops.push(where);
      base = new Map();
      last = undefined;
    }
    const found = await stateOf(session.page);
    expect(found.problems, `${where}: integrity after the start`).toEqual([]);
    expect(found.documents).toBe(seedFiles.length);
    if (last) {
      const { ops, acked } = last;
      const prefixes = [base];
      for (const op of ops) prefixes.push(apply(prefixes[prefixes.length - 1], op));
      const kept = prefixes.findIndex((state, m) => m >= Math.min(acked, ops.length) && sameState(state, found.state));
      if (kept < 0)
        console.log(
          `${where} mismatch:\n ops ${JSON.stringify(ops)}\n expected ${JSON.stringify([...prefixes[prefixes.length - 1]])}\n found ${JSON.stringify([...found.state])}`,
        );
      expect(
        kept,
        `${where}: after ${ops.length} edits (${acked} acknowledged) the database matches no prefix`,
      ).toBeGreaterThanOrEqual(0);
      figures.issued += ops.length;
      figures.acknowledged += acked;
      figures.keptUnacknowledged += kept - acked;
      figures.lostUnacknowledged += ops.length - kept;
      base = found.state;
    } else {
      expect(sameState(found.state, base), `${where}: database differs from the state verified before`).toBe(true);
    }
    lap('check');
    if (round === count) {
      open.delete(session);
      return session.context.close();
    }
    // Short bursts: the kill lands after 1-3 edits, sometimes mid-write, sometimes after the last save.
    const ops = await editStream(session.page, 1 + rand.int(3), rand);
    await session.page.waitForTimeout(rand.int(4) * rand.int(25));
    const acked = Number(await session.page.evaluate(() => document.body.dataset.savedWrites ?? '0'));
    const deletes = await deletesAsked(session.page);
    lap('edits');
    figures.killedProcesses += await killHard(session.context, profileDir);
    open.delete(session);
    lap('kill');
    suite.kills.edits++;
    last = { ops, acked, deletes };
    if (suite.kills.edits % 25 === 0)
      console.log(
        `edit-stream kills: ${suite.kills.edits} of ${suite.editKills} in ${((Date.now() - suite.started) / 1000).toFixed(0)} s`,
      );
  }
}
