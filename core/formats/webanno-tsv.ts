// INCEpTION / WebAnno TSV 3 (import). The header names the layers
// (`#T_SP=layer|feature|...` one column a feature), each sentence comes as
// `#Text=...` then one line a token: `sent-tok <TAB> begin-end <TAB> token <TAB> columns`.
// A span over several tokens carries the same stacked id in each (`PERSON[1]`);
// several annotations on one token are separated by `|`; `_` and `*` mean none.
// Offsets are UTF-16 (INCEpTION is Java), which is what the app stores.
// The text is rebuilt by placing each sentence's #Text at its first token's
// offset; a gap between sentences becomes a newline then spaces (the file does
// not say what was there). Relations (T_RL) and chains (T_CH) are reported, not read.
import type { SpanDraft } from '../model';
import { error, warning, type FormatProblem, type FormatRead } from './document';

interface Layer {
  name: string;
  features: string[];
}

const unescape = (s: string) =>
  s.replace(/\\(->|[\\[\]|_*;tnr])/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c));

const shortName = (layer: string) => layer.slice(layer.lastIndexOf('.') + 1);

export function readWebAnnoTsv(content: string): FormatRead {
  const problems: FormatProblem[] = [];
  const spanLayers: Layer[] = [];
  const sentences: Array<{ begin: number; text: string }> = [];
  const spans: SpanDraft[] = [];
  const stacked = new Map<string, SpanDraft>();
  let pendingText: string | undefined;
  let skippedLayers = 0;
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      const lineNo = i + 1;
      if (line.startsWith('#T_SP=')) {
        const [name, ...features] = line.slice(6).split('|');
        spanLayers.push({ name, features });
      } else if (line.startsWith('#T_RL=') || line.startsWith('#T_CH=')) skippedLayers++;
      else if (line.startsWith('#Text='))
        pendingText =
          pendingText === undefined ? unescape(line.slice(6)) : `${pendingText}\n${unescape(line.slice(6))}`;
      else if (line.startsWith('#') || line.trim() === '') return;
      else {
        const cols = line.split('\t');
        const m = /^(\d+)-(\d+)$/.exec(cols[1] ?? '');
        if (!m)
          return void problems.push(
            error(
              `not a token line (sentence-token, begin-end, token, …): ${JSON.stringify(line.slice(0, 80))}`,
              lineNo,
            ),
          );
        const [begin, end] = [Number(m[1]), Number(m[2])];
        if (begin >= end) return void problems.push(error(`token offsets ${begin}-${end} are not a range`, lineNo));
        if (pendingText !== undefined) {
          sentences.push({ begin, text: pendingText });
          pendingText = undefined;
        }
        if (cols[0].includes('.')) return; // a sub-token line: its annotations repeat on the token
        let col = 3;
        for (const layer of spanLayers) {
          const values = cols.slice(col, col + Math.max(1, layer.features.length));
          col += Math.max(1, layer.features.length);
          readSpanCell(values[0] ?? '_', layer, begin, end, spans, stacked);
        }
      }
    });
  if (skippedLayers > 0)
    problems.push(
      warning(`${skippedLayers} relation or chain layers (T_RL, T_CH) not imported: only span layers are read`),
    );
  let text = '';
  for (const s of sentences) {
    if (s.begin < text.length)
      return {
        documents: [],
        problems: [...problems, error(`sentences overlap at offset ${s.begin}: cannot rebuild the text`)],
      };
    if (s.begin > text.length) text += (text.length > 0 ? '\n' : ' ') + ' '.repeat(s.begin - text.length - 1);
    text += s.text;
  }
  const inside = spans.filter((s) => s.end <= text.length);
  if (inside.length < spans.length)
    problems.push(error(`${spans.length - inside.length} spans outside the rebuilt text left out`));
  return { documents: [{ text, spans: inside }], problems };
}

function readSpanCell(
  cell: string,
  layer: Layer,
  begin: number,
  end: number,
  spans: SpanDraft[],
  stacked: Map<string, SpanDraft>,
): void {
  if (cell === '_' || cell === '') return;
  for (const part of cell.split('|')) {
    const m = /^(.*?)(?:\[(\d+)\])?$/.exec(part)!;
    const value = unescape(m[1]);
    const label = value === '*' || value === '' ? shortName(layer.name) : value;
    if (m[2] !== undefined) {
      const key = `${layer.name}#${m[2]}`;
      const open = stacked.get(key);
      if (open) {
        // Tokens come in text order in files INCEpTION writes; min/max keeps a span whole in any other.
        open.start = Math.min(open.start, begin);
        open.end = Math.max(open.end, end);
        continue;
      }
      const span = { start: begin, end, label };
      stacked.set(key, span);
      spans.push(span);
    } else spans.push({ start: begin, end, label });
  }
}
