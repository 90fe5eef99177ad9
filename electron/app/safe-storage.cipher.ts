import type { SafeStorage } from 'electron';
import { AppError } from '../../shared/errors.js';
import type { SecretCipher } from '../core/secrets/secret.cipher.js';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/**
 * Secrets encrypted with the OS keychain through Electron's safeStorage. Availability is asked each time
 * because it changes (it is false before the app is ready, or while a keyring is locked).
 */
export function createSafeStorageCipher(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretCipher {
  const availability = (): { available: boolean; reason: string | null } => {
    if (!safeStorage.isEncryptionAvailable()) {
      return {
        available: false,
        reason: 'The operating system keychain is not available, so secrets cannot be encrypted.',
      };
    }
    // On Linux without a keyring Electron falls back to a hard-coded key: obfuscation, not encryption.
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      return {
        available: false,
        reason:
          'No Linux keyring (GNOME Keyring or KWallet) is running, and the fallback only obfuscates secrets, so they are not saved.',
      };
    }
    return { available: true, reason: null };
  };

  const requireAvailable = (): void => {
    const { available, reason } = availability();
    if (!available) throw new AppError('ENCRYPTION_UNAVAILABLE', reason ?? 'Encryption is not available.');
  };

  return {
    id: 'safe-storage',
    availability,
    encrypt: async (plain) => {
      requireAvailable();
      return safeStorage.encryptString(plain);
    },
    decrypt: async (cipherText) => {
      requireAvailable();
      try {
        return safeStorage.decryptString(cipherText);
      } catch {
        throw new AppError(
          'ENCRYPTION_UNAVAILABLE',
          'A saved secret could not be decrypted; it was probably encrypted by another user or machine, so enter it again.',
        );
      }
    },
  };
}
