// The application menu: every command reachable once, each item sends its
// command, and single-key shortcuts are shown but not registered.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../core/commands';
import { menuTemplate } from '../../main/menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...items((m.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);
}

describe('application menu', () => {
  const sent: MenuCommand[] = [];
  const all = items(menuTemplate((c) => sent.push(c), false));
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
    expect(menuTemplate(() => {}, false).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Document']);
    expect(menuTemplate(() => {}, true)[0].role).toBe('appMenu');
  });
});
