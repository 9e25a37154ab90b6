// The app as it ships: `electron-forge package` output (app.asar, flipped
// fuses, resources/seeds), started as a user starts it. The other Electron
// suite runs the unpackaged bundle; this one proves the packaging. Skipped,
// with a line saying why, where no Electron binary can be had.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR, waitReady } from '../../support/app-page';
import { ensureElectronBinary, freshUserDataDir, reportSkip } from '../../support/electron-app';
import { launchPackaged, packageApp, type PackagedLayout, type PackagedSession } from '../../support/electron-packaged';

const binary = await ensureElectronBinary();
reportSkip('electron packaged e2e', binary);

const seedNames = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
/** FuseState's bytes in the wire: '0' off, '1' on. */
const OFF = 48;
const ON = 49;

describe.skipIf(!binary.found)('electron: the packaged app', () => {
  let layout: PackagedLayout;
  let session: PackagedSession;
  let userData: string;

  beforeAll(async () => {
    layout = packageApp();
    userData = freshUserDataDir();
    session = await launchPackaged(layout.executable, userData);
    await waitReady(session.page);
  }, 900_000);
  afterAll(async () => {
    await session?.browser.close().catch(() => undefined);
    session?.child.kill();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('shows the seeds shipped in resources/seeds', async () => {
    expect(
      readdirSync(path.join(layout.resources, 'seeds'))
        .filter((f) => f.endsWith('.txt'))
        .sort(),
    ).toEqual(seedNames);
    const names = await session.page.$$eval('.doc-item .doc-name', (els) => els.map((e) => e.textContent));
    expect(names).toEqual(seedNames);
  });

  it('loads its page from app://workbench, with no Node in it', async () => {
    expect(session.page.url()).toMatch(/^app:\/\/workbench\//);
    expect(await session.page.evaluate(() => typeof (globalThis as Record<string, unknown>).require)).toBe('undefined');
  });

  it('has its fuses flipped as forge.config.ts says', async () => {
    const wire = (await getCurrentFuseWire(layout.executable)) as unknown as Record<number, number>;
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
  });

  it('packs the Vite output into app.asar, without source maps or sources', () => {
    const files = listPackage(path.join(layout.resources, 'app.asar'), { isPack: false });
    expect(files).toEqual(expect.arrayContaining([path.join('/', '.vite', 'build', 'main.cjs')]));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it('ships the window icon beside the archive', () => {
    expect(readdirSync(layout.resources)).toContain('icon.png');
  });
});
