// The ProseMirror schema of a document: one block a source line, plain text
// inside, no marks. Spans are never marks: they are decorations over this text.
import { Schema, type Node } from 'prosemirror-model';
import { splitLines } from '../../core/text-lines';

export const textSchema = new Schema({
  nodes: {
    doc: { content: 'line+' },
    line: {
      content: 'text*',
      // Whitespace is content: tabs, runs of spaces and '\r' are shown as they are.
      whitespace: 'pre',
      toDOM: () => ['div', { class: 'line' }, 0],
      parseDOM: [{ tag: 'div.line', preserveWhitespace: 'full' }],
    },
    text: {},
  },
});

export function docFromText(text: string): Node {
  const lines = splitLines(text).map((line) => textSchema.node('line', null, line ? [textSchema.text(line)] : []));
  return textSchema.node('doc', null, lines);
}
