import { describe, expect, it } from 'vitest';
import { suggestCountries } from '../../../core/suggest/countries';
import { suggestMoney } from '../../../core/suggest/money';

const countries = (t: string) => suggestCountries(t).map((c) => t.slice(c.start, c.end));
const money = (t: string) => suggestMoney(t).map((c) => t.slice(c.start, c.end));

describe('countries', () => {
  it('finds names and aliases from the packages, also inside longer names', () => {
    expect(
      countries('The UK, Britain, USA and the US met France in Northern France and the Kurdistan Region of Iraq.'),
    ).toEqual(['UK', 'Britain', 'USA', 'US', 'France', 'France', 'Iraq']);
    expect(countries('the United\nStates and the United States of America')).toEqual([
      'United\nStates',
      'United States of America',
    ]);
  });

  it('never matches lowercase words, two-letter codes, demonyms or shouted words', () => {
    expect(countries('at by us in turkey. British and French officers. HELP US NOW. North America, Europe')).toEqual(
      [],
    );
  });
});

describe('money', () => {
  it('takes the currency, number and magnitude together', () => {
    expect(money('£84 million, $3bn, 1.2 billion euros, €5, USD 10m, £500,000 and 10 million dollars')).toEqual([
      '£84 million',
      '$3bn',
      '1.2 billion euros',
      '€5',
      'USD 10m',
      '£500,000',
      '10 million dollars',
    ]);
  });

  it('leaves out the words around the amount and trailing punctuation', () => {
    expect(money('a further £84 million. Over £30 million, up to £5.')).toEqual(['£84 million', '£30 million', '£5']);
  });

  it('does not read bare numbers, years or counts as money', () => {
    expect(money('more than 24,000 people in 2024, 1.2 million migrants')).toEqual([]);
  });
});
