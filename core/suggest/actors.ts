// Actor suggestions by the guidelines, from capitalisation and small word
// lists (no statistical model can be bundled that knows these names):
//  - named organisations: capitalised words ending in an organisation head
//    ("National Crime Agency", "Home Office", "Border Security Command",
//    "UK Government", "EU Commission"); a country in front is kept only
//    when the rest is the head alone ("UK Government"), else dropped;
//  - well-known bodies and groups of states (Interpol, Europol, EU, G7...),
//    acronyms the text defines ("National Crime Agency (NCA)"), and agency
//    credit lines (a line that is just "PA");
//  - a title directly before a name is one span ("Home Secretary Priti
//    Patel", "director general Lynne Owens"); an office title on its own is an
//    actor ("the Home Secretary"), a generic one ("Director General of ...")
//    is not;
//  - person names: two to four capitalised words, none of them a common
//    word (one the text also writes in lowercase, or a listed one), with
//    post-nominals ("Martin Hewitt CBE QPM"); a surname alone is an actor
//    once the full name has appeared.
import { candidate, longestPerLabel, type Candidate } from './candidate';
import { countryNames } from './country-names';
import { startsWithOneOf } from './first-chars';
import { lowercaseWordsOf } from './lowercase-words';
import { tagText } from './nlp';

const ORG_HEAD =
  'Agency|Office|Command|Commission|Force|Government|Ministry|Department|Council|Police|Service|Parliament|Committee|Authority|Bureau|Court|Bank|Union|Organisation|Organization|Unit|Cabinet|Party|Army|Navy|Secretariat';
const CAP = "(?:\\p{Lu}[\\p{L}’'-]*|\\p{Lu}+\\d*)";
/**
 * One to four capitalised words, then an organisation head. Written to start with its capital and look
 * behind it (no letter or digit before), rather than with the look-behind: the engine then skips every
 * position without a capital at once. The same matches as `(?<![\p{L}\p{N}])(?:CAP[ \t]+){1,4}HEAD`.
 */
const ORG = new RegExp(
  `\\p{Lu}(?<![\\p{L}\\p{N}]\\p{Lu})(?:[\\p{L}’'-]*|\\p{Lu}*\\d*)[ \\t]+(?:${CAP}[ \\t]+){0,3}(?:${ORG_HEAD})(?![\\p{L}\\p{N}])`,
  'gu',
);
const KNOWN =
  /(?=[A-Z])(?<![\p{L}\p{N}])(?:Interpol|INTERPOL|Europol|EUROPOL|Frontex|NATO|EU|UN|UNHCR|OSCE|ASEAN|G\d{1,2}|NCA)(?![\p{L}\p{N}])/gu;
/**
 * "(NCA)" after an organisation's name. The parenthesis is found first and the name checked behind it: the
 * same matches as the name followed by the parenthesis, without trying a name at every capital of the text.
 */
const DEFINED_ACRONYM = new RegExp(
  `\\((\\p{Lu}{2,6})\\)(?<=(?:${CAP}[ \\t]+){1,4}(?:${ORG_HEAD})[ \\t]*\\(\\p{Lu}{2,6}\\))`,
  'gu',
);
const CREDIT_LINE = /^[ \t]*(\p{Lu}{2,5})[ \t]*$/gmu;

/** Titles that stand for one office holder and are actors on their own. */
const OFFICE =
  '(?:Deputy\\s+)?Prime\\s+Minister|(?:Home|Foreign|Justice|Defence|Health|Chief)\\s+Secretary|Chancellor(?:\\s+of\\s+the\\s+Exchequer)?|Attorney\\s+General|Border\\s+Security\\s+Commander|(?:European\\s+)?Commissioner\\s+for(?:\\s+\\p{Lu}\\p{L}+)+|Secretary\\s+of\\s+State(?:\\s+for(?:\\s+\\p{Lu}\\p{L}+)+)?';
