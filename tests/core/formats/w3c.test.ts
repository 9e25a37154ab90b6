import { describe, expect, it } from 'vitest';
import { readW3c, writeW3c } from '../../../core/formats/w3c';
import { peerText, pythonSlices } from '../../support/peer-samples';

/** The page text RecogitoJS annotates: the #content element's text, tags dropped. */
function recogitoText(): string {
  const html = peerText('w3c/recogito_index.html');
  const content = html.slice(html.indexOf('<div id="content"'), html.indexOf('<script'));
  return content.replace(/<[^>]+>/g, '');
}

describe('W3C Web Annotation', () => {
  it('anchors RecogitoJS annotations on their quotes: tags become labels, comments notes, the link a relation', () => {
    const read = readW3c(JSON.parse(peerText('w3c/recogito_annotations.w3c.json')), recogitoText());
    const [doc] = read.documents;
    expect(doc.spans!.map((s) => `${doc.text.slice(s.start, s.end)}/${s.label}/${s.note}`)).toEqual([
      'Troy/A Tag/This is a comment',
      'Troy/Another Tag/This is a comment',
      'death in battle/annotation/Another comment',
      'Ithaca/annotation/Comment...',
    ]);
    expect(doc.relations).toEqual([{ head: 0, child: 2, label: 'isRelatedTo' }]);
    expect(read.problems.map((p) => p.message)).toEqual([
      '2 annotations without a tag imported with the label "annotation"',
    ]);
  });

  it('uses prefix/suffix and the position hint to choose among repeated quotes', () => {
    const text = 'a cat, a cat, a cat';
    const anno = (start: number, extra = {}) => ({
      type: 'Annotation',
      body: [{ purpose: 'tagging', value: 'X' }],
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact: 'cat', ...extra },
          { type: 'TextPositionSelector', start, end: start + 3 },
        ],
      },
    });
    const read = readW3c([anno(9), anno(0, { prefix: 'a cat, a ' })], text);
    expect(read.documents[0].spans!.map((s) => s.start)).toEqual([9, 9]);
    expect(readW3c([anno(0, { exact: 'dog' })], text).problems[0].message).toMatch(/quote "dog" is not in the text/);
  });

  it('writes JSON-LD with both selectors in code points and reads it back', () => {
    const text = '😀 Zoë met 𠀀 Bob';
    const doc = {
      id: 'd',
      text,
      spans: [
        { start: 3, end: 6, label: 'PER', note: 'hi' },
        { start: 14, end: 17, label: 'PER' },
      ],
      relations: [{ head: 0, child: 1, label: 'knows' }],
    };
    const json = JSON.parse(writeW3c(doc, 'd.txt')) as Array<{
      target: { selector?: Array<{ type: string; start?: number; end?: number; exact?: string }> };
    }>;
    const spans = json.filter((a) => a.target.selector);
    const pos = spans.map((a) => a.target.selector!.find((s) => s.type === 'TextPositionSelector')!);
    const exact = spans.map((a) => a.target.selector!.find((s) => s.type === 'TextQuoteSelector')!.exact);
    expect(pythonSlices(pos.map((p) => [text, p.start!, p.end!]))).toEqual(exact);
    const back = readW3c(json, text).documents[0];
    expect(back.spans).toEqual([
      { start: 3, end: 6, label: 'PER', note: 'hi' },
      { start: 14, end: 17, label: 'PER' },
    ]);
    expect(back.relations).toEqual(doc.relations);
  });
});
