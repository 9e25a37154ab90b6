// The agreement table: core/agreement's report on the stored layers, the same
// figures `corpus agree` prints for the same annotators' exports. Per
// annotator pair (and the whole group of three or more), overall and per
// label; then the documents sorted by disagreement, each opening the
// document, each with its own figures one click away.
import type { AgreementReport, DocumentAgreement, GroupMeasures, PairMeasures, Scores } from '../../../core/agreement';
import { clear, h } from '../../dom';

/** Three places, as the command line's table; — where a figure is undefined. */
export const figure = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(3));

function scoreTable(testId: string, head: string[], labels: readonly string[], columns: Scores[]): HTMLElement {
  const row = (name: string, pick: (s: Scores) => number | null | undefined, cls = '') =>
    h(
      'tr',
      { class: cls, 'data-label': name },
      h('th', { scope: 'row' }, name),
      ...columns.map((c) => h('td', {}, figure(pick(c)))),
    );
  return h(
    'table',
    { class: 'agreement-table', 'data-testid': testId },
    h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))),
    h(
      'tbody',
      {},
      row('(overall)', (s) => s.overall, 'overall'),
      ...labels.filter((l) => columns.some((c) => l in c.byLabel)).map((l) => row(l, (s) => s.byLabel[l])),
    ),
  );
}

export function pairBlock(pair: PairMeasures, labels: readonly string[]): HTMLElement {
  const [a, b] = pair.annotators;
  return h(
    'section',
    { class: 'agreement-pair', 'data-testid': 'agreement-pair', 'data-pair': `${a}|${b}` },
    h(
      'h3',
      {},
      `${a} × ${b}`,
      h(
        'span',
        { class: 'hint' },
        ` · ${pair.documents} documents, ${pair.spans[0]} / ${pair.spans[1]} spans, ${pair.tokens} tokens`,
      ),
    ),
    scoreTable('agreement-pair-table', ['label', 'exact F1', 'overlap F1', "Cohen's κ", 'α_u'], labels, [
      pair.exactF1,
      pair.overlapF1,
      pair.cohenKappa,
      pair.alphaU,
    ]),
  );
}

function groupBlock(group: GroupMeasures, labels: readonly string[]): HTMLElement {
  return h(
    'section',
    { class: 'agreement-pair', 'data-testid': 'agreement-group' },
    h(
      'h3',
      {},
      `All ${group.annotators.length} annotators`,
      h('span', { class: 'hint' }, ` · ${group.documents} documents, ${group.tokens} tokens`),
    ),
    scoreTable('agreement-group-table', ['label', "Fleiss' κ", 'α_u'], labels, [group.fleissKappa, group.alphaU]),
  );
}

function documentRow(doc: DocumentAgreement, labels: readonly string[], open: (key: string) => void): HTMLElement[] {
  const details = h('tr', { class: 'agreement-doc-details', hidden: true }, h('td', { colspan: '5' }));
  const toggle = h(
    'button',
    { type: 'button', class: 'ghost small', 'aria-expanded': 'false', title: "This document's own figures" },
    'Figures',
  );
  toggle.addEventListener('click', () => {
    const cell = details.firstElementChild as HTMLElement;
    if (cell.childElementCount === 0) {
      // Computed on first look (DocumentAgreement's figures are lazy): a screenful costs a screenful.
      cell.append(...doc.pairs.map((p) => pairBlock(p, labels)), ...(doc.group ? [groupBlock(doc.group, labels)] : []));
    }
    details.hidden = !details.hidden;
    toggle.setAttribute('aria-expanded', String(!details.hidden));
  });
  const name = h(
    'button',
    { type: 'button', class: 'link', 'data-testid': 'agreement-doc-open', title: 'Open this document' },
    doc.name,
  );
  name.addEventListener('click', () => open(doc.key));
  return [
    h(
      'tr',
      { 'data-testid': 'agreement-doc', 'data-key': doc.key },
      h('td', {}, name),
      h('td', { class: 'num', 'data-testid': 'agreement-doc-disagreements' }, String(doc.disagreements)),
      h('td', { class: 'num' }, String(doc.spans)),
      h('td', { class: 'num' }, figure(doc.lowestExactF1)),
      h('td', {}, doc.annotators.join(', '), ' ', toggle),
    ),
    details,
  ];
}

/** How many document rows are drawn at first; "Show more" adds as many again. */
const PAGE = 50;

function documentsBlock(report: AgreementReport, open: (key: string) => void): HTMLElement {
  const body = h('tbody', {});
  const more = h('button', { type: 'button', class: 'ghost' }, 'Show more');
  let shown = 0;
  const page = () => {
    for (const doc of report.documents.slice(shown, shown + PAGE))
      body.append(...documentRow(doc, report.labels, open));
    shown = Math.min(report.documents.length, shown + PAGE);
    more.hidden = shown >= report.documents.length;
  };
  more.addEventListener('click', page);
  page();
  return h(
    'section',
    { class: 'agreement-docs' },
    h(
      'h3',
      {},
      'Documents by disagreement',
      h('span', { class: 'hint' }, ` · ${report.documents.length} compared; start at the top`),
    ),
    h(
      'table',
      { class: 'agreement-table docs', 'data-testid': 'agreement-docs' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['document', 'disagreeing spans', 'spans', 'lowest exact F1', 'annotators'].map((x) =>
            h('th', { scope: 'col' }, x),
          ),
        ),
      ),
      body,
    ),
    more,
    report.unpaired.length > 0
      ? h('p', { class: 'hint' }, `${report.unpaired.length} document(s) only one annotator has are not compared.`)
      : null,
  );
}

/** Fills `host` with the report: pairs, group, documents. */
export function renderAgreement(host: HTMLElement, report: AgreementReport, open: (key: string) => void): void {
  clear(host);
  if (report.annotators.length < 2) {
    host.append(
      h(
        'p',
        { class: 'hint', 'data-testid': 'agreement-empty' },
        'Agreement needs two annotators. Import a colleague’s export (Import as…) to compare layers.',
      ),
    );
    return;
  }
  host.append(
    h(
      'p',
      { class: 'hint' },
      `Annotators: ${report.annotators.join(', ')}. Documents are paired by their text; offsets and lengths in code points; corpus figures pool the documents' counts. Definitions: docs/agreement.md.`,
    ),
    ...report.pairs.map((p) => pairBlock(p, report.labels)),
    ...(report.group ? [groupBlock(report.group, report.labels)] : []),
    documentsBlock(report, open),
  );
}

/** The dialog around the table. */
export function openAgreementDialog(report: AgreementReport, open: (key: string) => void): HTMLDialogElement {
  const body = h('div', { class: 'agreement-body' });
  const close = h('button', { type: 'button', class: 'primary', 'data-testid': 'agreement-close' }, 'Close');
  const dialog = h(
    'dialog',
    { class: 'io-dialog agreement-dialog', 'data-testid': 'agreement-dialog', 'aria-labelledby': 'agreement-title' },
    h('h2', { id: 'agreement-title' }, 'Agreement between annotators'),
    body,
    h('div', { class: 'dialog-actions' }, close),
  );
  renderAgreement(body, report, (key) => {
    dialog.close();
    open(key);
  });
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}
