// Keeps the span panel in step with the active document, redrawing at most
// once a frame however many changes arrive.
import type { Label, Span } from '../../core/model';
import type { Annotator } from '../annotate/annotator';
import { timed } from '../timing';
import type { DocumentPane } from './document-pane';
import { onceAFrame } from './once-a-frame';
import { renderSpanPanel, type SpanPanelActions } from './span-panel';

export interface PanelHost {
  readonly active: DocumentPane;
  readonly labels: Label[];
}

export class SpanPanelController {
  private readonly hidden = new Set<string>();
  readonly schedule = onceAFrame(() => this.render());

  constructor(
    private readonly host: PanelHost,
    private readonly element: HTMLElement,
  ) {}

  private get annotator(): Annotator | undefined {
    return this.host.active.annotator;
  }

  render(): void {
    const started = performance.now();
    const annotator = this.annotator;
    const spans: Span[] = annotator?.spans ?? [];
    renderSpanPanel(
      this.element,
      {
        spans,
        labels: this.host.labels,
        selected: annotator?.selected,
        hidden: this.hidden,
        text: annotator?.text ?? '',
      },
      this.actions(),
    );
    timed('span-panel', started, { spans: spans.length });
  }

  private actions(): SpanPanelActions {
    return {
      select: (id) => {
        this.annotator?.select(id);
        this.host.active.scrollToSpan(id);
      },
      relabel: (id, label) => this.annotator?.relabel(id, label),
      setNote: (id, note) => this.annotator?.setNote(id, note),
      remove: (id) => this.annotator?.remove(id),
      toggleFilter: (label) => {
        if (!this.hidden.delete(label)) this.hidden.add(label);
        this.render();
      },
    };
  }

  focusNote(): void {
    if (!this.annotator?.selected) return;
    this.render();
    this.element.querySelector<HTMLTextAreaElement>('[data-testid="span-note"]')?.focus();
  }
}
