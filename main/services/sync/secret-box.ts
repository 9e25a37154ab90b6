// Encrypts the sync password at rest. In the app this is Electron's
// safeStorage (main/main.ts hands it in); tests hand in a fake. Nothing here
// ever falls back to plain text: without encryption no password is kept.
export interface SecretBox {
  /** True when the system can encrypt (a keychain, DPAPI, a Linux secret service). */
  available(): boolean;
  encrypt(plain: string): Uint8Array;
  decrypt(sealed: Uint8Array): string;
}
