// Shared by the sync service tests: a fake SecretBox, a span record, waiting
// for a condition, and reading what the server holds.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SpanSyncRecord } from '../../../../core/sync/couch-records';
import { SyncService, type SyncServiceDeps } from '../../../../main/services/sync/sync-service';
import { fakeSecrets } from '../../../support/fake-secrets';

export { fakeSecrets };

export const SHA = 'a'.repeat(64);

export function spanRecord(over: Partial<SpanSyncRecord> = {}): SpanSyncRecord {
  return {
    type: 'span',
    sha256: SHA,
    annotator: 'ann',
    spanId: 's1',
    start: 0,
    end: 5,
    label: 'actor',
    text: 'Priti',
    note: '',
    createdAt: 1,
    updatedAt: 1,
    ...over,
  };
}

export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function newService(over: Partial<SyncServiceDeps> = {}): Promise<SyncService> {
  const dir = await mkdtemp(path.join(tmpdir(), 'seed-sync-'));
  return new SyncService({ dir, secrets: fakeSecrets, maxBackOff: 300, ...over });
}

/** The documents of `db` on the server; none while replication has not yet made the database there. */
export async function serverDocs(url: string, db: string): Promise<Array<Record<string, unknown>>> {
  const res = await fetch(`${url}/${db}/_all_docs?include_docs=true`);
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`${db} on the server: HTTP ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { rows: Array<{ doc: Record<string, unknown> }> };
  return body.rows.map((r) => r.doc).filter((d) => !String(d._id).startsWith('_design'));
}

export const enable = (url: string, database = 'corpus') => ({
  url,
  database,
  username: '',
  enabled: true,
});

/** Every span record the profile's replica holds, by span id: [label, how many times it came]. */
export async function pulledSpans(s: SyncService): Promise<Map<string, { label: string; times: number }>> {
  const out = new Map<string, { label: string; times: number }>();
  let since: number | string = 0;
  for (;;) {
    const batch = await s.pull(since);
    for (const c of batch.changes) {
      if (c.kind !== 'record' || c.record.type !== 'span') continue;
      const was = out.get(c.record.spanId);
      out.set(c.record.spanId, { label: c.record.label, times: (was?.times ?? 0) + 1 });
    }
    if (batch.done || batch.changes.length === 0) return out;
    since = batch.last;
  }
}

/** Waits until a profile's sync says up to date with nothing waiting (both kill tests end this way). */
export async function waitUpToDate(
  what: string,
  status: () => Promise<{ state: string; waiting: number }>,
): Promise<void> {
  let last: unknown;
  try {
    await waitFor(
      what,
      async () => {
        const st = await status();
        last = st;
        return st.state === 'up-to-date' && st.waiting === 0;
      },
      90_000,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; its last status: ${JSON.stringify(last)}`, { cause: error });
  }
}
