// The rows of the two derived tables (the search index and the similarity
// signatures), the typed settings, and how a derived row is built from a
// text. Kept here, below schema.ts and its upgrades, so the schema depends on
// core/ alone and never on feature modules.
import { EMPTY_SLOT, minhashOfKeys } from '../../core/align';
import { termsOf, termsOfKeys } from '../../core/search/terms';
import type { SnapMode } from '../../core/spans/snap';
import type { CorpusPhrase } from '../../core/suggest/document-suggestions';
import type { Evaluation } from '../../core/suggest/evaluate';
import type { TaggerModel } from '../../core/suggest/tagger';
import { wordKeys } from '../../core/text/words';

export interface TermPosting {
  term: string;
  /** Which stored batch these ids came from: keeps the key unique. */
  batch: string;
  ids: string[];
}

/**
 * Documents stored whose search terms and signatures are not written yet (version 10): one row per
 * stored batch, written in the transaction that stores the documents, deleted in the one that writes
 * their derived rows. A crash in between leaves the row, and the next start indexes them.
 */
export interface UnindexedBatch {
  batch: string;
  ids: string[];
}

/** A batch's derived rows, worked out from its texts alone (in a worker, or here). */
export interface DerivedRows {
  /** The distinct search terms of each text, in the order of the texts given. */
  terms: string[][];
  signatures: SignatureRecord[];
}

export interface SignatureRecord {
  id: string;
  sig: Uint32Array;
  /** Distinct min-hash values (the index keys); empty for a text with no words. */
  mins: number[];
}

/** The split view's pair, remembered across restarts. */
export interface SplitPairSetting {
  open: boolean;
  left?: string;
  right?: string;
}

/** The learned tagger as kept: the model, what it learned from, and how it scored on documents it did not see. */
export interface StoredTagger {
  model: TaggerModel;
  trainedAt: number;
  /** Annotated documents it was trained on. */
  trainedOn: number;
  /** Annotated documents held out of training and scored (exact match; commitment by overlap). */
  heldOut: number;
  evaluation?: Evaluation;
  /** The rules alone on the same held-out documents: what the tagger adds is the difference. */
  rulesAlone?: Evaluation;
}

/** Every setting the app keeps, with its type: the one list of setting keys. */
export interface Settings {
  seedCorpusLoaded: boolean;
  /** This database's profile id, the one main's profile marker names (core/profile-marker.ts). */
  profileId: string | undefined;
  snapMode: SnapMode;
  lastDocumentId: string | undefined;
  splitPair: SplitPairSetting;
  /** Fingerprint of the code that filled `terms` (see index-versions.ts). */
  termsIndexVersion: string;
  /** Fingerprint of the code that filled `signatures`. */
  signaturesIndexVersion: string;
  /** The project's annotation guidelines (Markdown); absent: the shipped ones. */
  guidelines: string | undefined;
  /** The tagger learned from this corpus' annotations; absent until first trained. */
  suggestTagger: StoredTagger | undefined;
  /** Who annotates on this machine: the name new spans carry (asked once, changeable). */
  annotatorName: string | undefined;
  /** Span texts the annotator asked to find in every document (O), each with its label. */
  corpusPhrases: CorpusPhrase[] | undefined;
}

export type SettingKey = keyof Settings;

export interface Setting {
  key: string;
  value: unknown;
}

export function signatureOf(id: string, text: string): SignatureRecord {
  return signatureOfKeys(id, wordKeys(text));
}

/** The same from the text's word keys, which the import computes once for terms and signature. */
export function signatureOfKeys(id: string, keys: readonly string[]): SignatureRecord {
  const sig = minhashOfKeys(keys);
  return { id, sig, mins: [...new Set(sig)].filter((v) => v !== EMPTY_SLOT) };
}

/** A key for one stored batch (or upgrade chunk): keeps posting rows of different batches apart. */
export function newBatchKey(now = Date.now()): string {
  return `${now.toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Search terms and signatures of `docs`, from one word segmentation a text. */
export function derivedRowsOf(docs: ReadonlyArray<{ id: string; text: string }>): DerivedRows {
  const keys = docs.map((d) => wordKeys(d.text));
  return { terms: keys.map(termsOfKeys), signatures: docs.map((d, i) => signatureOfKeys(d.id, keys[i])) };
}

/** One posting row per distinct term, from each document's terms (`terms[i]` are those of `ids[i]`). */
export function postingsOfTerms(
  ids: readonly string[],
  terms: ReadonlyArray<readonly string[]>,
  batch: string,
): TermPosting[] {
  const byTerm = new Map<string, string[]>();
  ids.forEach((id, i) => {
    for (const term of terms[i]) {
      const list = byTerm.get(term);
      if (list) list.push(id);
      else byTerm.set(term, [id]);
    }
  });
  return [...byTerm].map(([term, list]) => ({ term, batch, ids: list }));
}

/** One posting row per distinct term of `docs`. */
export function postingsFor(docs: ReadonlyArray<{ id: string; text: string }>, batch: string): TermPosting[] {
  return postingsOfTerms(
    docs.map((d) => d.id),
    docs.map((d) => termsOf(d.text)),
    batch,
  );
}
