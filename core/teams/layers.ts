// Annotators' layers over one stored corpus. Every span records who made it
// (Span.annotator); a row written before annotators existed has none and is
// the local annotator's, whatever name she goes by now. The adjudicated layer
// is the annotator CURATION, a name no person may take. Pure: the app filters
// what a pane shows with these, the export picks a layer with them, and the
// agreement panel builds core/agreement's input from them.
import type { Span } from '../model';
import { ANNOTATOR_NAME_MAX } from '../profile-marker';

/** The reserved annotator of the adjudicated (gold) layer. */
export const CURATION = 'curation';

/** What a view shows: my layer, one other annotator's, all of them at once, or the adjudicated one. */
export type LayerChoice =
  | { readonly kind: 'mine' }
  | { readonly kind: 'annotator'; readonly name: string }
  | { readonly kind: 'all' }
  | { readonly kind: 'curation' };

export const MINE: LayerChoice = { kind: 'mine' };

/** Who made `span`: its own annotator, else the local annotator (rows from before annotators). */
export function annotatorOf(span: Pick<Span, 'annotator'>, local: string): string {
  return span.annotator ?? local;
}

/** The annotator whose spans `choice` shows alone (undefined for all layers at once). */
export function layerAnnotator(choice: LayerChoice, local: string): string | undefined {
  if (choice.kind === 'mine') return local;
  if (choice.kind === 'curation') return CURATION;
  return choice.kind === 'annotator' ? choice.name : undefined;
}

/** True when `span` belongs to the layer `choice` shows. */
export function inLayer(span: Pick<Span, 'annotator'>, choice: LayerChoice, local: string): boolean {
  const who = layerAnnotator(choice, local);
  return who === undefined || annotatorOf(span, local) === who;
}

/** The spans of `spans` in the layer `choice`. */
export function layerSpans<S extends Pick<Span, 'annotator'>>(
  spans: readonly S[],
  choice: LayerChoice,
  local: string,
): S[] {
  return spans.filter((s) => inLayer(s, choice, local));
}

/**
 * The annotator new spans of this view are stamped with, or undefined when
 * the view is read-only: only my layer and the adjudicated layer are edited,
 * one at a time, so nobody edits a colleague's work by accident.
 */
export function editableAnnotator(choice: LayerChoice, local: string): string | undefined {
  if (choice.kind === 'mine') return local;
  return choice.kind === 'curation' ? CURATION : undefined;
}

/** Undo histories are kept per document and layer: undo in the adjudicated layer never undoes my own work. */
export function historyKey(docId: string, choice: LayerChoice): string {
  return choice.kind === 'curation' ? `${docId}\u0000${CURATION}` : docId;
}

/** A name a person may go by: not empty, not the reserved adjudication layer. */
export function annotatorNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'A name is needed.';
  if (trimmed.toLowerCase() === CURATION) return `"${CURATION}" is the name of the adjudicated layer; choose another.`;
  if (trimmed.length > ANNOTATOR_NAME_MAX) return `A name of at most ${ANNOTATOR_NAME_MAX} characters, please.`;
  return undefined;
}

/** The people of `names` (never the adjudicated layer), the local annotator first, the rest sorted. */
export function peopleOf(names: Iterable<string>, local: string): string[] {
  const others = [...new Set(names)].filter((n) => n !== local && n !== CURATION).sort();
  return [local, ...others];
}

/** How a choice is named on screen. */
export function layerTitle(choice: LayerChoice, local: string): string {
  if (choice.kind === 'mine') return `My layer (${local})`;
  if (choice.kind === 'curation') return 'Adjudicated layer';
  return choice.kind === 'all' ? 'All layers' : `${choice.name}'s layer`;
}
