// The sync service against a real replication server (pouchdb-server in
// memory on 127.0.0.1): changes go up and come down in another profile, a
// conflict made on purpose is listed with CouchDB's winner and resolved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncService } from '../../../../main/services/sync/sync-service';
import { startCouchServer, type CouchServer } from '../../../support/couch-server';
import { enable, newService, serverDocs, SHA, spanRecord, waitFor } from './sync-helpers';

let server: CouchServer;
const services: SyncService[] = [];
const make = async () => {
  const s = await newService();
  services.push(s);
  return s;
};
const upToDate = (s: SyncService) => async () => {
  const st = await s.status();
  return st.state === 'up-to-date' && st.waiting === 0 && st;
};

beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => {
  for (const s of services) await s.close();
  await server.stop();
});

describe('sync service', { timeout: 60_000 }, () => {
  it('pushes to the server and pulls into a second profile', async () => {
    const a = await make();
    expect((await a.configure(enable(server.url, 'two'))).ok).toBe(true);
    const doc = { type: 'document' as const, sha256: SHA, name: 'a.txt', source: 'a.txt', text: 'Priti Patel said' };
    expect(await a.push([doc, spanRecord()], [])).toEqual({ written: 2 });
    expect(await a.push([doc, spanRecord()], [])).toEqual({ written: 0 }); // sent twice: nothing new
    await waitFor('a up to date', upToDate(a));
    const ids = (await serverDocs(server.url, 'two')).map((d) => d._id).sort();
    expect(ids).toEqual([`doc:${SHA}`, `span:${SHA}:ann:s1`]);

    const b = await make();
    await b.configure(enable(server.url, 'two'));
    const batch = await waitFor('b pulled both', async () => {
      const got = await b.pull(0);
      return got.changes.filter((c) => c.kind === 'record').length >= 2 && got;
    });
    const kinds = batch.changes.map((c) => (c.kind === 'record' ? c.record.type : c.kind));
    expect(kinds).toContain('document');
    expect(kinds).toContain('span');
    expect(batch.problems).toEqual([]);
  });

  it('reports a remote document of the wrong shape and never hands it on', async () => {
    await fetch(`${server.url}/shapes`, { method: 'PUT' });
    const a = await make();
    await a.configure(enable(server.url, 'shapes'));
    await fetch(`${server.url}/shapes/span:${SHA}:ann:bad`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'span', sha256: SHA, annotator: 'ann', spanId: 'bad', start: 'x' }),
    });
    await fetch(`${server.url}/shapes/span:${SHA}:bob:s9`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(spanRecord({ spanId: 's9', annotator: 'ann' })), // filed under bob, says ann
    });
    const batch = await waitFor('both problems', async () => {
      const got = await a.pull(0);
      return got.problems.length >= 2 && got;
    });
    expect(batch.changes).toEqual([]);
    expect(batch.problems.map((p) => p.id).sort()).toEqual([`span:${SHA}:ann:bad`, `span:${SHA}:bob:s9`]);
    expect(batch.problems[0].message).toMatch(/not a workbench record|belong under/);
    expect((await a.status()).problems.length).toBeGreaterThanOrEqual(2);
  });

  it('lists a conflict with the same winner on both machines, and the pick reaches both', async () => {
    const a = await make();
    const b = await make();
    await a.configure(enable(server.url, 'conflict'));
    await b.configure(enable(server.url, 'conflict'));
    await a.push([spanRecord()], []);
    await waitFor('b has the span', async () => (await b.pull(0)).changes.length > 0);
    // Both go offline, and the same annotator relabels the same span differently on each machine.
    await a.configure({ ...enable(server.url, 'conflict'), enabled: false });
    await b.configure({ ...enable(server.url, 'conflict'), enabled: false });
    await a.push([spanRecord({ label: 'country', updatedAt: 2 })], []);
    await b.push([spanRecord({ label: 'money', updatedAt: 3 })], []);
    await a.configure(enable(server.url, 'conflict'));
    await b.configure(enable(server.url, 'conflict'));
    const listed = await waitFor('a conflict on both', async () => {
      await a.settled();
      await b.settled();
      const [ca, cb] = [await a.conflicts(), await b.conflicts()];
      return ca.length === 1 && cb.length === 1 && [ca, cb];
    });
    const [ca, cb] = listed;
    expect(ca[0].winner.rev).toBe(cb[0].winner.rev); // CouchDB's deterministic winner
    const labels = [ca[0].winner, ...ca[0].losers].map((r) => (r.record?.type === 'span' ? r.record.label : '?'));
    expect(labels.sort()).toEqual(['country', 'money']);
    expect((await a.status()).conflicts).toBe(1);
    // The user keeps the losing revision.
    const loser = ca[0].losers[0];
    await a.resolve(ca[0].id, loser.rev);
    await waitFor('resolved on both', async () => {
      await b.settled();
      const doc = await b.pull(0);
      const span = doc.changes.find((c) => c.kind === 'record' && c.record.type === 'span');
      const label = span?.kind === 'record' && span.record.type === 'span' ? span.record.label : undefined;
      return (await b.conflicts()).length === 0 && label === (loser.record as { label: string }).label;
    });
    expect(await a.conflicts()).toEqual([]);
  });

  it('says offline in words while the server is gone, and catches up when it is back', async () => {
    const disk = await startCouchServer({ inMemory: false });
    try {
      const a = await make();
      await a.configure(enable(disk.url, 'offline'));
      await a.push([spanRecord({ spanId: 'o1' })], []);
      await waitFor('first push', upToDate(a));
      await disk.kill();
      await a.push([spanRecord({ spanId: 'o2' })], []);
      const offline = await waitFor('offline', async () => {
        const st = await a.status();
        return st.state === 'offline' && st;
      });
      expect(offline.message).toMatch(/cannot reach 127\.0\.0\.1:\d+\/offline/);
      expect(offline.waiting).toBeGreaterThanOrEqual(1);
      // Through PouchDB's retries (it pauses between them without an error) the change stays counted, and
      // nothing says up to date.
      for (let i = 0; i < 6; i++) {
        await new Promise((r) => setTimeout(r, 500));
        const st = await a.status();
        expect(st.state).toBe('offline');
        expect(st.waiting).toBeGreaterThanOrEqual(1);
      }
      await disk.restart();
      await waitFor('caught up', upToDate(a), 30_000);
      const ids = (await serverDocs(disk.url, 'offline')).map((d) => d._id).sort();
      expect(ids).toEqual([`span:${SHA}:ann:o1`, `span:${SHA}:ann:o2`]);
    } finally {
      await disk.stop();
    }
  });

  it('says up to date again when the server comes back and nothing was waiting', async () => {
    // PouchDB's retry that gets through with nothing to replicate pauses without saying `active`; the
    // state must not stay offline then (a server restarted while both sides were idle did that).
    const disk = await startCouchServer({ inMemory: false });
    try {
      const a = await make();
      await a.configure(enable(disk.url, 'back'));
      await a.push([spanRecord({ spanId: 'b1' })], []);
      await waitFor('first push', upToDate(a));
      await disk.kill();
      await waitFor('offline', async () => (await a.status()).state === 'offline');
      await disk.restart();
      await waitFor('up to date after the restart', upToDate(a), 15_000);
    } finally {
      await disk.stop();
    }
  });
});
