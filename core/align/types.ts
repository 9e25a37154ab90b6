// Values shared by the alignment modules. Every offset is a UTF-16 code unit
// index into the exact, never-normalised document text (a JS string index),
// so `text.slice(range.start, range.end)` is always the passage meant.

/** A half-open range [start, end) of a document text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** One word of a text: where it is and what it compares as. */
export interface Token extends TextRange {
  /** Comparison key: lower case, no accents, no inner hyphens or apostrophes. */
  readonly key: string;
}

/** A sentence (or line-bounded passage) with the tokens it holds. */
export interface Sentence extends TextRange {
  /** Index of its first token in the document's token array. */
  readonly firstToken: number;
  /** One past its last token (firstToken === endToken: no words). */
  readonly endToken: number;
}

/** Two passages, one in each document, that say the same thing. */
export interface AlignedPair {
  readonly id: number;
  readonly a: TextRange;
  readonly b: TextRange;
  /** Token-level similarity, 0..1 (Dice coefficient over the token LCS). */
  readonly score: number;
  /** 'same': identical comparison keys; 'similar': reworded. */
  readonly kind: 'same' | 'similar';
}

export interface Alignment {
  /** Sorted by a.start. */
  readonly pairs: readonly AlignedPair[];
  /** Sentences of A with no counterpart in B, in text order. */
  readonly onlyA: readonly TextRange[];
  /** Sentences of B with no counterpart in A, in text order. */
  readonly onlyB: readonly TextRange[];
}

export interface AlignOptions {
  /** Lowest score a pair needs to count as aligned (default 0.5). */
  readonly minScore?: number;
  /** Lowest score for a pair that breaks the reading order (default 0.7). */
  readonly reorderMinScore?: number;
  /** How much a merge of two sentences must beat a single one (default 0.05). */
  readonly mergeGain?: number;
  /** Candidate counterparts kept per sentence before exact scoring (default 6). */
  readonly candidatesPerSentence?: number;
}

export type ProjectionResult =
  | { readonly ok: true; readonly start: number; readonly end: number; readonly pairId: number }
  | { readonly ok: false; readonly reason: string };

export type Direction = 'a->b' | 'b->a';
