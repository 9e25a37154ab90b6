// Plays Electron's safeStorage in Node and Chromium tests: reversible, never
// the plain text ("sealed:" + the bytes reversed), so a test can look for the
// password anywhere and must not find it.
import type { SecretBox } from '../../main/services/sync/secret-box';

export const fakeSecrets: SecretBox = {
  available: () => true,
  encrypt: (plain) => Buffer.concat([Buffer.from('sealed:'), Buffer.from(plain, 'utf8').reverse()]),
  decrypt: (sealed) => Buffer.from(sealed).subarray(7).reverse().toString('utf8'),
};
