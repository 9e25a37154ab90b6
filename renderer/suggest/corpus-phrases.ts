// The span texts the researcher asked to have suggested in every document (O):
// kept in settings, read once, handed to the worker with each document. O on
// a text and label asked for already takes the request back, so a slip of the
// key is not forever.
import type { CorpusPhrase } from '../../core/suggest/document-suggestions';
import { phraseRegex } from '../../core/suggest/occurrences';
import type { WorkbenchDb } from '../db/schema';
import { getSetting, putSetting } from '../db/settings-repo';
import { countTextsMatching } from '../db/suggestions-repo';

export class CorpusPhrases {
  private list: Promise<readonly CorpusPhrase[]>;

  constructor(private readonly db: WorkbenchDb) {
    this.list = getSetting(db, 'corpusPhrases', undefined).then((list) => list ?? []);
  }

  /** The phrases asked for, as the worker takes them. */
  async current(): Promise<CorpusPhrase[]> {
    return [...(await this.list)];
  }

  /** Asks for `phrase` everywhere, or takes it back when it was asked for already; `added` says which. */
  async toggle(phrase: CorpusPhrase): Promise<{ added: boolean }> {
    const list = await this.list;
    const same = (p: CorpusPhrase) => p.phrase === phrase.phrase && p.label === phrase.label;
    const added = !list.some(same);
    const next = added ? [...list, phrase] : list.filter((p) => !same(p));
    this.list = Promise.resolve(next);
    await putSetting(this.db, 'corpusPhrases', next);
    return { added };
  }

  /** How many stored documents contain `phrase` where the worker would find it. */
  documentsWith(phrase: CorpusPhrase): Promise<number> {
    const test = phraseRegex(phrase.phrase);
    return countTextsMatching(this.db, (text) => {
      test.lastIndex = 0;
      return test.test(text);
    });
  }
}
