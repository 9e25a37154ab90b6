#!/usr/bin/env node
// Renders assets/icon.svg into the icon files Forge needs, with the Debian
// Chromium the tests use (playwright-core), then png2icns (icnsutils) and
// icotool (icoutils): icon.png (1024 px, Linux window and .deb), icon.icns
// (macOS), icon.ico (Windows). Run: node assets/render-icons.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = import.meta.dirname;
const svg = readFileSync(path.join(here, 'icon.svg'), 'utf8');
const work = mkdtempSync(path.join(tmpdir(), 'icons-'));
const png = (size) => path.join(work, `icon-${size}.png`);

const browser = await chromium.launch({
  executablePath: process.env.SEED_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
for (const size of [1024, 512, 256, 128, 48, 32, 16]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<body style="margin:0">${svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`)}</body>`,
  );
  await page.screenshot({ path: png(size), omitBackground: true });
  await page.close();
}
await browser.close();

execFileSync('cp', [png(1024), path.join(here, 'icon.png')]);
// png2icns takes the sizes ICNS has slots for (16-1024; 48 has none).
execFileSync('png2icns', [path.join(here, 'icon.icns'), png(1024), png(512), png(256), png(128), png(32), png(16)]);
execFileSync('icotool', ['-c', '-o', path.join(here, 'icon.ico'), png(256), png(48), png(32), png(16)]);
rmSync(work, { recursive: true, force: true });
console.log('render-icons: wrote assets/icon.png, icon.icns, icon.ico');
