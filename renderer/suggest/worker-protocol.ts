// What the page and the suggestions worker say to each other: one request
// type a job, each answered once by its id. Plain data only (structured clone).
import type { Candidate } from '../../core/suggest/candidate';
import type { CorpusPhrase } from '../../core/suggest/document-suggestions';
import type { AnnotatedDoc, TrainingReport } from '../../core/suggest/held-out';
import type { TaggedSpan } from '../../core/suggest/occurrences';
import type { TaggerModel } from '../../core/suggest/tagger';

export type WorkerRequest =
  /** Suggestions for one document: its text, spans and rejected suggestions (UTF-16 offsets). */
  | { type: 'suggest'; text: string; spans: TaggedSpan[]; rejected: TaggedSpan[]; phrases?: CorpusPhrase[] }
  /** The tagger to suggest with from now on (none: rules, patterns and occurrences only). */
  | { type: 'model'; model?: TaggerModel }
  /** Train the tagger on annotated documents, holding some out to score it; the worker then suggests with it. */
  | { type: 'train'; docs: AnnotatedDoc[] }
  /** Run the suggesters over sample text until V8 has compiled them; answered when done. */
  | { type: 'warm-up' };

export interface WorkerResults {
  suggest: { candidates: Candidate[]; ms: number };
  model: { labels: string[] };
  train: TrainingReport & { ms: number };
  'warm-up': { runs: number; ms: number };
}

export type Envelope = WorkerRequest & { id: number };

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
