// Reading other tools' files through main/services: by content, with companions on disk or dropped together.
import { describe, expect, it } from 'vitest';
import { readImportBytes, readImportPaths } from '../../../main/services/import-paths';
import { peerBytes, peerPath } from '../../support/peer-samples';

describe('reading formats by content', () => {
  it('reads a brat .ann with its .txt from disk, the .txt once', async () => {
    const docs = [];
    for await (const batch of readImportPaths([
      peerPath('brat/110-note_annotation.ann'),
      peerPath('brat/110-note_annotation.txt'),
    ]))
      docs.push(...batch.documents);
    expect(docs.map((d) => [d.name, d.spans?.length, d.relations?.length])).toEqual([
      ['110-note_annotation.txt', 14, 2],
    ]);
  });

  it('reads a dropped brat .ann with the .txt dropped beside it, and says what is missing without it', () => {
    const ann = peerBytes('brat/110-note_annotation.ann');
    const txt = peerBytes('brat/110-note_annotation.txt');
    const load = readImportBytes('110-note_annotation.ann', ann, undefined, {
      name: '110-note_annotation.txt',
      bytes: txt,
    });
    expect(load.documents[0].spans).toHaveLength(14);
    const alone = readImportBytes('110-note_annotation.ann', ann);
    expect(alone.problems.map((p) => p.message)).toEqual([
      'a brat .ann needs its text: 110-note_annotation.txt was not found beside it (import both, or their folder)',
    ]);
  });

  it('reads Label Studio JSON under any name, and refuses a JSON array it does not know with a line', () => {
    expect(
      readImportBytes('export.bin', peerBytes('labelstudio/named_entity_tasks.json')).documents[0].suggestions,
    ).toHaveLength(1);
    const load = readImportBytes('x.json', new TextEncoder().encode('[\n  1,\n  2\n]\n'));
    expect(load.problems).toEqual([
      {
        file: 'x.json',
        line: 1,
        message: expect.stringMatching(/^this is a JSON array, not JSON Lines/),
        severity: 'error',
      },
    ]);
    const broken = readImportBytes('y.json', new TextEncoder().encode('[\n  {"text": "a"},\n  {"text": }\n]\n'));
    expect(broken.problems[0]).toMatchObject({ line: 3, severity: 'error' });
  });
});
