// Rows for the relation repository tests: spans and relations of document
// 'd' over one short text, as the app stores them (UTF-16 offsets, version 1).
import type { Relation, Span } from '../../core/model';

export const RELATION_TEXT = 'The Home Secretary pledged £5 million.';

export const spanRow = (id: string, start: number, end: number, label: string): Span => ({
  id,
  docId: 'd',
  start,
  end,
  label,
  text: RELATION_TEXT.slice(start, end),
  note: '',
  version: 1,
  createdAt: 1,
  updatedAt: 1,
});

export const relationRow = (id: string, head: string, child: string, label: string): Relation => ({
  id,
  docId: 'd',
  head,
  child,
  label,
  version: 1,
  createdAt: 1,
  updatedAt: 1,
});
