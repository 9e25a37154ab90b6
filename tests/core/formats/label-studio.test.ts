import { describe, expect, it } from 'vitest';
import { labelStudioConfig, readLabelStudio, writeLabelStudio } from '../../../core/formats/label-studio';
import { peerText, pythonSlices } from '../../support/peer-samples';

const quotes = (d: { text: string; spans?: Array<{ start: number; end: number; label: string }> }) =>
  (d.spans ?? []).map((s) => `${d.text.slice(s.start, s.end)}/${s.label}`);

describe('Label Studio JSON', () => {
  it('reads the real sample: predictions become suggestions', () => {
    const read = readLabelStudio(JSON.parse(peerText('labelstudio/named_entity_tasks.json')) as unknown[]);
    expect(read.problems).toEqual([]);
    const [doc] = read.documents;
    expect(doc.spans).toEqual([]);
    expect(doc.suggestions).toEqual([{ start: 343, end: 354, label: 'Date', source: 'model 1' }]);
    expect(doc.text.slice(343, 354)).toBe('February 22');
  });

  it('reads annotations, notes, relations and choices; skips cancelled ones with a count; multi-line and UTF-16 regions', () => {
    const text = 'Ann met\nBob 😀 Cy';
    const task = {
      id: 5,
      data: { text },
      annotations: [
        {
          completed_by: { id: 3, email: 'a@x.org' },
          result: [
            {
              id: 'r1',
              from_name: 'label',
              to_name: 'text',
              type: 'labels',
              value: { start: 0, end: 11, text: 'Ann met\nBob', labels: ['PER'] },
            },
            {
              id: 'r2',
              from_name: 'label',
              to_name: 'text',
              type: 'labels',
              value: { start: 14, end: 16, text: 'Cy', labels: ['PER'] },
            },
            {
              id: 'r1',
              from_name: 'note',
              to_name: 'text',
              type: 'textarea',
              value: { start: 0, end: 11, text: ['two lines'] },
            },
            { from_id: 'r1', to_id: 'r2', type: 'relation', direction: 'right', labels: ['knows'] },
            { id: 'c', from_name: 'cat', to_name: 'text', type: 'choices', value: { choices: ['news'] } },
          ],
        },
        { was_cancelled: true, result: [] },
      ],
    };
    const old = {
      data: { text },
      annotations: [
        { result: [{ id: 'x', type: 'labels', value: { start: 15, end: 17, text: 'Cy', labels: ['PER'] } }] },
      ],
    };
    const read = readLabelStudio([task, old]);
    const [doc, oldDoc] = read.documents;
    expect(quotes(doc)).toEqual(['Ann met\nBob/PER', 'Cy/PER']);
    expect(doc.spans![0]).toMatchObject({ annotator: 'a@x.org', note: 'two lines' });
    expect([doc.relations, doc.categories, doc.id]).toEqual([[{ head: 0, child: 1, label: 'knows' }], ['news'], '5']);
    expect(quotes(oldDoc)).toEqual(['Cy/PER']);
    expect(read.problems.map((p) => p.message)).toEqual([
      'task 2: 1 regions counted UTF-16 units (Label Studio before 2021): read that way, their quotes match',
      '1 cancelled (skipped) annotations left out',
    ]);
  });

  it('writes tasks Label Studio imports (code points, quotes Python agrees with) and reads them back', () => {
    const text = '😀 Zoë met\nBob';
    const doc = {
      id: 'd1',
      text,
      spans: [
        { start: 3, end: 6, label: 'PER', note: 'n' },
        { start: 7, end: 14, label: 'EVT' },
      ],
      relations: [{ head: 0, child: 1, label: 'r' }],
      categories: ['c'],
      suggestions: [{ start: 11, end: 14, label: 'PER', source: 'rules' }],
    };
    const json = writeLabelStudio([doc]);
    const tasks = JSON.parse(json) as Array<{
      annotations: Array<{ result: Array<{ type: string; value?: { start: number; end: number; text: unknown } }> }>;
    }>;
    const regions = tasks[0].annotations[0].result.filter((r) => r.type === 'labels');
    expect(pythonSlices(regions.map((r) => [text, r.value!.start, r.value!.end]))).toEqual(
      regions.map((r) => r.value!.text),
    );
    const back = readLabelStudio(tasks).documents[0];
    expect(quotes(back)).toEqual(['Zoë/PER', 'met\nBob/EVT']);
    expect([back.spans![0].note, back.relations, back.categories]).toEqual([
      'n',
      [{ head: 0, child: 1, label: 'r' }],
      ['c'],
    ]);
    expect(back.suggestions).toEqual([{ start: 11, end: 14, label: 'PER', source: 'rules' }]);
    expect(labelStudioConfig([doc])).toContain('<Label value="EVT"/>');
  });

  it("writes a config Label Studio accepts: no empty blocks, the predictions' labels, tabs kept in values", () => {
    // label_config_schema.json requires a <Label> in <Labels> and a <Choice> in <Choices>;
    // validate_prediction refuses a prediction label the config lacks.
    const bare = labelStudioConfig([{ text: 'no spans here' }]);
    expect(bare).not.toMatch(/<Labels|<Choices|<Relations|<TextArea/);
    expect(bare).toContain('<Text name="text" value="$text"/>');
    const predictedOnly = labelStudioConfig([
      { text: 'Ada met Bob', suggestions: [{ start: 8, end: 11, label: 'PER', source: 'rules' }] },
    ]);
    expect(predictedOnly).toContain('<Label value="PER"/>');
    expect(predictedOnly).not.toContain('<Choices');
    const tabbed = labelStudioConfig([{ text: 'Ada', spans: [{ start: 0, end: 3, label: 'A\tB "C"' }] }]);
    expect(tabbed).toContain('<Label value="A&#9;B &quot;C&quot;"/>');
  });
});
