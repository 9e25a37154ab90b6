// The keys of making a relation. R (the table's `relateSpan`) starts one from
// the selected span and offers the nearest span it may reach; then, until it
// is made or dropped, Tab / Shift+Tab move to the next or previous span on
// offer, a relation label's key makes it, Enter makes it when one label fits,
// Esc drops it. Every outcome is said in the status bar.
import { labelsFor } from '../../core/relations/labels';
import type { Annotator } from '../annotate/annotator';
import * as rel from '../annotate/relation-commands';

type Key = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

export class RelationKeys {
  constructor(
    private readonly annotator: () => Annotator | undefined,
    private readonly scrollToSpan: (id: string) => void,
    private readonly say: (message: string) => void,
  ) {}

  start(): void {
    const a = this.annotator();
    if (!a?.run(rel.startRelation)) {
      this.say('Select a span first (click it, or Tab), then press R to relate it to another span.');
      return;
    }
    const child = a.pendingRelation?.child;
    if (child) this.scrollToSpan(child);
    this.say(
      child
        ? 'Relation: Tab picks another span, a relation key makes it (see the panel), Esc cancels; or click a span.'
        : 'No span here may be related to this one with the relation labels there are. Esc cancels.',
    );
  }

  /** Handles a key while a relation is being made; false when none is, or the key is not the mode's. */
  key(event: Key): boolean {
    const a = this.annotator();
    const pending = a?.pendingRelation;
    if (!a || !pending || event.ctrlKey || event.metaKey || event.altKey) return false;
    if (event.key === 'Tab') {
      if (a.run(rel.cycleChild(event.shiftKey ? -1 : 1)) && a.pendingRelation?.child)
        this.scrollToSpan(a.pendingRelation.child);
      return true;
    }
    if (event.key === 'Escape') {
      a.run(rel.cancelRelation);
      this.say('No relation made.');
      return true;
    }
    const head = a.span(pending.head);
    const child = pending.child ? a.span(pending.child) : undefined;
    const fitting = head && child ? labelsFor(a.relationLabels, head, child) : [];
    const label =
      event.key === 'Enter' && fitting.length === 1
        ? fitting[0]
        : a.relationLabels.find((l) => l.key !== '' && l.key === event.key.toLowerCase());
    if (!label) return false;
    this.make(a, label.name);
    return true;
  }

  /** Makes the relation being made with `label` (the panel's buttons call this too). */
  make(a: Annotator, label: string): void {
    const problem = a.relateWith(label);
    this.say(problem ?? `Relation “${label}” made (Ctrl+Z undoes it).`);
  }
}
