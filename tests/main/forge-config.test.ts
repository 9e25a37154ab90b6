// The packaging settings in forge.config.ts: the Electron fuses flipped into
// the shipped binary, the asar archive, and the seeds shipped beside it.
// Fuses are only written at package time, so this is where a regression shows
// before a release.
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import config from '../../forge.config';

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

  it('encrypts cookies at rest', () => {
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });
});

describe('packager settings', () => {
  it('packs the app into an asar archive (needed by the asar fuses above)', () => {
    expect(config.packagerConfig?.asar).toBe(true);
  });

  it('ships the seed corpus as an extra resource, outside the asar', () => {
    expect(config.packagerConfig?.extraResource).toEqual(['seeds']);
  });

  it('builds main and preload with the Vite plugin, and the window renderer the main process loads', () => {
    const vite = plugin('vite') as unknown as { config: { build: { entry: string; target: string }[]; renderer: { name: string }[] } };
    expect(vite.config.build.map((b) => [b.entry, b.target])).toEqual([['main/main.ts', 'main'], ['main/preload.ts', 'preload']]);
    expect(vite.config.renderer.map((r) => r.name)).toEqual(['main_window']);
  });
});
