// The spans a projection could not carry across, in a panel of their own
// under the split view's toolbar: each with its label, its quoted text and
// the reason, and a click that shows the span in its document. The panel
// stays until closed or replaced by the next projection's report.
import type { Label } from '../../core/model';
import type { Unprojected } from '../../core/spans/project-spans';
import { clear, h } from '../dom';

export interface ReportContext {
  sourceName: string;
  targetName: string;
  labels: readonly Label[];
  /** Selects the span in its document and scrolls it into view. */
  show(spanId: string): void;
}

const FALLBACK = '#6b7280';

function item(u: Unprojected, color: string, show: (id: string) => void): HTMLElement {
  const chip = h('span', { class: 'chip' }, u.span.label);
  chip.style.setProperty('--c', color);
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: 'unprojected-item',
        'data-span-id': u.span.id,
        title: 'Show this span in its document',
        onclick: () => show(u.span.id),
      },
      chip,
      h('q', { class: 'unprojected-text' }, u.span.text),
      h('span', { class: 'unprojected-reason' }, u.reason),
    ),
  );
}

export class ProjectionReport {
  readonly element = h('section', {
    class: 'projection-report',
    'data-testid': 'projection-report',
    'aria-label': 'Spans not projected',
    hidden: true,
  });

  /** Shows the spans that found no counterpart; with none, hides the panel. */
  show(unmatched: readonly Unprojected[], ctx: ReportContext): void {
    clear(this.element);
    this.element.hidden = unmatched.length === 0;
    if (unmatched.length === 0) return;
    const colors = new Map(ctx.labels.map((l) => [l.name, l.color]));
    const n = unmatched.length;
    this.element.append(
      h(
        'header',
        { class: 'projection-report-head' },
        h('strong', {}, `${n} span${n === 1 ? '' : 's'} not projected`),
        h(
          'span',
          { class: 'projection-report-where' },
          `from ${ctx.sourceName} onto ${ctx.targetName}. Click one to show it in its document.`,
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'ghost close-report',
            'data-testid': 'close-report',
            title: 'Close this list',
            'aria-label': 'Close this list',
            onclick: () => this.hide(),
          },
          '✕',
        ),
      ),
      h(
        'ul',
        { class: 'unprojected-list', 'data-testid': 'unprojected-list' },
        ...unmatched.map((u) => item(u, colors.get(u.span.label) ?? FALLBACK, ctx.show)),
      ),
    );
  }

  hide(): void {
    clear(this.element);
    this.element.hidden = true;
  }
}
