// Rolling corpus snapshots: written atomically, pruned to the newest five,
// listed with their counts, read back with offsets and sources intact.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isBackupId } from '../../../core/backup-shapes';
import type { ExportRecord } from '../../../core/jsonl/records';
import { BackupService } from '../../../main/services/backup-service';
import {
  backupIdFor,
  listBackups,
  pruneBackups,
  readSnapshot,
  snapshotPath,
  timeOfBackupId,
} from '../../../main/services/backups';
import { sha256Hex } from '../../../main/services/document-factory';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'backups-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const TEXT = 'Home Secretary 🇮🇹 pledged £5 million.\r\nSecond line\twith tab ';
function record(id: string, text = TEXT): ExportRecord {
  const span = (needle: string, label: string, note?: string) => {
    const start = text.indexOf(needle);
    return { start, end: start + needle.length, label, text: needle, ...(note ? { note } : {}) };
  };
  return {
    id,
    name: `${id}.txt`,
    text,
    sha256: sha256Hex(text),
    source: `/corpus/${id}.txt`,
    status: 'in_progress',
    updatedAt: 1_700_000_000_000,
    spans: text === TEXT ? [span('Home Secretary', 'actor', 'the minister'), span('£5 million', 'money')] : [],
  };
}

/** A service whose clock advances one second a snapshot. */
function serviceAt(dir: string, start = Date.UTC(2025, 0, 31, 12)) {
  let now = start;
  return new BackupService(path.join(dir, 'backups'), 5, () => (now += 1000));
}

async function snapshot(service: BackupService, records: ExportRecord[][]) {
  const { session } = await service.begin();
  for (const batch of records) await service.write(session, batch);
  return service.end(session);
}

async function readAll(dir: string, id: string) {
  const docs = [];
  for await (const batch of readSnapshot(dir, id, 2)) {
    expect(batch.problems).toEqual([]);
    docs.push(...batch.documents);
  }
  return docs;
}

describe('backup ids', () => {
  it('are file-name-safe ISO times that round-trip to the time', () => {
    const time = Date.UTC(2025, 5, 1, 8, 9, 10, 11);
    const id = backupIdFor(time);
    expect(id).toBe('2025-06-01T08-09-10-011Z');
    expect(isBackupId(id)).toBe(true);
    expect(timeOfBackupId(id)).toBe(time);
  });

  it('refuse anything that could name another file', () => {
    for (const bad of ['../x', '2025-06-01T08-09-10-011Z/../../etc', '', 'snapshot-2025', '2025-06-01T08:09:10.011Z']) {
      expect(isBackupId(bad)).toBe(false);
      expect(() => snapshotPath('/tmp', bad)).toThrow(/not a backup id/);
    }
  });
});

