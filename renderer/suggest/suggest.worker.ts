// The suggestions worker: every suggester runs here, off the page's thread,
// so the editor never waits for wink-nlp, the pattern matcher or the tagger.
// It keeps the rules' output for the open texts (RuleCache) and the tagger
// it was given or trained, and answers each request once, by id.
import { DEFAULT_PATTERNS } from '../../core/suggest/default-patterns';
import { RuleCache, suggestDocument } from '../../core/suggest/document-suggestions';
import { trainWithHeldOut } from '../../core/suggest/held-out';
import { compilePatterns } from '../../core/suggest/matcher';
import { readModel, type TaggerModel } from '../../core/suggest/tagger';
import guidelines from '../guidelines/annotation-guidelines.md?raw';
import type { Envelope, WorkerReply, WorkerRequest, WorkerResults } from './worker-protocol';

const patterns = compilePatterns(DEFAULT_PATTERNS);
/** Runs over the guidelines thrice over (11 KB each): about 1.4 s of this worker's time, in tasks of ~35 ms. */
const WARM_UP_RUNS = 40;
const cache = new RuleCache(patterns);
let model: TaggerModel | undefined;

type Scope = {
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', f: (e: MessageEvent) => void): void;
};
const scope = self as unknown as Scope;

/** The requests answered at once (a warm-up is answered when it ends). */
type Job = Exclude<WorkerRequest, { type: 'warm-up' }>;

function run(request: Job): WorkerResults[WorkerRequest['type']] {
  const started = performance.now();
  switch (request.type) {
    case 'suggest': {
      const rules = cache.rules(request.text);
      const { phrases } = request;
      const candidates = suggestDocument(request.text, request.spans, request.rejected, { rules, model, phrases });
      return { candidates, ms: performance.now() - started };
    }
    case 'model':
      model = request.model ? readModel(request.model) : undefined; // a damaged model fails here, not mid-suggestion
      return { labels: Object.keys(model?.labels ?? {}) };
    case 'train': {
      const report = trainWithHeldOut(request.docs, patterns);
      model = report.model;
      return { ...report, ms: performance.now() - started };
    }
  }
}

/**
 * JavaScript runs slowly until V8 has seen it run: the first 200 KB document took twice as long as the
 * third (measured in Node: 260-300 ms, then about 120). So, when asked (the page asks at the first quiet
 * moment after a start: suggestion-controller.ts), the worker runs the rules over the shipped guidelines
 * (their examples are real actors, money and commitments) forty times, each run its own task so that a
 * request waiting in between is answered first. With twenty runs a new 200 KB document still took 136-143
 * ms of the worker's time in `npm run bench`; with forty, 109-123 ms. This also loads wink-nlp's model.
 * It costs about 1.4 s of a core (and V8's compiling beside it), which is why it waits for a quiet
 * moment. (V8 may drop compiled code that has not run for minutes; a document opened long after can take
 * longer again.)
 */
function warmUp(runs: number, done: () => void): void {
  if (runs === 0) return done();
  setTimeout(() => {
    suggestDocument(`${guidelines.repeat(3)}\n\n${runs}`, [], [], { patterns });
    warmUp(runs - 1, done);
  }, 0);
}
let warming: Promise<WorkerResults['warm-up']> | undefined;

function warmedUp(): Promise<WorkerResults['warm-up']> {
  const started = performance.now();
  return (warming ??= new Promise((resolve) =>
    warmUp(WARM_UP_RUNS, () => resolve({ runs: WARM_UP_RUNS, ms: performance.now() - started })),
  ));
}

scope.addEventListener('message', (event: MessageEvent) => {
  const { id, ...request } = event.data as Envelope;
  if (request.type === 'warm-up') {
    void warmedUp().then((result) => scope.postMessage({ id, ok: true, result }));
    return;
  }
  try {
    scope.postMessage({ id, ok: true, result: run(request as Job) });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
