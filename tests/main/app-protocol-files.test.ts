// What app://workbench answers (main/app-protocol-files.ts), on a real folder
// tree: files under the renderer build folder with their MIME types, and a
// refusal for every way out of it (dot segments, encoded slashes, symlinks).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devServerTarget, mimeTypeOf, readAppFile, requestPath } from '../../main/app-protocol-files';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'app-protocol-'));
  root = path.join(base, 'main_window');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(root, 'assets/index-abc.js'), 'export {};');
  writeFileSync(path.join(root, 'assets/index-abc.css'), 'body{}');
  writeFileSync(path.join(root, 'assets/font file.woff2'), 'w');
  writeFileSync(path.join(base, 'secret.txt'), 'outside');
  writeFileSync(path.join(base, 'main_window-evil.html'), 'sibling');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets/escape.txt'));
  symlinkSync(base, path.join(root, 'up'));
  symlinkSync(path.join(root, 'index.html'), path.join(root, 'alias.html'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function get(url: string) {
  return readAppFile(root, url);
}

describe('readAppFile serves the build folder', () => {
  it('answers / and /index.html with the page, as HTML', async () => {
    for (const url of ['app://workbench/', 'app://workbench/index.html', 'app://workbench/index.html?automation=1#x']) {
      const answer = await get(url);
      expect(answer.status, url).toBe(200);
      if (answer.status === 200) {
        expect(answer.body.toString()).toBe('<!doctype html>');
        expect(answer.mimeType).toBe('text/html; charset=utf-8');
      }
    }
  });

  it('gives scripts, styles and fonts their MIME types (module scripts need a JavaScript type)', async () => {
    expect(await get('app://workbench/assets/index-abc.js')).toMatchObject({
      status: 200,
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(await get('app://workbench/assets/index-abc.css')).toMatchObject({
      status: 200,
      mimeType: 'text/css; charset=utf-8',
    });
    expect(await get('app://workbench/assets/font%20file.woff2')).toMatchObject({
      status: 200,
      mimeType: 'font/woff2',
    });
    expect(mimeTypeOf('x.unknown')).toBe('application/octet-stream');
  });

  it('follows a symlink that stays inside the folder', async () => {
    expect(await get('app://workbench/alias.html')).toMatchObject({ status: 200 });
  });

  it('answers 404 for a missing file or a folder', async () => {
    expect(await get('app://workbench/nope.js')).toMatchObject({ status: 404 });
    expect(await get('app://workbench/assets')).toMatchObject({ status: 404 });
  });
});

describe('readAppFile refuses every way out', () => {
  it('refuses encoded dot segments and encoded slashes', async () => {
    for (const url of [
      'app://workbench/..%2fsecret.txt',
      'app://workbench/assets%2f..%2f..%2fsecret.txt',
      'app://workbench/..%5csecret.txt',
      'app://workbench/index.html%00.js',
    ]) {
      const answer = await get(url);
      expect(answer.status, url).toBe(403);
    }
  });

  it('never reads outside the folder for dot segments the URL parser folds (plain or %2e%2e): they stop at the root', async () => {
    for (const url of [
      'app://workbench/../secret.txt',
      'app://workbench/assets/../../secret.txt',
      'app://workbench/../main_window-evil.html',
      'app://workbench/%2e%2e/secret.txt',
      'app://workbench/assets/%2E%2E/%2e%2e/secret.txt',
    ])
      expect((await get(url)).status, url).toBe(404);
  });

  it('refuses a symlink whose target is outside the folder', async () => {
    expect(await get('app://workbench/assets/escape.txt')).toMatchObject({
      status: 403,
      reason: 'symlink leaves the app folder',
    });
    expect(await get('app://workbench/up/secret.txt')).toMatchObject({ status: 403 });
  });

  it('refuses other origins and a malformed escape', async () => {
    expect(await get('app://evil/index.html')).toMatchObject({ status: 403 });
    expect(await get('file:///etc/passwd')).toMatchObject({ status: 403 });
    expect(requestPath('app://workbench/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
  });
});

describe('devServerTarget (development)', () => {
  it('maps the app URL onto the dev server, path and query kept', () => {
    expect(devServerTarget('app://workbench/src/main.ts?t=1', 'http://localhost:5174')).toBe(
      'http://localhost:5174/src/main.ts?t=1',
    );
    expect(devServerTarget('app://workbench/', 'http://localhost:5173/')).toBe('http://localhost:5173/');
  });

  it('refuses other origins and escapes', () => {
    expect(devServerTarget('app://evil/x', 'http://localhost:5173')).toBeUndefined();
    expect(devServerTarget('app://workbench/..%2fx', 'http://localhost:5173')).toBeUndefined();
  });
});
