// The Content Security Policy of the page the app loads (renderer/index.html,
// copied unchanged into the build). The Chromium suite
// (tests/e2e/chromium/security.test.ts) proves the browser enforces it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspOf, parseCsp } from '../support/csp';

const INDEX = path.resolve(import.meta.dirname, '../../renderer/index.html');

const html = readFileSync(INDEX, 'utf8');
const csp = parseCsp(cspOf(html));
const allSources = [...csp.values()].flat();

describe('renderer CSP', () => {
  it('is declared once, in the <head>, before any script', () => {
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head.indexOf('Content-Security-Policy')).toBeGreaterThan(-1);
    expect(head.indexOf('Content-Security-Policy')).toBeLessThan(head.indexOf('<script'));
  });

  it("denies by default: default-src 'none'", () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
  });

  it("runs scripts from our own bundle only: script-src 'self'", () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it("allows no plugins, no <base> and no network: object-src, base-uri, connect-src 'none'", () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('allows no inline code and no eval anywhere', () => {
    for (const banned of [
      "'unsafe-inline'",
      "'unsafe-eval'",
      "'wasm-unsafe-eval'",
      "'unsafe-hashes'",
      "'strict-dynamic'",
    ])
      expect(allSources, banned).not.toContain(banned);
    expect(allSources.some((s) => /^'(nonce|sha\d+)-/.test(s))).toBe(false);
  });

  it('names no remote origin: no http:, https:, ws:, wildcard or host', () => {
    const local = new Set(["'self'", "'none'", 'data:']);
    const remote = allSources.filter((s) => !local.has(s));
    expect(remote).toEqual([]);
  });

  it('every directive it sets is one a browser knows (no typo silently ignored)', () => {
    const known = [
      'default-src',
      'script-src',
      'style-src',
      'img-src',
      'font-src',
      'connect-src',
      'object-src',
      'base-uri',
      'form-action',
      'frame-src',
      'media-src',
      'worker-src',
      'manifest-src',
    ];
    for (const name of csp.keys()) expect(known, name).toContain(name);
  });
});
