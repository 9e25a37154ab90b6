// Fingerprints of the code that fills the derived indexes: the code's output
// on a probe text full of the cases that have changed before (hyphens and
// their Unicode cousins, soft hyphens, apostrophes, accents, CJK, emoji),
// plus a number to bump by hand for a change the probe would not show.
// Imports core/ only, so the schema can stamp a new database with them.
import { SIGNATURES_VERSION } from '../../core/align';
import { TERMS_VERSION, termsOf } from '../../core/search/terms';
import { signatureOf } from './rows';

/** Bumped in core/ (core/search/terms.ts) when the terms code changes in a way PROBE does not show. */
export const TERMS_CODE_VERSION = TERMS_VERSION;
/** Bumped in core/ (core/align/minhash.ts) when the signature code changes in a way PROBE does not show. */
export const SIGNATURES_CODE_VERSION = SIGNATURES_VERSION;

const PROBE =
  'EU co-operation, co\u2010operation and co\u00ADoperation; the Minister\u2019s "cooperation" in Zürich. ' +
  "Ὀδυσσεύς 東京都 𠀀 👩‍🔬 data-driven O'Brien £84 million 2024-05-01 U.S. e-mail";

function hash(text: string): string {
  let h = 0x811c9dc5; // FNV-1a, 32 bits: a change detector, not a security hash
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function termsFingerprint(): string {
  return `${TERMS_CODE_VERSION}:${hash(JSON.stringify(termsOf(PROBE)))}`;
}

export function signaturesFingerprint(): string {
  return `${SIGNATURES_CODE_VERSION}:${hash(Array.from(signatureOf('probe', PROBE).sig).join(','))}`;
}

/**
 * What the code of the release before fingerprints existed gives (computed
 * with that code): a database without stored fingerprints was filled by it.
 */
export const FIRST_FINGERPRINTS = { terms: '1:9d7847d4', signatures: '1:6c18b432' } as const;
