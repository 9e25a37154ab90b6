// The packaging settings in forge.config.ts: the Electron fuses flipped into
// the shipped binary, the asar archive, and the seeds shipped beside it.
// Fuses are only written at package time, so this is where a regression shows
// before a release.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import config, { ignoreInPackage } from '../../forge.config';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/** The deb maker's options (MakerDeb keeps its constructor argument as `configOrConfigFetcher`). */
function debOptions(): { icon?: string; maintainer?: string; homepage?: string } {
  const deb = (config.makers ?? []).find((m) => (m as { name?: string }).name === 'deb') as unknown as
    { configOrConfigFetcher: { options: Record<string, string> } } | undefined;
  if (!deb) throw new Error('no deb maker in forge.config.ts');
  return deb.configOrConfigFetcher.options;
}

type FusePlugin = { name: string; fusesConfig: Record<string | number, unknown> };

function plugin(name: string): FusePlugin {
  const found = (config.plugins ?? []).filter((p) => (p as { name?: string }).name === name);
  if (found.length !== 1) throw new Error(`expected one ${name} plugin in forge.config.ts, found ${found.length}`);
  return found[0] as unknown as FusePlugin;
}

const fuses = plugin('fuses').fusesConfig;

describe('Electron fuses', () => {
  it('uses fuse schema V1', () => {
    expect(fuses.version).toBe(FuseVersion.V1);
  });

  it('the binary cannot be run as plain Node (RunAsNode off)', () => {
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
  });

  it('ignores NODE_OPTIONS and --inspect flags', () => {
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
  });

  it('loads the app only from a checked app.asar', () => {
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });

  it('gives file:// none of its old extra privileges (the page is served from app://)', () => {
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('encrypts cookies at rest', () => {
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });
});

describe('packager settings', () => {
  it('packs the app into an asar archive (needed by the asar fuses above), native binaries unpacked', () => {
    // leveldown's binaries sit beside main.js (vite.main.config.mts); native code cannot load from inside asar.
    expect(config.packagerConfig?.asar).toEqual({ unpack: '**/*.node' });
  });

  it('ships the seed corpus (and the Linux window icon) as extra resources, outside the asar', () => {
    expect(config.packagerConfig?.extraResource).toEqual(['seeds', 'assets/icon.png']);
  });

  it('packs only the Vite output into app.asar, and no source maps', () => {
    expect(ignoreInPackage('/.vite/build/main.cjs')).toBe(false);
    expect(ignoreInPackage('/.vite/renderer/main_window/assets/index-abc.js')).toBe(false);
    expect(ignoreInPackage('/.vite/renderer/main_window/assets/index-abc.js.map')).toBe(true);
    expect(ignoreInPackage('/.vite/build/main.cjs.map')).toBe(true);
    for (const file of ['/node_modules/dexie/package.json', '/renderer/ui/app.ts', '/seeds/a.txt', '/tests/x.ts'])
      expect(ignoreInPackage(file), file).toBe(true);
    expect(config.packagerConfig?.ignore).toBe(ignoreInPackage);
  });

  it('has an icon on every platform: packager adds .icns/.ico, the deb takes the PNG', () => {
    expect(config.packagerConfig?.icon).toBe('assets/icon');
    for (const ext of ['png', 'icns', 'ico'])
      expect(existsSync(path.join(PROJECT_ROOT, `assets/icon.${ext}`)), ext).toBe(true);
    expect(debOptions().icon).toBe('assets/icon.png');
  });

  it('gives the deb a maintainer with an e-mail address and a homepage', () => {
    expect(debOptions().maintainer).toMatch(/^[^<>]+ <[^@<>\s]+@[^@<>\s]+\.[a-z]+>$/);
    expect(debOptions().homepage).toMatch(/^https:\/\//);
  });

  it('builds main and preload with the Vite plugin, and the window renderer the main process loads', () => {
    const vite = plugin('vite') as unknown as {
      config: { build: { entry: string; target: string }[]; renderer: { name: string }[] };
    };
    expect(vite.config.build.map((b) => [b.entry, b.target])).toEqual([
      ['main/main.ts', 'main'],
      ['main/preload.ts', 'preload'],
    ]);
    expect(vite.config.renderer.map((r) => r.name)).toEqual(['main_window']);
  });
});
