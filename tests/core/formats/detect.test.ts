import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../core/formats/detect';
import { readJsonValue } from '../../../core/formats/json-document';
import { peerText } from '../../support/peer-samples';

describe('detectFormat', () => {
  it.each([
    ['brat/110-note_annotation.ann', 'brat'],
    ['brat/110-note_annotation.txt', 'text'],
    ['conll/ner-token-per-line-conll2003.iob', 'conll'],
    ['conll/ner-token-per-line.iob', 'conll'],
    ['doccano/example.conll', 'conll'],
    ['doccano/relation_extraction_example.jsonl', 'jsonl'],
    ['doccano/textcat_example.jsonl', 'jsonl'],
    ['inception/testMultiTokenSpanWithFeatureValue.tsv', 'webanno-tsv'],
    ['inception/testMultiTokenSpanWithFeatureValue.xmi', 'xmi'],
    ['labelstudio/named_entity_tasks.json', 'json'],
    ['prodigy/news_headlines_ner.lines1-20.jsonl', 'jsonl'],
    ['w3c/recogito_annotations.w3c.json', 'json'],
  ])('reads %s as %s, by content', (file, format) => {
    expect(detectFormat(file, peerText(file))).toBe(format);
    // The same bytes under a name that says nothing.
    if (format !== 'text') expect(detectFormat('upload.bin', peerText(file))).toBe(format);
  });

  it('leaves an unknown file alone', () => expect(detectFormat('photo.png', '\x89PNG')).toBeUndefined());
});

describe('JSON documents', () => {
  it('says what a JSON array it cannot read is', () => {
    expect(readJsonValue([1, 2]).problems[0].message).toMatch(/^this is a JSON array, not JSON Lines/);
  });
  it('reads an array of records element by element, naming elements', () => {
    const read = readJsonValue([{ text: 'ab', label: [[0, 1, 'A']] }, { nope: 1 }]);
    expect(read.documents).toEqual([{ text: 'ab', spans: [{ start: 0, end: 1, label: 'A' }] }]);
    expect(read.problems.map((p) => p.message)).toEqual([
      'a JSON array, not JSON Lines: read element by element (problems name the element)',
      'element 2: missing "text"',
    ]);
  });
  it('reads one pretty-printed record', () => {
    const read = readJsonValue({ text: 'ab', spans: [] });
    expect([read.documents.length, read.problems[0].message]).toEqual([
      1,
      'pretty-printed JSON, not JSON Lines: read as one record',
    ]);
  });
});
