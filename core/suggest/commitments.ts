// Commitment suggestions by the guidelines: a pledge, agreement, announced
// measure or stated aim, starting at the committing verb phrase ("has
// agreed", "pledged to", "will be hosting", "aims to") or, when the governing
// verb commits no one, at the commitment noun ("shared commitment to ...",
// "determination to ..."), running to the end of the sentence, without the
// subject. Predicted effects ("will help", "will ensure"), abilities ("can")
// and the purpose of a meeting ("met to agree") are left out.
//
// Only a short window around each trigger word is tagged by wink-nlp (POS
// and lemma tell "agreed" the verb from "newly agreed plan" and "aims" the
// verb from "aims" the noun), all windows of a document in one call, which
// keeps a long document fast.
import { candidate, type Candidate } from './candidate';
import { tagWindows, type TaggedToken, type TextWindow } from './nlp';
import { sentenceRanges, type Range } from './sentences';

const TRIGGER =
  /\b(?:agree\w*|pledge\w*|commit\w*|promis\w*|vow\w*|undertak\w*|announc\w*|confirm\w*|aim(?:s|ed)? (?:to|of)|hope[sd]? to|intend\w*|plan(?:s|ned|ning)? to|seek(?:s|ing)? to|set to|will|shall|determination)\b/giu;
/** Characters tagged either side of a trigger: enough for "has also agreed to" and the word after. */
const WINDOW = 26;

/** Verbs that commit their subject when they are the main verb (lemmas). */
const COMMIT_VERBS = new Set(['agree', 'pledge', 'commit', 'promise', 'vow', 'undertake', 'announce', 'confirm']);
/** Verbs that state an aim when followed by "to". */
const AIM_VERBS = new Set(['aim', 'hope', 'intend', 'plan', 'seek', 'set']);
/** After "will": a predicted effect, not a commitment (guidelines: "will help", "will ensure", "will deliver a boost"). */
const EFFECT_VERBS = new Set([
  'help',
  'ensure',
  'deliver',
  'enhance',
  'go',
  'target',
  'benefit',
  'mean',
  'make',
  'allow',
  'enable',
  'lead',
  'provide',
  'boost',
  'improve',
  'increase',
  'reduce',
  'give',
  'see',
  'bring',
  'create',
  'result',
  'cost',
  'affect',
]);
const COMMIT_NOUNS = new Set(['commitment', 'pledge', 'promise', 'determination', 'agreement', 'aim', 'undertaking']);
/** Words before a participle that make it a modifier ("newly agreed plan"), not a commitment. */
const MODIFIER_BEFORE = new Set(['newly', 'the', 'a', 'an', 'jointly', 'previously', 'already', 'to']);
const AUX_BEFORE = new Set([
  'has',
  'have',
  'had',
  'will',
  'shall',
  'would',
  'be',
  'been',
  'is',
  'are',
  'was',
  'were',
  'also',
]);

const isWord = (t: TaggedToken | undefined): t is TaggedToken =>
  t !== undefined && t.pos !== 'SPACE' && t.pos !== 'PUNCT';

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
  for (
    let [t, j] = previousWord(tokens, i);
    t && AUX_BEFORE.has(t.text.toLowerCase());
    [t, j] = previousWord(tokens, j)
  )
    start = j;
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
      if (
        (t.lemma === 'announce' || t.lemma === 'confirm') &&
        ['in', 'by', 'at', 'as', 'on'].includes(next?.text.toLowerCase() ?? '')
      )
        continue; // "measures announced in the plan"
      return verbPhraseStart(tokens, i);
    }
    if (t.pos === 'VERB' && AIM_VERBS.has(t.lemma) && next?.text.toLowerCase() === 'to' && beforeLower !== 'to')
      return verbPhraseStart(tokens, i);
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

/** "will help", "will ensure": predicted effects, told without tagging. */
const EFFECT_AFTER_WILL = new RegExp(`^(?:will|shall)\\s+(?:also\\s+)?(?:${[...EFFECT_VERBS].join('|')})\\b`, 'iu');

/** Trigger positions of each sentence, in order, leaving out the ones plain text already rules out. */
function triggersOf(text: string, sentences: readonly Range[]): number[][] {
  return sentences.map((range) => {
    const found: number[] = [];
    for (const m of text.slice(range.start, range.end).matchAll(TRIGGER)) {
      const at = range.start + (m.index ?? 0);
      if (EFFECT_AFTER_WILL.test(text.slice(at, at + 40))) continue;
      found.push(at);
    }
    return found;
  });
}

/** The window tagged around a trigger at `at`, inside its sentence, snapped to whitespace. */
function windowAt(text: string, range: Range, at: number): TextWindow {
  let start = Math.max(range.start, at - WINDOW);
  let end = Math.min(range.end, at + WINDOW);
  while (start > range.start && !/\s/u.test(text[start - 1])) start--;
  while (end < range.end && !/\s/u.test(text[end])) end++;
  return { start, end };
}

/**
 * Commitment suggestions in `text` (UTF-16 offsets), one per sentence at
 * most. In round r, the r-th trigger of every sentence not yet decided is
 * tagged (all in one wink-nlp call), so later triggers of a sentence whose
 * first one already commits are never tagged.
 */
export function suggestCommitments(text: string): Candidate[] {
  const sentences = sentenceRanges(text);
  const triggers = triggersOf(text, sentences);
  const starts = new Array<number>(sentences.length).fill(-1);
  let pending = sentences.map((_, k) => k).filter((k) => triggers[k].length > 0);
  for (let round = 0; pending.length > 0; round++) {
    const windows = pending.map((k) => windowAt(text, sentences[k], triggers[k][round]));
    const tagged = tagWindows(text, windows);
    pending.forEach((k, i) => {
      const tokens = tagged[i];
      const first = commitmentStart(tokens);
      if (first >= 0 && isWord(tokens[first])) starts[k] = tokens[first].start;
    });
    pending = pending.filter((k) => starts[k] < 0 && triggers[k].length > round + 1);
  }
  const out: Candidate[] = [];
  sentences.forEach((range, k) => {
    if (starts[k] < 0) return;
    const end = range.start + text.slice(range.start, range.end).replace(TRAILING, '').length;
    if (end > starts[k]) out.push(candidate(starts[k], end, 'commitment', 'commitments', 0.6));
  });
  return out;
}
