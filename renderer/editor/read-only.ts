// Keeps the text unchangeable while leaving the view editable, so the caret,
// Shift+arrow selection and focus behave as in any text view. Every change
// to the document is refused at the source: input, paste, drop, cut and any
// transaction that would alter the doc.
import { Plugin } from 'prosemirror-state';

const refuse = (_view: unknown, event: Event) => {
  event.preventDefault();
  return true;
};

export function readOnlyText(): Plugin {
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      handleDOMEvents: { beforeinput: refuse, cut: refuse, drop: refuse },
      attributes: { spellcheck: 'false', 'aria-readonly': 'true', role: 'textbox', 'aria-multiline': 'true' },
    },
  });
}
