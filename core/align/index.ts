// Side-by-side reading: pure modules (no DOM, no Node APIs) for tokenising,
// aligning two versions of a story, projecting spans between them, and the
// MinHash signatures the app's similar-documents index is built from. Re-exports only.

export type {
  AlignedPair,
  Alignment,
  AlignOptions,
  Direction,
  ProjectionResult,
  Sentence,
  TextRange,
  Token,
} from './types';
export { normalizeKey } from '../text/words';
export { tokenize, tokenKeys } from './tokenize';
export { segmentSentences, segmentText, type SegmentedText } from './segment';
export { alignDocuments } from './align';
export { projectSpan, projectSpans, type ProjectedSpan, type UnmatchedSpan } from './project';
export {
  EMPTY_SLOT,
  estimateJaccard,
  minhashOfKeys,
  minhashSignature,
  SIGNATURES_VERSION,
  type MinhashOptions,
} from './minhash';
