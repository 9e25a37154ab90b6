// Where sync's credentials live and which hosts main will talk to: the
// password is sealed on disk and never in anything the page is answered; a
// URL other than the database the user set is refused before any request, as
// is a redirect; a new server must be confirmed in main's own dialog.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guardedFetch, isInside } from '../../../../main/services/sync/guarded-fetch';
import { checkServer } from '../../../../main/services/sync/sync-config';
import type { SyncService } from '../../../../main/services/sync/sync-service';
import { newService } from './sync-helpers';

const services: SyncService[] = [];
afterAll(async () => {
  for (const s of services) await s.close();
});

describe('sync security', () => {
  it('keeps the password sealed on disk and out of every answer to the page', async () => {
    const dir = path.join(await import('node:os').then((os) => os.tmpdir()), `seed-sec-${Date.now()}`);
    const s = await newService({ dir, confirmServer: async () => true });
    services.push(s);
    const saved = await s.configure({
      url: 'http://127.0.0.1:9',
      database: 'team',
      username: 'ann',
      password: 'pa55-word',
      enabled: false,
    });
    expect(saved.ok).toBe(true);
    const file = await readFile(path.join(dir, 'settings.json'), 'utf8');
    expect(file).not.toContain('pa55-word');
    expect(JSON.parse(file).sealedPassword).toBeTypeOf('string');
    const answers = JSON.stringify([saved, await s.settings(), await s.status(), await s.conflicts()]);
    expect(answers).not.toContain('pa55-word');
    expect(answers).not.toContain(JSON.parse(file).sealedPassword);
    expect(await s.settings()).toMatchObject({ hasPassword: true, username: 'ann' });
  });

  it('will not keep a password where the system cannot encrypt it', async () => {
    const s = await newService({
      secrets: { available: () => false, encrypt: () => new Uint8Array(), decrypt: () => '' },
    });
    services.push(s);
    const result = await s.configure({
      url: 'http://127.0.0.1:9',
      database: 'team',
      username: 'a',
      password: 'x',
      enabled: false,
    });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be kept/) });
  });

  it('asks main’s own dialog before syncing with a new server, and does not sync when refused', async () => {
    const asked: string[] = [];
    const s = await newService({ confirmServer: async (url) => (asked.push(url), false) });
    services.push(s);
    const result = await s.configure({ url: 'http://evil.example:5984', database: 'x', username: '', enabled: true });
    expect(asked).toEqual(['http://evil.example:5984/x']);
    expect(result).toMatchObject({ ok: false });
    expect((await s.status()).state).toBe('off');
  });

  it('refuses addresses with credentials, other schemes and bad database names', () => {
    expect(checkServer('http://ann:pw@host:5984', 'db').ok).toBe(false);
    expect(checkServer('file:///etc/passwd', 'db').ok).toBe(false);
    expect(checkServer('http://host:5984', '../_users').ok).toBe(false);
    expect(checkServer('https://host/couch', 'team')).toEqual({ ok: true, dbUrl: 'https://host/couch/team' });
  });

  it('lets main’s fetch reach the database set and nothing else, and never follow a redirect', async () => {
    const seen: Array<{ url: string; redirect?: string }> = [];
    const fetch = guardedFetch('http://127.0.0.1:5984/team', async (url, opts) => {
      seen.push({ url, redirect: opts?.redirect });
      return new Response('{}');
    });
    await fetch('http://127.0.0.1:5984/team/_changes?since=0');
    for (const other of [
      'http://127.0.0.1:5984/_users/org.couchdb.user:ann',
      'http://127.0.0.1:5984/teamx/',
      'http://127.0.0.1:5985/team/',
      'http://example.com/team/',
      'http://x@127.0.0.1:5984/team/',
    ])
      await expect(fetch(other)).rejects.toThrow(/refused to contact/);
    expect(seen).toEqual([{ url: 'http://127.0.0.1:5984/team/_changes?since=0', redirect: 'error' }]);
    expect(isInside('http://127.0.0.1:5984/team', 'http://127.0.0.1:5984/team')).toBe(true);
  });
});
