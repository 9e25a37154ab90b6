// Country names and aliases from two maintained packages, so that new or
// renamed countries arrive with an update rather than an edit here:
//  - countries-list: the usual English name plus aliases ("UK", "Britain",
//    "US", "USA", "Great Britain", "United States of America");
//  - i18n-iso-countries: the ISO 3166 English names with their alternatives
//    ("Türkiye"/"Turkey", "Czechia"/"Czech Republic", "Russian Federation").
// Both hold some territories besides sovereign states; they are kept (a
// territory is rarely written in these texts, and a missing country costs
// more than a rare extra suggestion). Names written in lowercase, with a comma
// ("Korea, Republic of") or parentheses are dropped, and so are two-letter
// ISO codes: only the aliases these packages list are matched, never "at" or
// "by" (Prodigy's example country patterns would match them).
import { countries } from 'countries-list';
import isoCountries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';

isoCountries.registerLocale(english);

/** Names that are no country name in running text even though a package lists them. */
const NOT_COUNTRY = new Set(['America', 'Micronesia', 'Georgia']);
/** Names the guidelines call countries that the packages write another way. */
const EXTRA = ['Britain', 'Great Britain', 'United States', 'USA', 'US', 'UK', 'Vietnam', 'Türkiye', 'Turkey'];

function usable(name: string): boolean {
  return /^\p{Lu}/u.test(name) && !/[,()]/.test(name) && !NOT_COUNTRY.has(name) && name.length >= 2;
}

/** Every country name to look for, longest first so "United States of America" beats "United States". */
export function countryNames(): string[] {
  const names = new Set<string>(EXTRA);
  for (const country of Object.values(countries)) {
    for (const name of [country.name, ...((country as { alias?: string[] }).alias ?? [])])
      if (usable(name)) names.add(name);
  }
  const iso = isoCountries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  for (const list of Object.values(iso)) for (const name of list) if (usable(name)) names.add(name);
  return [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}
