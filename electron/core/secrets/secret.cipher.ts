/**
 * Encrypts secrets at rest. Implementations: Electron's safeStorage (electron/app) and a key file readable
 * by the user only (electron/core/secrets/file-key.cipher.ts) for browser mode and the CLI.
 */
export interface SecretCipher {
  /** Names the scheme; each scheme keeps its secrets in its own file (one cannot read the other's). */
  readonly id: string;
  /** Whether encryption can be used right now; when not, `reason` says why in one sentence. */
  availability(): { available: boolean; reason: string | null };
  encrypt(plain: string): Promise<Buffer>;
  decrypt(cipherText: Buffer): Promise<string>;
}
