// What the split view needs of a document pane. Declared here, below the UI,
// so that compare/ depends on no ui/ module: ui/document-pane.ts satisfies it.
import type { DocumentRecord } from '../../core/model';
import type { Annotator } from '../annotate/annotator';
import type { PassageMark } from '../editor/passages-plugin';

export interface ComparePane {
  readonly element: HTMLElement;
  readonly scroller: HTMLElement;
  readonly record?: DocumentRecord;
  readonly annotator?: Annotator;
  focus(): void;
  setPassages(marks: readonly PassageMark[]): void;
  activatePair(pairId: number | undefined): void;
  /** Text offset shown at the top of the pane. */
  topOffset(): number;
  /** Where `offset` sits, in pixels from the top of the scroller's visible area. */
  offsetY(offset: number): number | undefined;
  /** Scrolls so that `offset` sits `y` pixels below the top of the pane. */
  scrollToOffset(offset: number, y?: number): void;
  scrollToSpan(id: string): void;
}
