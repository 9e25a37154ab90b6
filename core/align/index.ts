// Side-by-side reading: pure modules (no DOM, no Node APIs) for tokenising,
// aligning two versions of a story, projecting spans between them, and
// finding similar documents. Re-exports only.

export type { AlignedPair, Alignment, AlignOptions, Direction, ProjectionResult, Sentence, TextRange, Token } from './types';
export { normalizeKey, tokenize, tokenKeys } from './tokenize';
export { segmentSentences, segmentText, type SegmentedText } from './segment';
export { alignDocuments } from './align';
export { projectSpan, projectSpans, type ProjectedSpan, type UnmatchedSpan } from './project';
export { EMPTY_SLOT, estimateJaccard, minhashOfKeys, minhashSignature, type MinhashOptions } from './minhash';
export { SimilarityIndex, type SimilarMatch, type SimilarityOptions } from './lsh';
