import { describe, expect, it } from 'vitest';
import { suggestActors } from '../../../core/suggest/actors';

const actors = (t: string) => suggestActors(t).map((c) => t.slice(c.start, c.end));

describe('actors by the guidelines', () => {
  it('keeps a title directly in front of a name in one span, in any case', () => {
    expect(actors('HOME SECRETARY Priti Patel has led talks.')).toEqual(['HOME SECRETARY Priti Patel']);
    expect(actors('It was joined by the director general Lynne Owens today.')).toEqual([
      'director general Lynne Owens',
    ]);
    expect(actors('New Commander Martin Hewitt CBE QPM spoke.')).toEqual(['Commander Martin Hewitt CBE QPM']);
  });

  it('splits a title set off by a comma, and tags an office title alone', () => {
    expect(actors('The UK’s Home Secretary, Yvette Cooper, said so. The Prime Minister agreed.')).toEqual([
      'Home Secretary',
      'Yvette Cooper',
      'Prime Minister',
    ]);
  });

  it('tags the organisation and the person, not a title that names the organisation', () => {
    expect(actors('Executive Director of Europol, Catherine De Bolle, spoke.')).toEqual([
      'Europol',
      'Catherine De Bolle',
    ]);
  });

  it('finds named organisations, defined acronyms and groups of states', () => {
    const text =
      'The National Crime Agency (NCA) and the UK Government met G7 partners; the NCA and the Home Office agreed.';
    expect(actors(text)).toEqual(['National Crime Agency', 'NCA', 'UK Government', 'G7', 'NCA', 'Home Office']);
  });

  it('drops a country in front of a longer organisation name but keeps "UK Government" whole', () => {
    expect(actors('to set up the UK Border Security Command and the UK Government')).toEqual([
      'Border Security Command',
      'UK Government',
    ]);
  });

  it('tags a surname alone once the full name has appeared', () => {
    expect(actors('Priti Patel spoke. “We act,” explained Patel.')).toEqual(['Priti Patel', 'Patel']);
  });

  it('leaves out generic groups, events, plans, places and countries', () => {
    const text =
      'Ministers and the government met criminal gangs. The G7 Anti-Smuggling Action Plan covers the Western Balkans, North America and the United States.';
    expect(actors(text)).toEqual(['G7']);
  });
});
