// The renderer's sync agent against a fake bridge (fake-indexeddb for the
// profile): a pull of several batches asks for the next batch while applying
// the current one, stores the pulled mark with each batch, and tells the
// screen once for a quick run of batches; a batch main fails to give ends the
// round with the failure in words, and the next round goes on from the mark.
import { describe, expect, it } from 'vitest';
import type { WorkbenchBridge } from '../../../core/bridge';
import type { SyncRecord } from '../../../core/sync/couch-records';
import type { SyncPullBatch, SyncStatus } from '../../../core/sync/sync-shapes';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import type { ApplyResult } from '../../../renderer/db/sync-apply';
import { pulledSeq } from '../../../renderer/db/sync-state';
import { SyncAgent, type AgentView } from '../../../renderer/sync/agent';

const SHA = 'd'.repeat(64);
const TEXT = 'Priti Patel met Italy and France in Rome.';
const span = (spanId: string, word: string): SyncRecord => ({
  type: 'span',
  sha256: SHA,
  annotator: 'other',
  spanId,
  start: TEXT.indexOf(word),
  end: TEXT.indexOf(word) + word.length,
  label: 'country',
  text: word,
  note: '',
  createdAt: 1,
  updatedAt: 1,
});
const doc: SyncRecord = { type: 'document', sha256: SHA, name: 'a.txt', source: 'a.txt', text: TEXT };
const change = (record: SyncRecord, i: number) => ({ kind: 'record' as const, id: `c${i}`, record });
/** Main's feed: from each mark, the next batch. */
const FEED: Record<number, SyncPullBatch> = {
  0: { changes: [change(doc, 0), change(span('s1', 'Italy'), 1)], problems: [], last: 1, done: false },
  1: { changes: [change(span('s2', 'France'), 2)], problems: [], last: 2, done: false },
  2: { changes: [change(span('s3', 'Rome'), 3)], problems: [], last: 3, done: true },
  3: { changes: [], problems: [], last: 3, done: true },
};
const STATUS: SyncStatus = { state: 'up-to-date', waiting: 0, conflicts: 0, problems: [] };

function fakeBridge(failOnce?: number): { bridge: WorkbenchBridge; asked: number[] } {
  const asked: number[] = [];
  let failed = false;
  const bridge = {
    syncStatus: async () => STATUS,
    syncPush: async () => ({ written: 0 }),
    syncPull: async ({ since }: { since: number }) => {
      asked.push(since);
      if (since === failOnce && !failed) {
        failed = true;
        throw new Error('main could not read its replica');
      }
      return FEED[since];
    },
  } as unknown as WorkbenchBridge;
  return { bridge, asked };
}

let n = 0;
function agentOn(bridge: WorkbenchBridge) {
  const db = openWorkbenchDb(`test-sync-agent-${n++}`);
  const reports: ApplyResult[] = [];
  const views: AgentView[] = [];
  /** The background holds taken and released, in order, with the spans stored at that moment. */
  const holds: Array<{ at: 'hold' | 'release'; spans: Promise<number> }> = [];
  const agent = new SyncAgent(
    db,
    bridge,
    {
      applied: (r) => reports.push(r),
      view: (v) => views.push(v),
      holdBackground: () => {
        holds.push({ at: 'hold', spans: db.spans.count() });
        return () => holds.push({ at: 'release', spans: db.spans.count() });
      },
    },
    3_600_000,
  );
  return { db, agent, reports, views, holds };
}

describe('SyncAgent pull', () => {
  it('asks for the next batch while applying one, keeps the mark, and tells the screen once', async () => {
    const { bridge, asked } = fakeBridge();
    const { db, agent, reports, views } = agentOn(bridge);
    agent.poke();
    await agent.idle();
    expect(asked).toEqual([0, 1, 2]);
    expect(await pulledSeq(db)).toBe(3);
    expect((await db.spans.orderBy('id').toArray()).map((s) => s.text)).toEqual(['Italy', 'France', 'Rome']);
    expect(reports).toHaveLength(1); // three batches in well under the report interval: one redraw
    expect(reports[0].documentsAdded).toBe(1);
    expect(reports[0].touched.size).toBe(1);
    expect(views.at(-1)?.failure).toBeUndefined();
    agent.stop();
    db.close();
  });

  it('holds the background work (indexer, backups) while it stores a pull, once, and lets go after', async () => {
    const { bridge } = fakeBridge();
    const { db, agent, holds } = agentOn(bridge);
    agent.poke();
    await agent.idle();
    expect(holds.map((h) => h.at)).toEqual(['hold', 'release']);
    expect(await holds[0].spans).toBe(0);
    expect(await holds[1].spans).toBe(3);
    agent.poke(); // nothing new: no hold
    await agent.idle();
    expect(holds).toHaveLength(2);
    agent.stop();
    db.close();
  });

  it('a batch main fails to give ends the round in words; the next round goes on from the mark', async () => {
    const { bridge, asked } = fakeBridge(2);
    const { db, agent, views } = agentOn(bridge);
    agent.poke();
    await agent.idle();
    expect(views.at(-1)?.failure).toBe('main could not read its replica');
    expect(await pulledSeq(db)).toBe(2); // the two batches before it are kept
    agent.poke();
    await agent.idle();
    expect(asked).toEqual([0, 1, 2, 2]);
    expect(await pulledSeq(db)).toBe(3);
    expect(await db.spans.count()).toBe(3);
    expect(views.at(-1)?.failure).toBeUndefined();
    agent.stop();
    db.close();
  });
});
