import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';

/** Who answers for the .deb and where users read about it (Debian's Maintainer and Homepage fields). */
export const MAINTAINER = 'Seed Annotation Workbench team <workbench@seed-annotation.example>';
export const HOMEPAGE = 'https://seed-annotation.example/workbench';

/**
 * What goes into app.asar: only the Vite output (as Forge's Vite plugin would
 * choose by itself; setting `ignore` here replaces its choice) and, of that,
 * no source maps. Packager passes paths starting with '/', relative to the project.
 */
export function ignoreInPackage(file: string): boolean {
  if (!file) return false;
  return !file.startsWith('/.vite') || file.endsWith('.map');
}

const config: ForgeConfig = {
  packagerConfig: {
    // Native code cannot be loaded from inside app.asar: leveldown's binaries (beside main.js, see
    // scripts/vite-leveldown-prebuilds.ts) go to app.asar.unpacked, where Electron finds them.
    asar: { unpack: '**/*.node' },
    name: 'Seed Annotation Workbench',
    executableName: 'seed-annotation-workbench',
    // Packager adds the platform's extension: icon.icns on macOS, icon.ico on Windows.
    icon: 'assets/icon',
    ignore: ignoreInPackage,
    // The seed corpus ships beside the app as resources/seeds; icon.png is the window icon on Linux.
    extraResource: ['seeds', 'assets/icon.png'],
  },
  rebuildConfig: {},
  makers: [
    new MakerZIP({}),
    new MakerDeb({
      options: {
        name: 'seed-annotation-workbench',
        bin: 'seed-annotation-workbench',
        productName: 'Seed Annotation Workbench',
        maintainer: MAINTAINER,
        homepage: HOMEPAGE,
        icon: 'assets/icon.png',
        categories: ['Science', 'Education'],
      },
    }),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'main/main.ts', config: 'vite.main.config.mts', target: 'main' },
        { entry: 'main/preload.ts', config: 'vite.preload.config.mts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.mts' }],
    }),
    // Turned off at package time: what an attacker with a shell could abuse.
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      // The page comes from app://, so file:// needs none of its old extra powers.
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
};

export default config;
