import { AppError } from '../../../shared/errors.js';
import { ConnectionInputSchema, type ConnectionProfile } from '../../../shared/model/connection.js';
import {
  ProfileEntrySchema,
  type ProfileEntryParsed,
  type ProfilesExport,
  type ProfilesImportPlan,
} from '../../../shared/model/profiles.js';
import type { SecretStore } from '../secrets/secret.store.js';
import type { ConnectionService } from './connection.service.js';
import { entryChangesProfile, entryOfProfile } from './profile.entry.js';
import { keyOpener, newSealingKey, openSecret, sealSecret } from './sealed-secret.js';
import type { SshHopName, SshInputParsed } from '../../../shared/model/ssh.js';
import type { SshSecrets } from './ssh.secrets.js';
import { hasSealedSsh, openSshSecrets, sealSshSecrets } from './ssh.secrets.transfer.js';

type SshHopInputParsed = Omit<SshInputParsed, 'next'>;

/** An entry of a file being imported, with its password opened (undefined: the entry carries none). */
interface OpenedEntry {
  entry: ProfileEntryParsed;
  password: string | undefined;
  /** The jump host part with its secrets opened (null without one). */
  ssh: SshInputParsed | null;
}

/** A planned import: what each entry does, and what the plan counts. */
interface PlannedImport {
  plan: ProfilesImportPlan;
  writes: Array<OpenedEntry & { existing: ConnectionProfile | undefined }>;
}

/** Profiles shared across a team: export to the `--connections` format, import it back with a preview. */
export class ProfileTransfer {
  constructor(
    private readonly connections: ConnectionService,
    private readonly secrets: SecretStore,
  ) {}

  /** The profiles (all, or those of `ids`) as the file's text; passwords sealed only when a passphrase is given. */
  async export(ids?: readonly string[], passphrase?: string): Promise<ProfilesExport> {
    const all = await this.connections.list();
    const chosen = ids === undefined ? all : ids.map((id) => all.find((p) => p.id === id) ?? missing(id));
    const key = passphrase === undefined ? null : await newSealingKey(passphrase);
    let secrets = 0;
    const entries: ProfileEntryParsed[] = [];
    for (const profile of chosen) {
      const password = key === null ? null : await this.connections.savedPassword(profile.id);
      if (key !== null && password !== null) secrets += 1;
      const entry = entryOfProfile(
        profile,
        key && password !== null ? sealSecret(key, password, profile.name) : undefined,
      );
      if (key !== null && entry.ssh) {
        const sealed = sealSshSecrets(
          entry.ssh,
          await this.connections.savedSshSecrets(profile.id),
          key,
          profile.name,
        );
        entry.ssh = sealed.ssh;
        secrets += sealed.sealed;
      }
      entries.push(entry);
    }
    return { text: `${JSON.stringify(entries, null, 2)}\n`, profiles: entries.length, secrets };
  }

  /** What importing the file would add, update or leave (by name); nothing is written. */
  async preview(text: string, passphrase?: string): Promise<ProfilesImportPlan> {
    return (await this.planned(text, passphrase)).plan;
  }

  /** Imports the file: every entry is read and every password opened before the first profile is saved. */
  async import(text: string, passphrase?: string): Promise<ProfilesImportPlan> {
    const { plan, writes } = await this.planned(text, passphrase);
    if (writes.some((write) => write.password !== undefined)) {
      const { available, reason } = this.secrets.availability();
      if (!available)
        throw new AppError('ENCRYPTION_UNAVAILABLE', reason ?? 'Secrets cannot be encrypted on this system.');
    }
    for (const { entry, password, ssh, existing } of writes) {
      const auth = entry.auth ? { username: entry.auth.username, password } : null;
      await this.connections.save(ConnectionInputSchema.parse({ ...entry, id: existing?.id, auth, ssh }));
    }
    return plan;
  }

  /** A copy of a profile under a new name (`<name> (copy)` by default), its password copied with it. */
  async duplicate(id: string, name?: string): Promise<ConnectionProfile> {
    const profile = await this.connections.profile(id);
    const names = new Set((await this.connections.list()).map((p) => p.name));
    const password = await this.connections.savedPassword(id);
    const entry = entryOfProfile(profile);
    const auth = entry.auth ? { username: entry.auth.username, password: password ?? undefined } : null;
    const ssh = entry.ssh ? withSecrets(entry.ssh, await this.connections.savedSshSecrets(id)) : null;
    return this.connections.save(
      ConnectionInputSchema.parse({ ...entry, name: name ?? copyName(profile.name, names), auth, ssh }),
    );
  }

