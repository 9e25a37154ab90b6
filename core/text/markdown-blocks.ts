// The small part of Markdown annotation guidelines are written in, read into
// plain values: headings, paragraphs, bullet and numbered lists, fenced code,
// and inside them **strong**, *emphasis*, `code`. The renderer builds DOM
// nodes from these values with text nodes only, so a project's guidelines
// file can never inject markup or script, whatever it contains; anything
// this reader does not know stays visible as the characters it is.

export type Inline = { kind: 'text' | 'strong' | 'em' | 'code'; text: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; inline: Inline[] }
  | { kind: 'paragraph'; inline: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'code'; text: string };

const INLINE = /(\*\*[^*]+\*\*|__[^_]+__|`[^`]+`|\*[^*\s][^*]*\*|_[^_\s][^_]*_)/u;

/** A line's inline parts: **strong**, *em* (or _em_), `code`, the rest text. */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  for (const part of line.split(INLINE)) {
    if (part === '') continue;
    if (/^(\*\*|__).+\1$/u.test(part)) out.push({ kind: 'strong', text: part.slice(2, -2) });
    else if (/^`.+`$/u.test(part)) out.push({ kind: 'code', text: part.slice(1, -1) });
    else if (/^([*_]).+\1$/u.test(part)) out.push({ kind: 'em', text: part.slice(1, -1) });
    else out.push({ kind: 'text', text: part });
  }
  return out;
}

const BULLET = /^\s*[-*+]\s+(.*)$/u;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/u;

/** Blocks of a Markdown text; a list item's indented continuation lines join the item. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', inline: parseInline(paragraph.join(' ')) });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    paragraph = [];
    list = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*```/u.test(line)) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !/^\s*```/u.test(lines[i]); i++) code.push(lines[i]);
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/u.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      blocks.push({
        kind: 'heading',
        level: heading[1].length as 1 | 2 | 3 | 4,
        inline: parseInline(heading[2].trim()),
      });
    } else if (bullet || numbered) {
      const ordered = !bullet;
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push((bullet ?? numbered)![1].trim());
    } else if (list && /^\s+\S/u.test(line)) list.items[list.items.length - 1] += ` ${line.trim()}`;
    else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
