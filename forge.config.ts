import type { ForgeConfig } from '@electron-forge/shared-types';
import { MakerZIP } from '@electron-forge/maker-zip';
import { MakerDeb } from '@electron-forge/maker-deb';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const config: ForgeConfig = {
  packagerConfig: {
    asar: true,
    name: 'Seed Annotation Workbench',
    executableName: 'seed-annotation-workbench',
    // The seed corpus ships beside the app as resources/seeds.
    extraResource: ['seeds'],
  },
  rebuildConfig: {},
  makers: [new MakerZIP({}), new MakerDeb({ options: { name: 'seed-annotation-workbench', bin: 'seed-annotation-workbench' } })],
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
    }),
  ],
};

export default config;
