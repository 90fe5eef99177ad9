import { z } from 'zod';
import { ConnectionProfileSchema, type ConnectionProfile } from '../../../shared/model/connection.js';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file.js';

const ProfilesFileSchema = z.object({ version: z.literal(1), profiles: z.array(ConnectionProfileSchema) });

/** Saved connection profiles (without secrets) in <dataDir>/profiles.json. */
export class ProfileStore {
  private cache: ConnectionProfile[] | null = null;
  /** Serialises writes so two saves never race on the file. */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly filePath: string) {}

  async list(): Promise<ConnectionProfile[]> {
    if (this.cache === null) {
      const file = await readJsonFile(this.filePath, ProfilesFileSchema, { version: 1, profiles: [] });
      this.cache = file.profiles;
    }
    return [...this.cache];
  }

  async find(id: string): Promise<ConnectionProfile | undefined> {
    return (await this.list()).find((profile) => profile.id === id);
  }

  async findByName(name: string): Promise<ConnectionProfile | undefined> {
    return (await this.list()).find((profile) => profile.name === name);
  }

  /** Inserts or replaces (by id) a profile. */
  async put(profile: ConnectionProfile): Promise<void> {
    await this.update((profiles) => {
      const index = profiles.findIndex((p) => p.id === profile.id);
      if (index === -1) return [...profiles, profile];
      const next = [...profiles];
      next[index] = profile;
      return next;
    });
  }

  async remove(id: string): Promise<boolean> {
    let removed = false;
    await this.update((profiles) => {
      const next = profiles.filter((p) => p.id !== id);
      removed = next.length !== profiles.length;
      return next;
    });
    return removed;
  }

  private async update(change: (profiles: ConnectionProfile[]) => ConnectionProfile[]): Promise<void> {
    const run = this.writing.then(async () => {
      const next = change(await this.list());
      await writeJsonFileAtomic(this.filePath, { version: 1, profiles: next }, 0o600);
      this.cache = next;
    });
    this.writing = run.catch(() => undefined);
    await run;
  }
}
