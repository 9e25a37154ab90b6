// The corpus list's row geometry, apart from the list itself so that Node
// code (the list bench) can read it without loading the list's DOM and CSS.

/** Fixed row height in CSS pixels; styles.css gives .doc-item the same. */
export const ROW_HEIGHT = 72;
