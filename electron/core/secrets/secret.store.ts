import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file.js';
import { SerialQueue } from '../storage/serial-queue.js';
import type { SecretCipher } from './secret.cipher.js';

const SecretsFileSchema = z.object({
  version: z.literal(1),
  /** id → ciphertext (base64) as produced by the cipher. */
  secrets: z.record(z.string(), z.string()),
});
type SecretsFile = z.infer<typeof SecretsFileSchema>;

const EMPTY: SecretsFile = { version: 1, secrets: {} };

/** Encrypted secrets (connection passwords, tokens) by id, in one JSON file readable by the user only. */
export class SecretStore {
  private readonly queue = new SerialQueue();

  constructor(
    private readonly cipher: SecretCipher,
    private readonly filePath: string,
  ) {}

  /** Whether secrets can be saved and read; when not, `reason` says why in one sentence. */
  availability(): { available: boolean; reason: string | null } {
    return this.cipher.availability();
  }

  /** Encrypts and saves `secret` under `id`; refuses (ENCRYPTION_UNAVAILABLE) rather than store plaintext. */
  async save(id: string, secret: string): Promise<void> {
    this.assertAvailable();
    const cipherText = await this.cipher.encrypt(secret);
    await this.queue.run(async () => {
      const file = await this.read();
      await this.write({ version: 1, secrets: { ...file.secrets, [id]: cipherText.toString('base64') } });
    });
  }

  /** The secret saved under `id`, or null when none is. */
  async get(id: string): Promise<string | null> {
    const stored = await this.queue.run(async () => ownValue((await this.read()).secrets, id));
    if (stored === undefined) return null;
    this.assertAvailable();
    return this.cipher.decrypt(Buffer.from(stored, 'base64'));
  }

  /** Forgets the secret saved under `id` (nothing happens when there is none). */
  async delete(id: string): Promise<void> {
    await this.queue.run(async () => {
      const file = await this.read();
      if (ownValue(file.secrets, id) === undefined) return;
      const secrets = { ...file.secrets };
      delete secrets[id];
      await this.write({ version: 1, secrets });
    });
  }

  private assertAvailable(): void {
    const { available, reason } = this.cipher.availability();
    if (!available) {
      throw new AppError('ENCRYPTION_UNAVAILABLE', reason ?? 'Secrets cannot be encrypted on this system.');
    }
  }

  private read(): Promise<SecretsFile> {
    return readJsonFile(this.filePath, SecretsFileSchema, EMPTY);
  }

  private write(file: SecretsFile): Promise<void> {
    return writeJsonFileAtomic(this.filePath, file, 0o600);
  }
}

/** Own properties only: an id such as `constructor` must not find Object.prototype members. */
function ownValue(record: Record<string, string>, id: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
}
