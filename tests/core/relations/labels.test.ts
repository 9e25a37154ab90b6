import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RELATION_LABELS,
  describeRelationLabel,
  labelsFor,
  parseEnds,
  relationProblem,
  relationsOf,
} from '../../../core/relations/labels';

const label = (name: string) => DEFAULT_RELATION_LABELS.find((l) => l.name === name)!;
const end = (id: string, l: string) => ({ id, label: l });

describe('relation labels', () => {
  it('has the four defaults with distinct keys', () => {
    expect(DEFAULT_RELATION_LABELS.map((l) => l.name)).toEqual(['commits', 'funds', 'involves', 'speaks_for']);
    expect(new Set(DEFAULT_RELATION_LABELS.map((l) => l.key)).size).toBe(4);
    expect(describeRelationLabel(label('funds'))).toBe('actor or commitment → money');
  });

  it('allows what a label connects and refuses the rest with a message', () => {
    expect(relationProblem(label('commits'), end('a', 'actor'), end('b', 'commitment'))).toBeUndefined();
    expect(relationProblem(label('funds'), end('a', 'commitment'), end('b', 'money'))).toBeUndefined();
    expect(relationProblem(label('funds'), end('a', 'country'), end('b', 'money'))).toBe(
      '“funds” connects actor or commitment → money; this goes from country to money',
    );
    expect(relationProblem(label('commits'), end('a', 'actor'), end('a', 'actor'))).toMatch(/two different spans/);
    expect(relationProblem(undefined, end('a', 'actor'), end('b', 'actor'))).toMatch(/no such/);
  });

  it('refuses the same relation twice, and a label with no lists allows anything', () => {
    const existing = [{ head: 'a', child: 'b', label: 'speaks_for' }];
    expect(relationProblem(label('speaks_for'), end('a', 'actor'), end('b', 'actor'), existing)).toMatch(/already/);
    const any = { name: 'rel', color: '#000000', key: 'r', order: 9 };
    expect(relationProblem(any, end('a', 'x'), end('b', 'y'))).toBeUndefined();
  });

  it('offers only the labels a pair of spans may take, and finds the relations of a span', () => {
    expect(labelsFor(DEFAULT_RELATION_LABELS, { label: 'actor' }, { label: 'money' }).map((l) => l.name)).toEqual([
      'funds',
    ]);
    expect(labelsFor(DEFAULT_RELATION_LABELS, { label: 'actor' }, { label: 'actor' }).map((l) => l.name)).toEqual([
      'speaks_for',
    ]);
    const rels = [
      { id: '1', head: 'a', child: 'b' },
      { id: '2', head: 'c', child: 'a' },
      { id: '3', head: 'c', child: 'd' },
    ];
    expect(relationsOf(rels, 'a').map((r) => r.id)).toEqual(['1', '2']);
  });

  it('reads the span labels a rule names, refusing each unknown one by name', () => {
    const spans = ['actor', 'country', 'money', 'commitment'];
    expect(parseEnds(' actor, commitment ,actor,, ', spans)).toEqual(['actor', 'commitment']);
    expect(parseEnds('', spans)).toEqual([]);
    expect(parseEnds('actor, persn, ORG', spans)).toBe(
      '“persn”, “ORG” are not span labels (there are: actor, country, money, commitment).',
    );
    expect(parseEnds('Actor', spans)).toMatch(/^“Actor” is not a span label/);
  });
});
