// Text from a user's files on its way to a terminal. A label or file name may
// hold escape sequences (ESC [ ... moves the cursor, recolours, rewrites the
// title) or bidirectional overrides that make text read backwards; printed
// raw, they act on the terminal instead of being seen. Each such character is
// shown as \uXXXX, which keeps JSON output valid (inside a string it is the
// same character). Newlines and tabs between lines of our own text stay.
// eslint-disable-next-line no-control-regex -- matching control characters is this module's whole job
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