/** Titles that join a following name but are not actors alone. */
const TITLE = `${OFFICE}|(?:Permanent|General|Cabinet)\\s+Secretary|Director\\s+General|(?:Executive\\s+|Deputy\\s+)?Director|Commander|Commissioner|Chief\\s+Constable|Chief\\s+Executive|(?:Vice\\s+)?President|Minister|Ambassador|Mayor|Governor|Secretary\\s+General|Detective\\s+\\w+|Sir|Dame|Lord|Lady|Dr|Mr|Mrs|Ms`;
const NAME_WORD = "\\p{Lu}\\p{Ll}+(?:[-’']\\p{Lu}\\p{Ll}+)?";
const PARTICLE = 'De|de|Van|van|Von|von|Da|da|Di|di|Le|La|bin|al|El';
const POST_NOMINALS = '(?:[ \\t]+(?:CBE|OBE|MBE|KBE|DBE|QPM|KPM|KC|QC|MP|MEP|VC))*';
/** A title (any case: "HOME SECRETARY", "director general") right before a name. */
const TITLE_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${TITLE})[ \\t]+$`, 'iu');
const OFFICE_ALONE = new RegExp(`(?=[A-Z])(?<![\\p{L}\\p{N}])(?:${OFFICE})(?![\\p{L}\\p{N}])`, 'gu');
/** Cheap test that some title could end right before a name (the full TITLE_BEFORE is costly to run everywhere). */
const TITLE_END =
  /(?:secretary|minister|general|commander|director|commissioner|constable|executive|president|ambassador|mayor|governor|sir|dame|lord|lady|dr|mr|mrs|ms|chancellor|exchequer|state|detective\s+\w+)[ \t]+$|\b(?:commissioner|state)\s+for\b/iu;
/** A run of capitalised words, in which a name is looked for. */
const CAPITALISED_RUN = new RegExp(
  // NAME_WORD with its capital first and the look-behind after it, as ORG (the same matches, found faster).
  `\\p{Lu}(?<![\\p{L}\\p{N}]\\p{Lu})\\p{Ll}+(?:[-’']\\p{Lu}\\p{Ll}+)?(?:[ \\t]+(?:(?:${PARTICLE})[ \\t]+)?${NAME_WORD})+${POST_NOMINALS}(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Capitalised words that are not names (sentence starts, places, events, title words). */
const NOT_NAME = new Set(
  (
    'The A An This That These Those It Its In On At As By For From To Of With And But Or If When While During Since ' +
    'After Before Today Yesterday Tomorrow Unlike Other New Our Their His Her We They He She I You Concrete Serious ' +
    'Criminal Working Improvement International Instrumental National Director General Summit Plan Action Change Day ' +
    'Region Crime Immigration North South East West Western Eastern Northern Southern Middle Central Channel Assembly ' +
    'Commander Secretary Minister Prime Home Office Permanent Executive Commissioner European Border Security Interior ' +
    'Ministers Government Agency Force Command Europe Asia Africa America Balkans Monday Tuesday Wednesday Thursday ' +
    'Friday Saturday Sunday January February March April May June July August September October November December ' +
    'Anti Virtual Organised Organized Network Networks Police Service Department Ministry Council Union Commission'
  ).split(' '),
);

let countrySet: Set<string> | undefined;
const countries = (): Set<string> => (countrySet ??= new Set(countryNames()));

const POST_NOMINAL_WORD = /^(?:CBE|OBE|MBE|KBE|DBE|QPM|KPM|KC|QC|MP|MEP|VC)$/;
const PARTICLE_WORD = new RegExp(`^(?:${PARTICLE})$`);

/** Word classes a name never starts with: "Later Acme Widgets" is no name even though all three are capitalised. */
const NOT_NAME_START = new Set(['ADV', 'ADP', 'DET', 'ADJ', 'PRON', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'NUM', 'INTJ']);
const classes = new Map<string, string>();

/** wink-nlp's part of speech for a word read on its own, lowercased (cached; unknown names read as NOUN). */
function wordClass(word: string): string {
  const key = word.toLowerCase();
  let pos = classes.get(key);
  if (pos === undefined) {
    if (classes.size > 50_000) classes.clear();
    pos = tagText(key)[0]?.pos ?? 'X';
    classes.set(key, pos);
  }
  return pos;
}

function looksLikeName(words: string[], isLowercaseWord: (word: string) => boolean): boolean {
  if (words.length > 0 && NOT_NAME_START.has(wordClass(words[0]))) return false;
  const core = words.filter((w) => !POST_NOMINAL_WORD.test(w) && !PARTICLE_WORD.test(w));
  if (countries().has(words.join(' '))) return false;
  return (
    core.length >= 2 &&
    core.length <= 4 &&
    core.every((w) => !NOT_NAME.has(w) && !countries().has(w) && !isLowercaseWord(w.toLowerCase()))
  );
}

/** Words that start a capitalised run without belonging to the name after them. */
const NOT_ORG_START = new Set(
  (
    'The A An This That These Those Its Our Their His Her In On At As By For From To Of With And But Or If When While ' +
    'During Since After Before Today Unlike Other New Instrumental Under Through'
  ).split(' '),
);

function organisations(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(ORG)) {
    const words = [...m[0].matchAll(/\S+/gu)].map((w) => ({ word: w[0], at: (m.index ?? 0) + (w.index ?? 0) }));
    let first = 0;
    while (words.length - first > 1 && NOT_ORG_START.has(words[first].word)) first++;
    // "UK Border Security Command" -> "Border Security Command"; "UK Government" stays whole.
    if (words.length - first > 2 && (countries().has(words[first].word) || words[first].word === 'EU')) first++;
    if (words.length - first >= 2)
      out.push(candidate(words[first].at, (m.index ?? 0) + m[0].length, 'actor', 'actors', 0.8));
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every place one of `words` stands alone in `text` (no letter or digit beside it): one scan for all of them. */
function wordsIn(text: string, words: ReadonlySet<string>): Array<{ word: string; at: number }> {
  if (words.size === 0) return [];
  // Longest first: where two words start at one place ("Smith-Jones", "Smith") the longer one is the match.
  const any = [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const start = startsWithOneOf(words);
  const found = text.matchAll(new RegExp(`${start}(?<![\\p{L}\\p{N}])(?:${any})(?![\\p{L}\\p{N}])`, 'gu'));
  return [...found].map((m) => ({ word: m[0], at: m.index ?? 0 }));
}

/** Actor suggestions in `text` (UTF-16 offsets), same-label overlaps resolved to the longest. */
export function suggestActors(text: string): Candidate[] {
  const out: Candidate[] = [];
  const isLowercaseWord = lowercaseWordsOf(text);
  organisations(text, out);
  for (const m of text.matchAll(KNOWN))
    out.push(candidate(m.index ?? 0, (m.index ?? 0) + m[0].length, 'actor', 'actors', 0.9));
  const acronyms = new Set([...text.matchAll(DEFINED_ACRONYM)].map((m) => m[1]));
  for (const m of wordsIn(text, acronyms)) out.push(candidate(m.at, m.at + m.word.length, 'actor', 'actors', 0.85));
  for (const m of text.matchAll(CREDIT_LINE)) {
    const at = (m.index ?? 0) + m[0].indexOf(m[1]);
    if (!countries().has(m[1])) out.push(candidate(at, at + m[1].length, 'actor', 'actors', 0.6));
  }
  for (const m of text.matchAll(OFFICE_ALONE))
    out.push(candidate(m.index ?? 0, (m.index ?? 0) + m[0].length, 'actor', 'actors', 0.75));
  const surnames = new Set<string>();
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    // A capitalised run may start with title words ("Home Secretary Priti
    // Patel"): drop words from the left until the rest reads as a name.
    const words = [...m[0].matchAll(/\S+/gu)].map((w) => ({ word: w[0], at: (m.index ?? 0) + (w.index ?? 0) }));
    let first = 0;
    while (
      words.length - first >= 2 &&
      !looksLikeName(
        words.slice(first).map((w) => w.word),
        isLowercaseWord,
      )
    )
      first++;
    if (words.length - first < 2) continue;
    const at = words[first].at;
    const end = (m.index ?? 0) + m[0].length;
    const before = text.slice(Math.max(0, at - 60), at);
    const title = TITLE_END.test(before) ? TITLE_BEFORE.exec(before) : null;
    if (title) out.push(candidate(at - title[0].length, end, 'actor', 'actors', 0.85));
    else out.push(candidate(at, end, 'actor', 'actors', 0.7));
    const last = words
      .map((w) => w.word)
      .filter((w) => /^\p{Lu}\p{Ll}/u.test(w))
      .at(-1);
    if (last) surnames.add(last);
  }
  for (const m of wordsIn(text, surnames)) out.push(candidate(m.at, m.at + m.word.length, 'actor', 'actors', 0.6));
  return longestPerLabel(out);
}
