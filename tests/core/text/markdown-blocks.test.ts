// The Markdown the guidelines use, read into plain values; markup in the
// file stays text (the renderer builds text nodes from these values).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from '../../../core/text/markdown-blocks';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, lists with continuation lines, and code', () => {
    const md =
      '# Title\n\nGeneral rules\n- one\n  more of one\n- two **bold**\n\n1. first\n2. second\n\n```\n<b>x</b>\n```\n';
    expect(parseMarkdown(md)).toEqual([
      { kind: 'heading', level: 1, inline: [{ kind: 'text', text: 'Title' }] },
      { kind: 'paragraph', inline: [{ kind: 'text', text: 'General rules' }] },
      {
        kind: 'list',
        ordered: false,
        items: [
          [{ kind: 'text', text: 'one more of one' }],
          [
            { kind: 'text', text: 'two ' },
            { kind: 'strong', text: 'bold' },
          ],
        ],
      },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'first' }], [{ kind: 'text', text: 'second' }]] },
      { kind: 'code', text: '<b>x</b>' },
    ]);
  });

  it('keeps HTML and script as text, and reads emphasis and code spans', () => {
    expect(parseInline('<img src=x onerror=alert(1)> *em* `code`')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> ' },
      { kind: 'em', text: 'em' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'code' },
    ]);
  });

  it('reads the shipped guidelines: a heading, and a list for each label', () => {
    const md = readFileSync(
      path.resolve(import.meta.dirname, '../../../renderer/guidelines/annotation-guidelines.md'),
      'utf8',
    );
    const blocks = parseMarkdown(md);
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    for (const label of ['actor', 'country', 'money', 'commitment'])
      expect(blocks.some((b) => b.kind === 'paragraph' && b.inline[0]?.text === label)).toBe(true);
    expect(blocks.filter((b) => b.kind === 'list').length).toBeGreaterThanOrEqual(5);
  });
});
