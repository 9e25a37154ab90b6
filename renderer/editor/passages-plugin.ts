// Aligned passages drawn in one pane of the split view: each passage shared
// with the other document gets a tint of its pair's hue and, at its start, a
// numbered marker that the counterpart in the other pane carries too, so the
// pairing reads at a glance; text found only in this version is marked
// quietly. Held in its own plugin's state so span decorations and passage
// decorations never disturb each other. The marker's number is CSS generated
// content: it adds nothing to the text (offsets, copying, selection).
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { offsetToPos, type LineIndex } from '../../core/text-lines';

export interface PassageMark {
  start: number;
  end: number;
  /** Set for a passage with a counterpart; absent for text only this version has. */
  pairId?: number;
  /** Words inside a reworded pair that the other version does not have. */
  changed?: boolean;
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

/** The number a pair is shown with: the same in both panes, counting from 1. */
export const pairNumber = (pairId: number): number => pairId + 1;

function pairMarker(pairId: number, active: boolean): () => HTMLElement {
  return () => {
    const marker = document.createElement('span');
    marker.className = active ? 'pair-marker active' : 'pair-marker';
    marker.dataset.pairId = String(pairId);
    marker.dataset.n = String(pairNumber(pairId));
    marker.title = `Passage ${pairNumber(pairId)}: the same number marks its counterpart in the other document`;
    marker.style.setProperty('--hue', String(pairHue(pairId)));
    return marker;
  };
}

function passageDecorations(mark: PassageMark, lines: LineIndex, active?: number): Decoration[] {
  const from = offsetToPos(lines, mark.start);
  const to = offsetToPos(lines, mark.end);
  if (mark.changed)
    return [
      Decoration.inline(
        from,
        to,
        { class: 'passage-changed', title: 'Not in the other version’s passage' },
        { passage: true },
      ),
    ];
  if (mark.pairId === undefined)
    return [Decoration.inline(from, to, { class: 'passage-unique', title: 'Only in this version' }, { passage: true })];
  const isActive = mark.pairId === active;
  const attrs = {
    class: isActive ? 'passage active' : 'passage',
    'data-pair-id': String(mark.pairId),
    style: `--hue: ${pairHue(mark.pairId)}`,
  };
  return [
    Decoration.inline(from, to, attrs, { passage: true, pairId: mark.pairId }),
    Decoration.widget(from, pairMarker(mark.pairId, isActive), {
      side: -1,
      ignoreSelection: true,
      key: `pair:${mark.pairId}:${isActive}`,
      pairId: mark.pairId,
    }),
  ];
}

function draw(
  doc: EditorState['doc'],
  lines: LineIndex,
  marks: readonly PassageMark[],
  active?: number,
): DecorationSet {
  return DecorationSet.create(
    doc,
    marks.filter((m) => m.end > m.start).flatMap((m) => passageDecorations(m, lines, active)),
  );
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
