// The application menu: every command reachable once, each item sends its
// command, single-key shortcuts are shown but not registered, text fields get
// Electron's edit roles, and reload/DevTools exist in development only.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../core/commands';
import { menuTemplate } from '../../main/menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...items((m.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);
}

describe('application menu', () => {
  const sent: MenuCommand[] = [];
  const all = items(menuTemplate((c) => sent.push(c), { isMac: false }));
  const commands = all.filter((i) => i.click);

  it('offers every command exactly once, each sending its own name', () => {
    for (const i of commands) (i.click as () => void)();
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('never registers shortcuts itself, so keys typed in a field stay in the field', () => {
    expect(commands.every((i) => i.registerAccelerator === false)).toBe(true);
    expect(all.find((i) => i.label === 'Side by Side')?.accelerator).toBe('S');
  });

  it('has File, Edit, View and Document menus, and the app menu only on macOS', () => {
    expect(menuTemplate(() => {}, { isMac: false }).map((m) => m.label)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Document',
    ]);
    expect(menuTemplate(() => {}, { isMac: true })[0].role).toBe('appMenu');
  });

  const submenu = (template: MenuItemConstructorOptions[], label: string) =>
    (template.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];

  it('gives text fields the edit roles, so Cmd/Ctrl+Z, X, C, V and A work in notes, search and the label editor', () => {
    const roles = submenu(
      menuTemplate(() => {}, { isMac: true }),
      '&Edit',
    )
      .map((i) => i.role)
      .filter(Boolean);
    expect(roles).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('keeps span undo and redo as app commands beside the roles (the page takes Cmd+Z outside fields)', () => {
    const sentHere: MenuCommand[] = [];
    const edit = submenu(
      menuTemplate((c) => sentHere.push(c), { isMac: false }),
      '&Edit',
    );
    for (const i of edit.filter((x) => x.click)) (i.click as () => void)();
    expect(sentHere.slice(0, 2)).toEqual(['undo', 'redo']);
    // Registered, a span-undo accelerator would take Cmd+Z from text fields too.
    expect(edit.filter((x) => x.click).every((x) => x.registerAccelerator === false)).toBe(true);
  });

  it('offers reload and the developer tools in development only', () => {
    const devRoles = submenu(
      menuTemplate(() => {}, { isMac: false, development: true }),
      '&View',
    ).map((i) => i.role);
    expect(devRoles).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    const shipped = items(menuTemplate(() => {}, { isMac: false })).map((i) => i.role);
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(shipped).not.toContain(role);
  });
});
