// The app's export into other tools' formats: the records the renderer
// streams are converted at the end by the writers `corpus convert` uses, so
// the files are the same; an abort leaves nothing at the target and no
// temporary folder behind.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRecord } from '../../../core/jsonl';
import { openConvertedExport } from '../../../main/services/converted-export';
import { hardRecords, recordOf } from '../../core/jsonl/samples';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(path.join(tmpdir(), 'converted-export-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

const seedExports = async () => (await readdir(tmpdir())).filter((n) => n.startsWith('seed-export-')).sort();

/** Two documents, one with an emoji before a relation between two spans. */
function records(): ExportRecord[] {
  const text = 'Zoë 👋 met Bob in Rome.';
  // Records carry UTF-16 offsets, as the app stores them; the files count code points.
  const span = (needle: string, label: string) => ({
    start: text.indexOf(needle),
    end: text.indexOf(needle) + needle.length,
    label,
    text: needle,
  });
  return [
    {
      ...recordOf('meeting', text, [span('Zoë', 'PER'), span('Bob', 'PER'), span('Rome', 'LOC')]),
      relations: [{ head: 0, child: 1, label: 'knows' }],
    },
    ...hardRecords().slice(0, 1),
  ];
}

describe('openConvertedExport', () => {
  it('writes brat: a .txt and an .ann a document, spans and the relation by code points', async () => {
    const before = await seedExports();
    const target = path.join(dir, 'brat-out');
    const out = await openConvertedExport(target, 'brat');
    await out.write(records());
    const done = await out.finish();
    expect(done).toMatchObject({ path: target, documents: 2, files: 4 });
    const files = (await readdir(target)).sort();
    expect(files).toContain('meeting.ann');
    const ann = await readFile(path.join(target, 'meeting.ann'), 'utf8');
    expect(ann).toContain('T1\tPER 0 3\tZoë');
    expect(ann).toContain('T3\tLOC 17 21\tRome');
    expect(ann).toMatch(/R1\tknows Arg1:T1 Arg2:T2/);
    expect(await seedExports()).toEqual(before); // its temporary folder is gone
  });

  it('writes Label Studio tasks and the label config beside them', async () => {
    const target = path.join(dir, 'tasks.json');
    const out = await openConvertedExport(target, 'labelstudio');
    await out.write(records());
    const done = await out.finish();
    expect(done.files).toBe(2);
    const tasks = JSON.parse(await readFile(target, 'utf8'));
    const result = tasks[0].annotations[0].result;
    expect(
      result
        .filter((r: { type: string }) => r.type === 'labels')
        .map((r: { value: { start: number } }) => r.value.start),
    ).toEqual([0, 10, 17]);
    expect(result.find((r: { type: string }) => r.type === 'relation')).toMatchObject({ labels: ['knows'] });
    expect(await readFile(path.join(dir, 'tasks.label-config.xml'), 'utf8')).toContain('<Label value="LOC"');
  });

  it('says what a format cannot hold instead of dropping it silently (CoNLL: overlapping spans)', async () => {
    const target = path.join(dir, 'out.conll');
    const out = await openConvertedExport(target, 'conll');
    const [first] = records();
    await out.write([{ ...first, spans: [...first.spans, { start: 0, end: 6, label: 'X', text: 'Zoë 👋' }] }]);
    const done = await out.finish();
    expect(done.problems?.join('\n')).toMatch(/overlaps an earlier span/);
    expect(await readFile(target, 'utf8')).toMatch(/^Rome B-LOC$/m);
  });

  it('leaves nothing at the target and no temporary folder after an abort', async () => {
    const before = await seedExports();
    const target = path.join(dir, 'aborted');
    const out = await openConvertedExport(target, 'w3c');
    await out.write(records());
    await out.abort();
    expect(existsSync(target)).toBe(false);
    expect(await seedExports()).toEqual(before);
  });
});
