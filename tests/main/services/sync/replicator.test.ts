// The replication catches up before it syncs live: a profile that starts
// syncing with a server of 1,200 records never asks the server about the
// records it pulled from it (the push side's revs_diff names only what this
// profile wrote), and what it wrote before and during the catch-up reaches
// the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pouchFetch } from '../../../../main/services/sync/pouch';
import type { SyncService } from '../../../../main/services/sync/sync-service';
import { startCouchServer, type CouchServer } from '../../../support/couch-server';
import { enable, newService, serverDocs, SHA, spanRecord, waitFor } from './sync-helpers';

let server: CouchServer;
const services: SyncService[] = [];

beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => {
  for (const s of services) await s.close();
  await server.stop();
});

const SERVER_SPANS = 1_200; // more than two pull batches of 500
const PUSHED_SPANS = 3_000;

/** The server's documents; none while the database is still being made. */
const onServer = () => serverDocs(server.url, 'catch-up').catch(() => []);

describe('replicator', { timeout: 60_000 }, () => {
  it('does not send back what it pulled, and sends what was written before and during the catch-up', async () => {
    const a = await newService();
    services.push(a);
    await a.configure(enable(server.url, 'catch-up'));
    const spans = Array.from({ length: SERVER_SPANS }, (_, i) => spanRecord({ spanId: `a${i}`, annotator: 'a' }));
    await a.push(spans, []);
    await waitFor('the server has a’s spans', async () => (await onServer()).length >= SERVER_SPANS);

    const askedAbout: string[] = [];
    const b = await newService({
      fetch: (url, opts) => {
        if (new URL(url).pathname.endsWith('/_revs_diff'))
          askedAbout.push(...Object.keys(JSON.parse(String(opts?.body)) as Record<string, unknown>));
        return pouchFetch(url, opts);
      },
    });
    services.push(b);
    await b.push([spanRecord({ spanId: 'b-before', annotator: 'b' })], []); // made before sync is turned on
    await b.configure(enable(server.url, 'catch-up'));
    await b.push([spanRecord({ spanId: 'b-during', annotator: 'b' })], []); // made while it catches up
    const spansOf = async () =>
      (await b.pull(0, 5_000)).changes.filter((c) => c.kind === 'record' && c.record.type === 'span').length;
    await waitFor('b has every span', async () => (await spansOf()) === SERVER_SPANS + 2);
    await waitFor('b’s two spans on the server', async () => {
      const ids = new Set((await onServer()).map((d) => d._id));
      return ids.has(`span:${SHA}:b:b-before`) && ids.has(`span:${SHA}:b:b-during`);
    });
    await b.push([spanRecord({ spanId: 'b-after', annotator: 'b' })], []); // and once it syncs live
    await waitFor('b’s span made later on the server', async () =>
      (await onServer()).some((d) => d._id === `span:${SHA}:b:b-after`),
    );

    expect(new Set(askedAbout)).toEqual(
      new Set([`span:${SHA}:b:b-before`, `span:${SHA}:b:b-during`, `span:${SHA}:b:b-after`]),
    );
  });

  it('asks the server about each record it pushes once, also when the records are written as sync starts', async () => {
    const asked = new Map<string, number>();
    const c = await newService({
      fetch: (url, opts) => {
        if (new URL(url).pathname.endsWith('/_revs_diff'))
          for (const id of Object.keys(JSON.parse(String(opts?.body)) as Record<string, unknown>))
            asked.set(id, (asked.get(id) ?? 0) + 1);
        return pouchFetch(url, opts);
      },
    });
    services.push(c);
    await c.configure(enable(server.url, 'pushed-once'));
    // Written in small batches while the catch-up runs (the first push keeps reading what arrives meanwhile).
    const spans = Array.from({ length: PUSHED_SPANS }, (_, i) => spanRecord({ spanId: `c${i}`, annotator: 'c' }));
    for (let i = 0; i < spans.length; i += 50) await c.push(spans.slice(i, i + 50), []);
    await waitFor(
      'the server has c’s spans',
      async () =>
        (await serverDocs(server.url, 'pushed-once').catch(() => [])).filter((d) => String(d._id).includes(':c:c'))
          .length === PUSHED_SPANS,
    );
    expect(asked.size).toBe(PUSHED_SPANS);
    expect(Math.max(...asked.values())).toBe(1);
  });
});
