import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

// A Vite plugin for the main process build: PouchDB keeps main's sync replica
// in LevelDB through `leveldown`, a native module. Bundled into .vite/build/
// main.js, each leveldown's `binding.js` runs `require('node-gyp-build')(__dirname)`
// with __dirname now .vite/build, where no binary is: the bundle threw "No
// native build was found" the moment PouchDB loaded, in `npm start` and in the
// packaged app alike (Node tests load leveldown from node_modules and never
// saw it). Two versions are bundled (pouchdb's 6.x and its `level`'s 5.x), so
// each is pointed at a folder of its own, native/leveldown-<version>/, and its
// prebuilt binaries for the platform being built are copied there. Forge
// unpacks `*.node` from app.asar (forge.config.ts), as native code cannot be
// loaded from inside it.
const BINDING = /[\\/]leveldown[\\/]binding\.js$/;

/** The folder, under the build output, that holds the binaries of leveldown `version`. */
export const nativeDir = (version: string): string => path.join('native', `leveldown-${version}`);

export function leveldownPrebuilds(platform: string = process.platform): Plugin {
  const found = new Map<string, string>(); // version -> leveldown's folder in node_modules
  return {
    name: 'leveldown-prebuilds',
    enforce: 'pre', // on binding.js as written, before CommonJS is turned into the bundle's form
    transform(code, id) {
      if (!BINDING.test(id)) return null;
      const dir = path.dirname(id);
      const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
      found.set(version, dir);
      const target = JSON.stringify(nativeDir(version));
      const replaced = code.replace(
        "require('node-gyp-build')(__dirname)",
        `require('node-gyp-build')(require('path').join(__dirname, ${target}))`,
      );
      if (replaced === code) this.error(`leveldown ${version}: binding.js is not the one this plugin knows (${id})`);
      return { code: replaced, map: null };
    },
    writeBundle(options) {
      const out = options.dir ?? path.dirname(options.file ?? '');
      for (const [version, dir] of found) {
        const prebuilds = path.join(dir, 'prebuilds');
        if (!existsSync(prebuilds)) this.error(`leveldown ${version} ships no prebuilt binaries (${prebuilds})`);
        // This platform's binaries only ("linux-x64", "darwin-x64+arm64", ...): packaging runs on the target.
        for (const entry of readdirSync(prebuilds).filter((e) => e.startsWith(`${platform}-`)))
          cpSync(path.join(prebuilds, entry), path.join(out, nativeDir(version), 'prebuilds', entry), {
            recursive: true,
          });
      }
    },
  };
}

// Forge's Vite plugin supplies entry, output folder and externals (electron, node builtins).
export default defineConfig({ plugins: [leveldownPrebuilds()] });
