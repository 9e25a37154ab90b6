// The key table: each key means one command name, the key help is generated
// from the same table, and keys typed into fields are left alone.
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../../core/commands';
import { commandFor, KEY_BINDINGS, keyHelp } from '../../../renderer/ui/keyboard';

const press = (key: string, mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) =>
  commandFor({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keyboard table', () => {
  it('maps keys to command names as the key help says', () => {
    expect(press('Tab')).toBe('nextSpan');
    expect(press('Tab', { shiftKey: true })).toBe('previousSpan');
    expect(press('z', { ctrlKey: true })).toBe('undo');
    expect(press('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(press('y', { metaKey: true })).toBe('redo');
    expect(press(']')).toBe('nextDocument');
    expect(press('D', { shiftKey: true })).toBe(undefined); // Shift+D is not "done"
    expect(press('d')).toBe('markDone');
    expect(press('P', { shiftKey: true })).toBe('projectPassage');
    expect(press('a', { altKey: true })).toBe(undefined);
    expect(press('1')).toBe(undefined); // label keys are the labels' own
    expect(press('x')).toBe('rejectSuggestion');
    expect(press('j')).toBe('nextSuggestion');
    expect(press('K', { shiftKey: true })).toBe(undefined);
  });

  it('binds no key twice and names only real commands', () => {
    const seen = new Set<string>();
    for (const b of KEY_BINDINGS) {
      for (const shift of b.shift === undefined ? [true, false] : [b.shift]) {
        const id = `${b.mod ? 'mod+' : ''}${shift ? 'shift+' : ''}${b.key}`;
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
    const keyOnly = [
      'nextSpan',
      'previousSpan',
      'deleteSpan',
      'clearSelection',
      'focusNote',
      'acceptSelected',
      'rejectSuggestion',
      'nextSuggestion',
      'previousSuggestion',
      'findEverywhere',
      'relateSpan',
    ];
    for (const b of KEY_BINDINGS) expect([...MENU_COMMANDS, ...keyOnly]).toContain(b.command);
  });

  it('generates the key help from the table', () => {
    const help = new Map(keyHelp('1–4').map(([keys, what]) => [what, keys]));
    expect(help.get('tag selection')).toBe('1–4');
    expect(help.get('next / previous span')).toBe('Tab / ⇧Tab');
    expect(help.get('undo / redo')).toBe('Ctrl+Z / Ctrl+⇧Z');
    expect(help.get('previous / next document')).toBe('[ / ]');
    expect(help.get('accept suggestion / all of its label')).toBe('A / ⇧A');
    expect(help.get('reject suggestion')).toBe('X');
    expect(help.get('next / previous suggestion')).toBe('J / K');
  });
});