  private async planned(text: string, passphrase?: string): Promise<PlannedImport> {
    const opened = await openEntries(parseEntries(text), passphrase);
    const saved = new Map((await this.connections.list()).map((profile) => [profile.name, profile]));
    const plan: ProfilesImportPlan = { added: [], updated: [], unchanged: [], secrets: 0 };
    const writes: PlannedImport['writes'] = [];
    for (const item of opened) {
      const existing = saved.get(item.entry.name);
      if (item.password !== undefined) plan.secrets += 1;
      plan.secrets += sshSecretCount(item.ssh);
      if (existing === undefined) {
        plan.added.push(item.entry.name);
        writes.push({ ...item, existing });
        continue;
      }
      const changed =
        entryChangesProfile(item.entry, existing) ||
        (item.password !== undefined &&
          item.password !== (await this.connections.savedPassword(existing.id))) ||
        sshSecretsDiffer(item.ssh, await this.connections.savedSshSecrets(existing.id));
      (changed ? plan.updated : plan.unchanged).push(item.entry.name);
      if (changed) writes.push({ ...item, existing });
    }
    return { plan, writes };
  }
}

/** The saved SSH secrets written into an entry's hops (a duplicate keeps them). */
function withSecrets(ssh: NonNullable<ProfileEntryParsed['ssh']>, secrets: SshSecrets): SshInputParsed {
  const hop = (h: SshHopInputParsed, s: SshSecrets['first']): SshHopInputParsed => ({
    ...h,
    ...(s.password !== null ? { password: s.password } : {}),
    ...(s.passphrase !== null ? { passphrase: s.passphrase } : {}),
  });
  return { ...hop(ssh, secrets.first), next: ssh.next ? hop(ssh.next, secrets.second) : null };
}

const hopsOf = (ssh: SshInputParsed | null): Array<[SshHopName, SshHopInputParsed]> =>
  ssh ? [['first', ssh], ...(ssh.next ? [['second', ssh.next] as [SshHopName, SshHopInputParsed]] : [])] : [];

/** How many SSH secrets an opened entry carries. */
function sshSecretCount(ssh: SshInputParsed | null): number {
  return hopsOf(ssh).reduce(
    (n, [, hop]) => n + (hop.password !== undefined ? 1 : 0) + (hop.passphrase !== undefined ? 1 : 0),
    0,
  );
}

/** Whether an entry's SSH secrets differ from the saved ones (a secret the entry lacks keeps the saved one). */
function sshSecretsDiffer(ssh: SshInputParsed | null, saved: SshSecrets): boolean {
  return hopsOf(ssh).some(
    ([name, hop]) =>
      (hop.password !== undefined && hop.password !== saved[name].password) ||
      (hop.passphrase !== undefined && hop.passphrase !== saved[name].passphrase),
  );
}

function missing(id: string): never {
  throw new AppError('NOT_FOUND', `There is no saved connection with id ${id}.`);
}

/** The first free `<name> (copy)`, `<name> (copy 2)`, … */
function copyName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? `${name} (copy)` : `${name} (copy ${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The file's entries, each checked; one sentence names the first bad one. */
function parseEntries(text: string): ProfileEntryParsed[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('INVALID_INPUT', `The profiles file is not JSON: ${reason}`);
  }
  if (!Array.isArray(raw)) throw new AppError('INVALID_INPUT', 'The profiles file must hold a JSON array.');
  const names = new Set<string>();
  return raw.map((item: unknown, index) => {
    const parsed = ProfileEntrySchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
      throw new AppError('INVALID_INPUT', `Profile #${index + 1}${where}: ${issue?.message ?? 'invalid'}.`);
    }
    if (names.has(parsed.data.name))
      throw new AppError('INVALID_INPUT', `The profiles file names "${parsed.data.name}" twice.`);
    names.add(parsed.data.name);
    return parsed.data;
  });
}

/** Opens every sealed password with the passphrase; any failure fails the whole file. */
async function openEntries(entries: ProfileEntryParsed[], passphrase?: string): Promise<OpenedEntry[]> {
  const sealed = entries.some((entry) => entry.auth?.sealedPassword !== undefined || hasSealedSsh(entry.ssh));
  if (sealed && passphrase === undefined) {
    throw new AppError('INVALID_INPUT', 'The profiles file holds sealed passwords: give its passphrase.');
  }
  const keyFor = passphrase === undefined ? null : keyOpener(passphrase);
  const opened: OpenedEntry[] = [];
  for (const entry of entries) {
    const secret = entry.auth?.sealedPassword;
    const password =
      secret === undefined || keyFor === null
        ? undefined
        : openSecret(await keyFor(secret.kdf), secret, entry.name);
    opened.push({ entry, password, ssh: await openSshSecrets(entry.ssh, keyFor, entry.name) });
  }
  return opened;
}
