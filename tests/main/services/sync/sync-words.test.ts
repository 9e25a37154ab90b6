// Which replication errors mean "offline, trying again" and which need the
// user: a server killed in the middle of an answer is a lost connection (it
// read as an error that waiting would not fix, and stayed on screen).
import { describe, expect, it } from 'vitest';
import { describeSyncError } from '../../../../main/services/sync/sync-words';

const SERVER = '127.0.0.1:5984/corpus';

describe('describeSyncError', () => {
  it.each([
    ['a refused connection', { code: 'ECONNREFUSED', message: 'request to http://127.0.0.1:5984/corpus/ failed' }],
    ['a reset connection', { message: 'request failed, reason: socket hang up' }],
    [
      'an answer cut short',
      {
        name: 'FetchError',
        message:
          'Invalid response body while trying to fetch http://127.0.0.1:5984/corpus/_changes?feed=longpoll: Premature close',
      },
    ],
    ['a gateway that cannot reach it', { status: 503, message: 'Service Unavailable' }],
  ])('calls %s offline, and says it will try again', (_, error) => {
    expect(describeSyncError(error, SERVER)).toEqual({
      offline: true,
      message: `cannot reach ${SERVER}; will try again`,
    });
  });

  it('names what the user must mend: the password, the rights, the database', () => {
    expect(describeSyncError({ status: 401 }, SERVER).message).toBe(`${SERVER} refused the user name or password`);
    expect(describeSyncError({ status: 403 }, SERVER).message).toMatch(/may not read or write/);
    expect(describeSyncError({ status: 404 }, SERVER).message).toMatch(/no such database/);
    for (const status of [401, 403, 404]) expect(describeSyncError({ status }, SERVER).offline).toBe(false);
  });

  it('passes any other error on with the server named, as an error', () => {
    expect(describeSyncError({ status: 500, reason: 'disk full' }, SERVER)).toEqual({
      offline: false,
      message: `${SERVER}: disk full`,
    });
    expect(describeSyncError(undefined, SERVER)).toEqual({ offline: false, message: `${SERVER}: sync failed` });
  });
});
