// The one origin the app's page may have (main/app-origin.ts): navigation
// guards and main's sender check accept exactly app://workbench.
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_ORIGIN, isAppUrl } from '../../main/app-origin';

describe('isAppUrl', () => {
  it('accepts pages of app://workbench, also with a hash or query', () => {
    expect(APP_ORIGIN).toBe('app://workbench');
    for (const url of [
      APP_INDEX_URL,
      'app://workbench/',
      'app://workbench/index.html#doc-3',
      'app://workbench/index.html?reload=1',
      'APP://WORKBENCH/index.html',
    ])
      expect(isAppUrl(url), url).toBe(true);
  });

  it('rejects look-alike origins that merely start or end like ours', () => {
    for (const url of [
      'app://workbench.evil.example/',
      'app://workbench@evil.example/',
      'app://evil@workbench/',
      'app://workbench:8080/',
      'app://xworkbench/',
      'app://work/bench',
    ])
      expect(isAppUrl(url), url).toBe(false);
  });

  it('rejects file://, the dev server, web, script and data URLs', () => {
    for (const url of [
      'file:///opt/seed/.vite/renderer/main_window/index.html',
      'http://localhost:5173/',
      'https://workbench/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'blob:app://workbench/x',
      'about:blank',
      'not a url',
      '',
    ])
      expect(isAppUrl(url), url).toBe(false);
  });
});
