// Runs view updates that arrive on their own (the worker's suggestions) only
// while no mouse button is held. Redrawing decorations under a drag that is
// selecting text replaces the DOM the browser's selection lives in, and the
// selection the researcher was making is lost (seen in the side-by-side test:
// a tag after such a drag said "select some text first").
let held = false;
let waiting: Array<() => void> = [];

function release(): void {
  held = false;
  const run = waiting;
  waiting = [];
  for (const f of run) f();
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  window.addEventListener('mousedown', () => (held = true), true);
  window.addEventListener('mouseup', () => queueMicrotask(release), true);
  window.addEventListener('blur', release);
}

/** Runs `f` now, or as soon as the mouse button is let go. */
export function whenPointerIdle(f: () => void): void {
  listen();
  if (held) waiting.push(f);
  else f();
}
