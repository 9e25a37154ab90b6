// Relation labels and the rule a relation must keep: each label may name the
// span labels its head and its child carry (`heads`/`children`, absent: any).
// A relation that breaks the rule is refused with a message that says what
// the label connects and what was asked, never silently dropped.
import type { Relation, RelationLabel } from '../model';

/** The defaults for the seed label set: who commits, who or what funds, what involves a country, who speaks for whom. */
export const DEFAULT_RELATION_LABELS: readonly RelationLabel[] = [
  { name: 'commits', color: '#6b46c1', key: 'c', order: 0, heads: ['actor'], children: ['commitment'] },
  { name: 'funds', color: '#b7791f', key: 'f', order: 1, heads: ['actor', 'commitment'], children: ['money'] },
  { name: 'involves', color: '#2c7a7b', key: 'v', order: 2, heads: ['commitment'], children: ['country'] },
  { name: 'speaks_for', color: '#2b6cb0', key: 's', order: 3, heads: ['actor'], children: ['actor'] },
];

/** The two ends of a relation as the rule sees them: which span, with which label. */
export interface RelationEnd {
  id: string;
  label: string;
}

const allows = (list: readonly string[] | undefined, label: string) =>
  !list || list.length === 0 || list.includes(label);
const either = (list: readonly string[]) => list.join(' or ');

/** What `label` connects, in words: "actor or commitment → money". */
export function describeRelationLabel(label: RelationLabel): string {
  const heads = label.heads?.length ? either(label.heads) : 'any span';
  const children = label.children?.length ? either(label.children) : 'any span';
  return `${heads} → ${children}`;
}

/** Why a relation `label` from `head` to `child` is refused, or undefined when it is allowed. */
export function relationProblem(
  label: RelationLabel | undefined,
  head: RelationEnd,
  child: RelationEnd,
  existing: readonly Pick<Relation, 'head' | 'child' | 'label'>[] = [],
): string | undefined {
  if (!label) return 'no such relation label';
  if (head.id === child.id) return 'a relation joins two different spans';
  if (!allows(label.heads, head.label) || !allows(label.children, child.label)) {
    return `“${label.name}” connects ${describeRelationLabel(label)}; this goes from ${head.label} to ${child.label}`;
  }
  if (existing.some((r) => r.head === head.id && r.child === child.id && r.label === label.name)) {
    return `these spans already have a “${label.name}” relation`;
  }
  return undefined;
}

/** The relation labels that may join `head` to `child`, in their order. */
export function labelsFor(
  labels: readonly RelationLabel[],
  head: Pick<RelationEnd, 'label'>,
  child: Pick<RelationEnd, 'label'>,
): RelationLabel[] {
  return [...labels]
    .sort((a, b) => a.order - b.order)
    .filter((l) => allows(l.heads, head.label) && allows(l.children, child.label));
}

/** The relations that touch a span: what deleting the span takes with it. */
export function relationsOf<T extends Pick<Relation, 'head' | 'child'>>(relations: Iterable<T>, spanId: string): T[] {
  const out: T[] = [];
  for (const r of relations) if (r.head === spanId || r.child === spanId) out.push(r);
  return out;
}

/**
 * The span labels a relation label's rule names, typed as "actor, commitment":
 * distinct, in the order typed (empty: any span), or the message naming each
 * one that is not a span label, so a typo never silently refuses every relation.
 */
export function parseEnds(value: string, spanLabels: readonly string[]): string[] | string {
  const names = [...new Set(value.split(',').map((n) => n.trim()))].filter(Boolean);
  const unknown = names.filter((n) => !spanLabels.includes(n));
  if (unknown.length === 0) return names;
  const which = unknown.map((n) => `“${n}”`).join(', ');
  return `${which} ${unknown.length === 1 ? 'is not a span label' : 'are not span labels'} (there are: ${spanLabels.join(', ')}).`;
}
