// Commitment suggestions by the guidelines: a pledge, agreement, announced
// measure or stated aim, starting at the committing verb phrase ("has
// agreed", "pledged to", "will be hosting", "aims to") or, when the governing
// verb commits no one, at the commitment noun ("shared commitment to ...",
// "determination to ..."), running to the end of the sentence, without the
// subject. Predicted effects ("will help", "will ensure"), abilities ("can")
// and the purpose of a meeting ("met to agree") are left out.
//
// Only sentences holding a trigger word are tagged by wink-nlp (POS and
// lemma tell "agreed" the verb from "newly agreed plan" and "aims" the verb
// from "aims" the noun), which keeps a long document fast.
import { candidate, type Candidate } from './candidate';
import { tagText, type TaggedToken } from './nlp';
import { sentenceRanges } from './sentences';

const TRIGGER = /\b(?:agree|pledge|commit|promis|vow|undertak|announc|confirm|aim|hope|intend|plan|seek|set to|will|determination)/iu;

/** Verbs that commit their subject when they are the main verb (lemmas). */
const COMMIT_VERBS = new Set(['agree', 'pledge', 'commit', 'promise', 'vow', 'undertake', 'announce', 'confirm']);
/** Verbs that state an aim when followed by "to". */
const AIM_VERBS = new Set(['aim', 'hope', 'intend', 'plan', 'seek', 'set']);
/** After "will": a predicted effect, not a commitment (guidelines: "will help", "will ensure", "will deliver a boost"). */
const EFFECT_VERBS = new Set([
  'help', 'ensure', 'deliver', 'enhance', 'go', 'target', 'benefit', 'mean', 'make', 'allow', 'enable', 'lead',
  'provide', 'boost', 'improve', 'increase', 'reduce', 'give', 'see', 'bring', 'create', 'result', 'cost', 'affect',
]);
const COMMIT_NOUNS = new Set(['commitment', 'pledge', 'promise', 'determination', 'agreement', 'aim', 'undertaking']);
/** Words before a participle that make it a modifier ("newly agreed plan"), not a commitment. */
const MODIFIER_BEFORE = new Set(['newly', 'the', 'a', 'an', 'jointly', 'previously', 'already', 'to']);
const AUX_BEFORE = new Set(['has', 'have', 'had', 'will', 'shall', 'would', 'be', 'been', 'is', 'are', 'was', 'were', 'also']);

const isWord = (t: TaggedToken | undefined): t is TaggedToken => t !== undefined && t.pos !== 'SPACE' && t.pos !== 'PUNCT';

function nextWord(tokens: readonly TaggedToken[], i: number): TaggedToken | undefined {
  for (let j = i + 1; j < tokens.length; j++) if (tokens[j].pos !== 'SPACE') return tokens[j];
  return undefined;
}

function previousWord(tokens: readonly TaggedToken[], i: number): [TaggedToken | undefined, number] {
  for (let j = i - 1; j >= 0; j--) if (tokens[j].pos !== 'SPACE') return [tokens[j], j];
  return [undefined, -1];
}

/** Start of the verb phrase ending at token `i`: back over auxiliaries and "also". */
function verbPhraseStart(tokens: readonly TaggedToken[], i: number): number {
  let start = i;
  for (let [t, j] = previousWord(tokens, i); t && AUX_BEFORE.has(t.text.toLowerCase()); [t, j] = previousWord(tokens, j)) start = j;
  return start;
}

/** Index of the token where a commitment starts in this sentence, or -1. */
export function commitmentStart(tokens: readonly TaggedToken[]): number {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const lower = t.text.toLowerCase();
    const next = nextWord(tokens, i);
    const [before] = previousWord(tokens, i);
    const beforeLower = before?.text.toLowerCase() ?? '';
    if (lower === 'will' || lower === 'shall') {
      let j = i;
      let verb = nextWord(tokens, j);
      while (verb && (verb.text.toLowerCase() === 'also' || verb.text.toLowerCase() === 'be')) {
        j = tokens.indexOf(verb);
        verb = nextWord(tokens, j);
      }
      if (verb && (verb.pos === 'VERB' || verb.pos === 'AUX') && !EFFECT_VERBS.has(verb.lemma.toLowerCase())) return i;
      continue;
    }
    if (t.pos === 'VERB' && COMMIT_VERBS.has(t.lemma) && !MODIFIER_BEFORE.has(beforeLower)) {
      if ((t.lemma === 'announce' || t.lemma === 'confirm') && ['in', 'by', 'at', 'as', 'on'].includes(next?.text.toLowerCase() ?? '')) continue; // "measures announced in the plan"
      return verbPhraseStart(tokens, i);
    }
    if (t.pos === 'VERB' && AIM_VERBS.has(t.lemma) && next?.text.toLowerCase() === 'to' && beforeLower !== 'to') return verbPhraseStart(tokens, i);
    if ((t.pos === 'NOUN' || t.pos === 'PROPN') && COMMIT_NOUNS.has(t.lemma.toLowerCase())) {
      const follow = next?.text.toLowerCase();
      if (follow !== 'to' && !(t.lemma === 'aim' && follow === 'of')) continue;
      let start = i;
      for (let [p, j] = previousWord(tokens, i); p && p.pos === 'ADJ'; [p, j] = previousWord(tokens, j)) start = j;
      return start;
    }
  }
  return -1;
}

const TRAILING = /[\s.,;:!?”"’')\]–—-]+$/u;

/** Commitment suggestions in `text` (UTF-16 offsets), one per sentence at most. */
export function suggestCommitments(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const range of sentenceRanges(text)) {
    const sentence = text.slice(range.start, range.end);
    if (!TRIGGER.test(sentence)) continue;
    const tokens = tagText(sentence, range.start);
    const first = commitmentStart(tokens);
    if (first < 0 || !isWord(tokens[first])) continue;
    const start = tokens[first].start;
    const end = range.start + sentence.replace(TRAILING, '').length;
    if (end > start) out.push(candidate(start, end, 'commitment', 'commitments', 0.6));
  }
  return out;
}
