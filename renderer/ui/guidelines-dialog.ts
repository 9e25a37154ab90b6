// The Guidelines: the project's annotation guidelines in a dialog, the
// shipped ones (renderer/guidelines/annotation-guidelines.md) until a project
// imports its own Markdown file, which is kept in the settings table. The
// text is read into plain values (core/text/markdown-blocks.ts) and drawn
// with text nodes only: nothing from the file is ever parsed as HTML.
import { parseMarkdown, type Block, type Inline } from '../../core/text/markdown-blocks';
import type { WorkbenchDb } from '../db/schema';
import { getSetting, putSetting } from '../db/settings-repo';
import { h } from '../dom';
import shipped from '../guidelines/annotation-guidelines.md?raw';

/** The largest guidelines file taken in: a long handbook, not a corpus. */
export const MAX_GUIDELINES_CHARS = 500_000;

function inline(parts: readonly Inline[]): Node[] {
  return parts.map((p) =>
    p.kind === 'text'
      ? document.createTextNode(p.text)
      : h(p.kind === 'strong' ? 'strong' : p.kind === 'em' ? 'em' : 'code', {}, p.text),
  );
}

function block(b: Block): HTMLElement {
  switch (b.kind) {
    case 'heading':
      return h(`h${Math.min(b.level + 1, 5)}` as 'h2', {}, ...inline(b.inline));
    case 'paragraph':
      return h('p', {}, ...inline(b.inline));
    case 'list':
      return h(b.ordered ? 'ol' : 'ul', {}, ...b.items.map((item) => h('li', {}, ...inline(item))));
    case 'code':
      return h('pre', {}, b.text);
  }
}

/** The guidelines as DOM nodes built from text (safe for any file). */
export function renderGuidelines(markdown: string): HTMLElement {
  return h(
    'div',
    { class: 'guidelines-body', 'data-testid': 'guidelines-body' },
    ...parseMarkdown(markdown).map(block),
  );
}

export async function currentGuidelines(db: WorkbenchDb): Promise<{ text: string; own: boolean }> {
  const own = await getSetting(db, 'guidelines', undefined);
  return own === undefined ? { text: shipped, own: false } : { text: own, own: true };
}

/** Opens the dialog; `say` reports a file that could not be taken in. */
export async function openGuidelines(db: WorkbenchDb, say: (message: string) => void): Promise<void> {
  const { text, own } = await currentGuidelines(db);
  const picker = h('input', { type: 'file', accept: '.md,.markdown,.txt,text/markdown,text/plain', hidden: true });
  const dialog = h(
    'dialog',
    { class: 'guidelines-dialog', 'aria-label': 'Annotation guidelines', 'data-testid': 'guidelines' },
    h(
      'p',
      { class: 'guidelines-origin' },
      own ? "This project's own guidelines." : 'The guidelines shipped with the app.',
    ),
    renderGuidelines(text),
    picker,
    h(
      'div',
      { class: 'dialog-actions' },
      h('button', { type: 'button', onclick: () => picker.click() }, 'Use a Markdown file…'),
      own &&
        h(
          'button',
          {
            type: 'button',
            onclick: async () => {
              await putSetting(db, 'guidelines', undefined);
              dialog.close();
              say('The shipped guidelines are back.');
            },
          },
          'Back to the shipped ones',
        ),
      h('button', { type: 'button', class: 'primary', onclick: () => dialog.close() }, 'Close'),
    ),
  );
  picker.addEventListener('change', async () => {
    const file = picker.files?.[0];
    if (!file) return;
    const content = await file.text();
    if (content.length > MAX_GUIDELINES_CHARS || content.includes('\u0000')) {
      say(
        `${file.name}: not taken as guidelines (over ${MAX_GUIDELINES_CHARS.toLocaleString('en-US')} characters, or not text).`,
      );
      return;
    }
    await putSetting(db, 'guidelines', content);
    dialog.close();
    say(`Guidelines from ${file.name} are now this project's.`);
    await openGuidelines(db, say);
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}
