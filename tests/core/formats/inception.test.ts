import { describe, expect, it } from 'vitest';
import { readUimaXmi } from '../../../core/formats/uima-xmi';
import { readWebAnnoTsv } from '../../../core/formats/webanno-tsv';
import { peerText } from '../../support/peer-samples';

describe('INCEpTION / WebAnno TSV 3 and UIMA XMI', () => {
  it('reads the TSV sample: a stacked PERSON[1] over five tokens is one span', () => {
    const read = readWebAnnoTsv(peerText('inception/testMultiTokenSpanWithFeatureValue.tsv'));
    expect(read.problems).toEqual([]);
    expect(read.documents).toEqual([{ text: 'This is a test .', spans: [{ start: 0, end: 16, label: 'PERSON' }] }]);
  });

  it('reads the XMI of the same document to the same text and span', () => {
    const read = readUimaXmi(peerText('inception/testMultiTokenSpanWithFeatureValue.xmi'));
    expect(read.documents).toEqual([{ text: 'This is a test .', spans: [{ start: 0, end: 16, label: 'PERSON' }] }]);
    expect(read.problems.map((p) => p.message)).toEqual([
      'segmentation and morphology (DocumentMetaData, Sentence, Token) not imported as spans',
    ]);
  });

  it('rebuilds text across sentences, keeps UTF-16 offsets and stacked annotations apart', () => {
    const tsv = [
      '#FORMAT=WebAnno TSV 3.3',
      '#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value',
      '#T_RL=webanno.custom.Rel|label|BT_webanno.custom.Span',
      '',
      '',
      '#Text=😀 Ann',
      '1-1\t0-2\t😀\t_\t',
      '1-2\t3-6\tAnn\tPER[1]|X\t',
      '',
      '#Text=Bob Cy',
      '2-1\t8-11\tBob\tPER[2]\t',
      '2-2\t12-14\tCy\tPER[2]\t',
    ].join('\n');
    const read = readWebAnnoTsv(tsv);
    const [doc] = read.documents;
    expect(doc.text).toBe('😀 Ann\n Bob Cy');
    expect(doc.spans!.map((s) => `${doc.text.slice(s.start, s.end)}/${s.label}`)).toEqual([
      'Ann/PER',
      'Ann/X',
      'Bob Cy/PER',
    ]);
    expect(read.problems[0].message).toMatch(/relation or chain layers/);
  });
});
