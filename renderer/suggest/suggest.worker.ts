// The suggestions worker: every suggester runs here, off the page's thread,
// so the editor never waits for wink-nlp, the pattern matcher or the tagger.
// It keeps the rules' output for the open texts (RuleCache) and the tagger
// it was given or trained, and answers each request once, by id.
import { DEFAULT_PATTERNS } from '../../core/suggest/default-patterns';
import { RuleCache, suggestDocument } from '../../core/suggest/document-suggestions';
import { trainWithHeldOut } from '../../core/suggest/held-out';
import { compilePatterns } from '../../core/suggest/matcher';
import { readModel, type TaggerModel } from '../../core/suggest/tagger';
import type { Envelope, WorkerReply, WorkerRequest, WorkerResults } from './worker-protocol';

const patterns = compilePatterns(DEFAULT_PATTERNS);
const cache = new RuleCache(patterns);
let model: TaggerModel | undefined;

type Scope = {
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', f: (e: MessageEvent) => void): void;
};
const scope = self as unknown as Scope;

function run(request: WorkerRequest): WorkerResults[WorkerRequest['type']] {
  const started = performance.now();
  switch (request.type) {
    case 'suggest': {
      const rules = cache.rules(request.text);
      const candidates = suggestDocument(request.text, request.spans, request.rejected, { rules, model });
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

scope.addEventListener('message', (event: MessageEvent) => {
  const { id, ...request } = event.data as Envelope;
  try {
    scope.postMessage({ id, ok: true, result: run(request as WorkerRequest) });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