describe('BackupService', () => {
  it('writes a snapshot and reads every document and span back, offsets and sources intact', async () => {
    const dir = freshDir();
    const service = serviceAt(dir);
    const records = [record('a'), record('b', 'Italy and France.'), record('c', 'x')];
    const info = await snapshot(service, [records.slice(0, 2), records.slice(2)]);
    expect(info).toMatchObject({ documents: 3, spans: 2 });
    const docs = await readAll(service.dir, info!.id);
    expect(docs.map((d) => [d.id, d.name, d.source, d.sha256, d.status])).toEqual(
      records.map((r) => [r.id, r.name, r.source, r.sha256, r.status]),
    );
    expect(docs[0].text).toBe(TEXT);
    for (const span of docs[0].spans!)
      expect(TEXT.slice(span.start, span.end)).toBe(records[0].spans.find((s) => s.label === span.label)!.text);
    expect(docs[0].spans!.find((s) => s.label === 'actor')?.note).toBe('the minister');
  });

  it('never shows a snapshot before it is complete, and leaves nothing of an aborted one', async () => {
    const dir = freshDir();
    const service = serviceAt(dir);
    const { session } = await service.begin();
    await service.write(session, [record('a')]);
    expect(await service.list()).toEqual([]); // only a temporary file so far
    expect(readdirSync(service.dir).every((n) => n.startsWith('.snapshot-') && n.endsWith('.tmp'))).toBe(true);
    await service.end(session, true);
    expect(readdirSync(service.dir)).toEqual([]);
  });

  it('a new snapshot replaces an abandoned one (a reload mid-backup) and refuses the old session', async () => {
    const service = serviceAt(freshDir());
    const first = await service.begin();
    await service.write(first.session, [record('a')]);
    const second = await service.begin();
    await expect(service.write(first.session, [record('b')])).rejects.toThrow(/no backup session/);
    await service.write(second.session, [record('b')]);
    await service.end(second.session);
    expect(readdirSync(service.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await service.list()).map((b) => b.documents)).toEqual([1]);
  });

  it('keeps the newest five, lists them newest first with their counts and sizes', async () => {
    const service = serviceAt(freshDir());
    const made = [];
    for (let i = 0; i < 8; i++)
      made.push(await snapshot(service, [Array.from({ length: i + 1 }, (_, k) => record(`d${k}`, `text ${k}`))]));
    const listed = await service.list();
    expect(listed.map((b) => b.id)).toEqual(
      made
        .slice(3)
        .reverse()
        .map((b) => b!.id),
    );
    expect(listed.map((b) => b.documents)).toEqual([8, 7, 6, 5, 4]);
    for (const b of listed) expect(b.bytes).toBe(readFileSync(snapshotPath(service.dir, b.id)).length);
    expect(readdirSync(service.dir).length).toBe(10); // five snapshots and their counts
  });

  it('spares the one older snapshot that holds more than all the newest, until a newer one holds as much', async () => {
    const service = serviceAt(freshDir());
    const withSpans = (n: number) => Array.from({ length: n }, (_, k) => record(`d${k}`)); // two spans each
    const small = (k: number) => [record(`s${k}`, `seed text ${k}`)]; // no spans
    const big = await snapshot(service, [withSpans(1).map((r, k) => ({ ...r, text: `${TEXT}${k}` }))]);
    const seedsOnly = [];
    for (let i = 0; i < 7; i++) seedsOnly.push(await snapshot(service, [small(i)]));
    // The database was found empty and begun again with the seeds: seven snapshots of it, the big one kept.
    expect((await service.list()).map((b) => b.id)).toEqual([
      ...seedsOnly
        .slice(2)
        .reverse()
        .map((b) => b!.id),
      big!.id,
    ]);
    // Once a newer snapshot holds as much (the big one restored), the old one rotates out as usual.
    const restored = await snapshot(service, [withSpans(1).map((r, k) => ({ ...r, text: `${TEXT}${k}` }))]);
    expect((await service.list()).map((b) => b.id)).toEqual([
      restored!.id,
      ...seedsOnly
        .slice(3)
        .reverse()
        .map((b) => b!.id),
    ]);
  });

  it('counts a snapshot whose counts file is missing (crash just after the rename)', async () => {
    const service = serviceAt(freshDir());
    const info = await snapshot(service, [[record('a'), record('b', 'other')]]);
    rmSync(path.join(service.dir, `snapshot-${info!.id}.meta.json`));
    expect(await listBackups(service.dir)).toEqual([{ ...info }]);
  });

  it('pruning removes temporary files a crash left behind', async () => {
    const service = serviceAt(freshDir());
    await snapshot(service, [[record('a')]]);
    writeFileSync(path.join(service.dir, '.snapshot-2025-01-01T00-00-00-000Z.jsonl.123.abcd.tmp'), '{"text":"half');
    await pruneBackups(service.dir);
    expect(readdirSync(service.dir).some((n) => n.endsWith('.tmp'))).toBe(false);
    expect(await service.list()).toHaveLength(1);
  });

  it('reads a snapshot back through sessions, batch by batch, and refuses unknown ids and sessions', async () => {
    const service = serviceAt(freshDir());
    const info = await snapshot(service, [Array.from({ length: 450 }, (_, k) => record(`d${k}`, `text ${k}`))]);
    const { session } = await service.open(info!.id);
    let documents = 0;
    let calls = 0;
    for (;;) {
      const batch = await service.next(session);
      calls++;
      documents += batch.documents.length;
      if (batch.done) break;
    }
    expect(documents).toBe(450);
    expect(calls).toBe(4); // 200 + 200 + 50, then done
    await expect(service.next(session)).rejects.toThrow(/no backup read session/);
    await expect(service.open('2020-01-01T00-00-00-000Z')).rejects.toThrow(/no backup/);
    await expect(service.open('../../etc/passwd')).rejects.toThrow(/not a backup id/);
  });

  it('refuses a span the writer cannot vouch for, and leaves no snapshot', async () => {
    const service = serviceAt(freshDir());
    const { session } = await service.begin();
    const bad = { ...record('a'), spans: [{ start: 0, end: 4, label: 'actor', text: 'Nope' }] };
    await expect(service.write(session, [bad])).rejects.toThrow(/does not match/);
    expect(await service.list()).toEqual([]);
    expect(readdirSync(service.dir)).toEqual([]);
  });
});
