// Drawing at most once a frame: however many changes arrive before the next
// frame (a burst of keys, a pull's reports, a scroll), the view is drawn once,
// with the state as it is then.

/** Returns `schedule`: each call asks for `draw` at the next frame, unless it is already asked for. */
export function onceAFrame(draw: () => void): () => void {
  let frame = 0;
  return () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  };
}
