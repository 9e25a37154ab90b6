// Agreement between annotators: the public surface the app and the command
// line share. Definitions and references: docs/agreement.md.
export {
  measureAgreement,
  measureDocument,
  byDisagreement,
  type AgreementReport,
  type DocumentAgreement,
  type DocumentMeasures,
} from './corpus-agreement';
export type { PairMeasures } from './pair-counts';
export type { GroupMeasures } from './group-counts';
export type { Scores } from './scores';
export { DocumentPairing, type AnnotatedDocument } from './pairing';
export { agreedSpans, attributedSpans, type AttributedSpan } from './merge';
export { toCodePointSpans, type AgreementDocument, type AgreementInput, type LabeledSpan } from './spans';
export { unitizingAlpha, type UnitizingStudy, type Unit } from './unitizing-alpha';
export { CohenCounts, FleissCounts } from './kappa';
export { tokenize } from './tokens';
