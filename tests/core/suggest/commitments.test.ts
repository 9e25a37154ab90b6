import { describe, expect, it } from 'vitest';
import { suggestCommitments } from '../../../core/suggest/commitments';

const commitments = (t: string) => suggestCommitments(t).map((c) => t.slice(c.start, c.end));

describe('commitments by the guidelines', () => {
  it('starts at the committing verb phrase, without the subject, and runs to the end of the sentence', () => {
    expect(commitments('The Home Secretary has agreed a major international plan to smash criminal gangs.')).toEqual([
      'has agreed a major international plan to smash criminal gangs',
    ]);
    expect(commitments('Italy will be hosting the G6 2022 meeting.')).toEqual(['will be hosting the G6 2022 meeting']);
    expect(commitments('It aims to offer migrants more choices.')).toEqual(['aims to offer migrants more choices']);
  });

  it('starts at the commitment noun when the governing verb commits no one', () => {
    expect(commitments('It affirms a shared commitment to working together.')).toEqual([
      'shared commitment to working together',
    ]);
    expect(commitments('It reflects our determination to work with global partners.')).toEqual([
      'determination to work with global partners',
    ]);
  });

  it('leaves out predicted effects, past actions, abilities, opinions and the purpose of a meeting', () => {
    const text = [
      'The plan will help to increase returns.',
      'This approach will enhance the capabilities of the command.',
      'The UK Government launches landmark changes.',
      'We can crack down on organised gangs.',
      'It is vital that the community continues to work together.',
      'Leaders met to agree actions to secure our borders.',
      'Today’s newly agreed G7 action plan provides an important focus.',
    ].join(' ');
    expect(commitments(text)).toEqual([]);
  });

  it('keeps each commitment inside its sentence in hard-wrapped text', () => {
    const text = [
      'The report was published in the spring and read',
      'by many people across the country. In addition, today the',
      'Home Secretary confirmed over £30 million',
      'in funding to tackle networks. This significant',
      'funding package helps communities and',
      'their families.',
    ].join('\n');
    expect(commitments(text)).toEqual(['confirmed over £30 million\nin funding to tackle networks']);
  });
});
