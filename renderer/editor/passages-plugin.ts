// Aligned passages drawn in one pane of the split view: each passage shared
// with the other document gets a soft tint of its pair's hue; text found only
// in this version is marked as such. Held in its own plugin's state so span
// decorations and passage decorations never disturb each other.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { offsetToPos, type LineIndex } from '../../core/text-lines';

export interface PassageMark {
  start: number;
  end: number;
  /** Set for a passage with a counterpart; absent for text only this version has. */
  pairId?: number;
}

export interface PassagesState {
  readonly marks: readonly PassageMark[];
  readonly activePair?: number;
  readonly decorations: DecorationSet;
}

export type PassagesAction = { type: 'set'; marks: readonly PassageMark[] } | { type: 'activate'; pairId?: number };

const passagesKey = new PluginKey<PassagesState>('passages');

/** Replaces the passages drawn (the split view's alignment of this document). */
export function setPassages(tr: Transaction, marks: readonly PassageMark[]): Transaction {
  return tr.setMeta(passagesKey, { type: 'set', marks } satisfies PassagesAction);
}

/** Highlights one aligned pair (hover), or none. */
export function activatePassagePair(tr: Transaction, pairId: number | undefined): Transaction {
  return tr.setMeta(passagesKey, { type: 'activate', pairId } satisfies PassagesAction);
}

export function activePassagePair(state: EditorState): number | undefined {
  return passagesKey.getState(state)?.activePair;
}

const HUES = [210, 150, 35, 285, 185, 5, 100, 320];

/** A soft, distinct hue a pair: neighbours in reading order never share one. */
export function pairHue(pairId: number): number {
  return HUES[pairId % HUES.length];
}

function passageDecoration(mark: PassageMark, lines: LineIndex, active?: number): Decoration {
  const from = offsetToPos(lines, mark.start);
  const to = offsetToPos(lines, mark.end);
  if (mark.pairId === undefined) return Decoration.inline(from, to, { class: 'passage-unique', title: 'Only in this version' }, { passage: true });
  const cls = mark.pairId === active ? 'passage active' : 'passage';
  return Decoration.inline(from, to, { class: cls, 'data-pair-id': String(mark.pairId), style: `--hue: ${pairHue(mark.pairId)}` }, { passage: true, pairId: mark.pairId });
}

function draw(doc: EditorState['doc'], lines: LineIndex, marks: readonly PassageMark[], active?: number): DecorationSet {
  return DecorationSet.create(doc, marks.filter((m) => m.end > m.start).map((m) => passageDecoration(m, lines, active)));
}

export function passagesPlugin(lines: LineIndex): Plugin<PassagesState> {
  return new Plugin<PassagesState>({
    key: passagesKey,
    state: {
      init: () => ({ marks: [], decorations: DecorationSet.empty }),
      apply: (tr, value, _old, state) => {
        const action = tr.getMeta(passagesKey) as PassagesAction | undefined;
        if (!action) return value;
        const marks = action.type === 'set' ? action.marks : value.marks;
        const activePair = action.type === 'activate' ? action.pairId : value.activePair;
        return { marks, activePair, decorations: draw(state.doc, lines, marks, activePair) };
      },
    },
    props: { decorations: (state) => passagesKey.getState(state)?.decorations },
  });
}
