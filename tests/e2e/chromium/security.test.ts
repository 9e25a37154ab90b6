// The renderer's CSP, enforced by real Chromium on the built page, and the
// bridge the page gets: only the contract's channels, each argument checked by
// the host. Blocking is read from securitypolicyviolation events, so a request
// that merely failed on the network does not count as blocked.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, channelNames } from '../../../core/bridge';
import { openApp, PROJECT_ROOT, RENDERER_INDEX, type AppSession } from '../../support/app-page';
import { cspOf } from '../../support/csp';

interface Violation {
  directive: string;
  blockedURI: string;
}

/** Starts recording CSP violations in the page (the recorder is installed over CDP, which CSP does not govern). */
async function recordViolations(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: Violation[] = [];
    (window as unknown as { __violations: Violation[] }).__violations = log;
    document.addEventListener('securitypolicyviolation', (e) =>
      log.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI }),
    );
  });
}

/** Waits briefly for violations matching `directive` (events are dispatched asynchronously). */
async function violations(page: Page, directive: string): Promise<Violation[]> {
  await page
    .waitForFunction(
      (d) => (window as unknown as { __violations: Violation[] }).__violations.some((v) => v.directive === d),
      directive,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  return page.evaluate(
    (d) => (window as unknown as { __violations: Violation[] }).__violations.filter((v) => v.directive === d),
    directive,
  );
}

describe('security: CSP and bridge in the built page', () => {
  let session: AppSession;
  let page: Page;
  let startupErrors: string[];

  beforeAll(async () => {
    session = await openApp();
    page = session.page;
    startupErrors = [...session.errors];
    await recordViolations(page);
  });
  afterAll(async () => session?.context.close());

  it('the built index.html carries the same CSP as the source', () => {
    expect(cspOf(readFileSync(RENDERER_INDEX, 'utf8'))).toBe(
      cspOf(readFileSync(path.join(PROJECT_ROOT, 'renderer/index.html'), 'utf8')),
    );
  });

  it('an injected inline <script> does not run', async () => {
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.head.append(script);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    expect(await violations(page, 'script-src-elem')).toEqual([expect.objectContaining({ blockedURI: 'inline' })]);
  });

  it('eval and new Function throw', async () => {
    // CDP relaxes the eval check while its own evaluate call runs, so the
    // attempt is made from a timer, as page code would make it.
    const outcome = await page.evaluate(
      () =>
        new Promise((resolve) => {
          setTimeout(() => {
            const attempt = (f: () => unknown) => {
              try {
                f();
                return 'ran';
              } catch (e) {
                return (e as Error).name;
              }
            };
            resolve({ eval: attempt(() => (0, eval)('1 + 1')), fn: attempt(() => new Function('return 1')()) });
          }, 0);
        }),
    );
    expect(outcome).toEqual({ eval: 'EvalError', fn: 'EvalError' });
    expect((await violations(page, 'script-src')).map((v) => v.blockedURI)).toContain('eval');
  });

  it('a fetch to http://127.0.0.1:9/ is blocked by connect-src', async () => {
    const error = await page.evaluate(() =>
      fetch('http://127.0.0.1:9/').then(
        () => 'fetched',
        (e: Error) => e.name,
      ),
    );
    expect(error).toBe('TypeError');
    expect((await violations(page, 'connect-src')).map((v) => v.blockedURI)).toContain('http://127.0.0.1:9/');
  });

  it('a remote image is blocked by img-src', async () => {
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'https://example.invalid/x.png';
      document.body.append(img);
    });
    expect((await violations(page, 'img-src')).map((v) => v.blockedURI)).toContain('https://example.invalid/x.png');
  });

  it('window.workbench has exactly the contract channels and the menu-command event', async () => {
    const keys = await page.evaluate(
      (g) => Object.keys((window as unknown as Record<string, object>)[g]),
      BRIDGE_GLOBAL,
    );
    expect(keys.sort()).toEqual([...channelNames, 'onCommand'].sort());
  });

  it("a call with a malformed argument is rejected by the host's check and reaches no handler", async () => {
    const before = session.calls.length;
    const message = await page.evaluate(
      (g) =>
        (window as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[g]
          .loadSeedCorpus({ path: '/etc/passwd' })
          .then(
            () => 'accepted',
            (e: Error) => e.message,
          ),
      BRIDGE_GLOBAL,
    );
    expect(message).toContain('argument of loadSeedCorpus does not have the declared shape');
    expect(session.calls.slice(before)).toEqual([{ name: 'loadSeedCorpus', arg: { path: '/etc/passwd' } }]);
  });

  it('the app itself broke no CSP rule while starting', () => {
    expect(startupErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });
});
