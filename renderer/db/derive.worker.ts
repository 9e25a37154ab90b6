// The indexing worker: works out the search terms and MinHash signatures of
// the texts it is sent (rows.ts derivedRowsOf), so the page's thread never
// segments an imported corpus word by word. It holds no state and touches no
// database; the page writes what it answers (background-index.ts).
import { derivedRowsOf } from './rows';

type Request = { id: number; texts: Array<{ id: string; text: string }> };
type Scope = {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', f: (e: MessageEvent<Request>) => void): void;
};
const scope = self as unknown as Scope;

scope.addEventListener('message', (event) => {
  const { id, texts } = event.data;
  try {
    scope.postMessage({ id, ok: true, rows: derivedRowsOf(texts) });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
