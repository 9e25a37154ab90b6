// The app's agreement input equals what `corpus agree` reads from the same
// layers: spans in code points, documents keyed by sha256, one layer per person.
import { describe, expect, it } from 'vitest';
import { DocumentPairing, measureAgreement } from '../../../core/agreement';
import { agreementInputOf, annotatorsIn } from '../../../core/teams/agreement-input';
import { CURATION } from '../../../core/teams/layers';

const TEXT = '😀 Ann met Bob in 🇫🇷 Paris.';
const cp = (needle: string) => {
  const i = TEXT.indexOf(needle);
  return { start: [...TEXT.slice(0, i)].length, end: [...TEXT.slice(0, i)].length + [...needle].length };
};
const u16 = (needle: string) => ({ start: TEXT.indexOf(needle), end: TEXT.indexOf(needle) + needle.length });

describe('the stored corpus as core/agreement input', () => {
  const docs = [
    {
      id: 'd1',
      sha256: 'sha1',
      name: 'one',
      text: TEXT,
      spans: [
        { ...u16('Paris'), label: 'country' }, // mine (no annotator)
        { ...u16('Paris'), label: 'country', annotator: 'bob' },
        { ...u16('Bob'), label: 'actor', annotator: 'bob' },
        { ...u16('Bob'), label: 'actor', annotator: CURATION },
        { ...u16('Ann'), label: 'actor', annotator: 'bob', projected: true },
      ],
    },
    {
      id: 'd2',
      sha256: 'sha2',
      name: 'two',
      text: 'Only bob here.',
      spans: [{ start: 0, end: 4, label: 'x', annotator: 'bob' }],
    },
  ];

  it('has one layer per person who made a span, never the adjudicated layer or a projected span', () => {
    expect(annotatorsIn(docs, 'ann')).toEqual(['ann', 'bob']);
    expect(annotatorsIn([docs[1]], 'ann')).toEqual(['bob']);
  });

  it('gives the figures the command line’s pairing gives for the same layers (code points)', () => {
    const input = agreementInputOf(docs, 'ann');
    expect(input.documents[0].layers).toEqual([
      [{ ...cp('Paris'), label: 'country' }],
      [
        { ...cp('Paris'), label: 'country' },
        { ...cp('Bob'), label: 'actor' },
      ],
    ]);
    expect(input.documents[1].layers[0]).toBeUndefined(); // ann never touched it
    const pairing = new DocumentPairing();
    pairing.add('ann', { key: 'sha1', name: 'one', text: TEXT, spans: [{ ...cp('Paris'), label: 'country' }] });
    pairing.add('bob', {
      key: 'sha1',
      name: 'one',
      text: TEXT,
      spans: [
        { ...cp('Paris'), label: 'country' },
        { ...cp('Bob'), label: 'actor' },
      ],
    });
    pairing.add('bob', { key: 'sha2', name: 'two', text: 'Only bob here.', spans: [{ start: 0, end: 4, label: 'x' }] });
    expect(JSON.stringify(measureAgreement(input).pairs)).toBe(JSON.stringify(measureAgreement(pairing.input()).pairs));
    expect(measureAgreement(input).pairs[0].exactF1.overall).toBeCloseTo(2 / 3, 10);
  });
});
