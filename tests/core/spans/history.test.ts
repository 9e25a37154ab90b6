import { describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import { emptyHistory, invertStep, MAX_STEPS, record, recordNoteEdit, redo, undo } from '../../../core/spans/history';

const span = (id: string, patch: Partial<Span> = {}): Span => ({
  id,
  docId: 'd',
  start: 0,
  end: 3,
  label: 'actor',
  text: 'abc',
  note: '',
  createdAt: 1,
  updatedAt: 1,
  ...patch,
});

describe('annotation undo history', () => {
  it('undoes an add as a remove and redoes it', () => {
    const h1 = record(emptyHistory, [{ kind: 'add', span: span('a') }]);
    const u = undo(h1)!;
    expect(u.apply).toEqual([{ kind: 'remove', span: span('a') }]);
    const r = redo(u.history)!;
    expect(r.apply).toEqual([{ kind: 'add', span: span('a') }]);
    expect(r.history).toEqual(h1);
  });

  it('undoes a multi-change step in reverse order as one', () => {
    const step = [
      { kind: 'add' as const, span: span('a') },
      { kind: 'update' as const, before: span('a'), after: span('a', { label: 'money' }) },
    ];
    expect(invertStep(step)).toEqual([
      { kind: 'update', before: span('a', { label: 'money' }), after: span('a') },
      { kind: 'remove', span: span('a') },
    ]);
  });

  it('drops the redo branch on a new change and caps its length', () => {
    let h = record(emptyHistory, [{ kind: 'add', span: span('a') }]);
    h = undo(h)!.history;
    h = record(h, [{ kind: 'add', span: span('b') }]);
    expect(h.undone).toEqual([]);
    for (let i = 0; i < MAX_STEPS + 10; i++) h = record(h, [{ kind: 'add', span: span(`x${i}`) }]);
    expect(h.done).toHaveLength(MAX_STEPS);
    expect(undo(emptyHistory)).toBeNull();
    expect(redo(emptyHistory)).toBeNull();
  });

  it('merges consecutive note edits of one span into a single undo step', () => {
    const s0 = span('a');
    let h = recordNoteEdit(emptyHistory, [{ kind: 'update', before: s0, after: { ...s0, note: 'h' } }]);
    h = recordNoteEdit(h, [{ kind: 'update', before: { ...s0, note: 'h' }, after: { ...s0, note: 'hi' } }]);
    expect(h.done).toHaveLength(1);
    expect(undo(h)!.apply).toEqual([{ kind: 'update', before: { ...s0, note: 'hi' }, after: s0 }]);
    h = recordNoteEdit(h, [{ kind: 'update', before: span('b'), after: span('b', { note: 'x' }) }]);
    expect(h.done).toHaveLength(2);
  });
});
