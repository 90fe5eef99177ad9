import { describe, expect, it } from 'vitest';
import { ConnectionInputSchema, type ConnectionProfile } from '../../../shared/model/connection.js';
import type { SshHop } from '../../../shared/model/ssh.js';
import { AppError } from '../../../shared/errors.js';
import {
  emptyConnectionForm,
  formFromProfile,
  formProblems,
  formToInput,
  sshHopProblemsOf,
  type ConnectionFormState,
} from '../../../renderer/src/features/connections/connection-form.model.js';
import { emptySshHopForm, withHostKey } from '../../../renderer/src/features/connections/ssh-form.model.js';
import { hostKeyRefusalOf } from '../../../renderer/src/features/connections/host-key-refusal.js';
import { existingFolders } from '../../../renderer/src/features/connections/sidebar-groups.js';
import { profileToInput } from '../../../renderer/src/lib/profile-input.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';

const en = createI18n('en').getFixedT('en', 'connections');

const KEY_A = `SHA256:${'A'.repeat(42)}E`;
const KEY_B = `SHA256:${'b'.repeat(42)}0`;

const bastion: SshHop = {
  host: 'bastion.example.com',
  port: 2222,
  username: 'ops',
  privateKeyFile: '/home/ops/.ssh/id_ed25519',
  agent: false,
  hasPassword: false,
  hasPassphrase: true,
  hostKeySha256: KEY_A,
};
const inner: SshHop = {
  host: 'inner',
  port: 22,
  username: 'app',
  privateKeyFile: null,
  agent: false,
  hasPassword: true,
  hasPassphrase: false,
  hostKeySha256: null,
};

const profile: ConnectionProfile = {
  id: 'p1',
  name: 'prod zk',
  kind: 'zookeeper',
  endpoints: ['zk1:2181'],
  environment: 'prod',
  readOnly: false,
  folder: 'payments',
  sessionTimeoutMs: 15000,
  auth: null,
  tls: null,
  ssh: { ...bastion, next: inner },
  datacenter: null,
  contextPath: null,
  namespace: null,
  adminServerUrl: null,
};

/** A new ZooKeeper form with the jump host section on and the jump host typed. */
const typed = (): ConnectionFormState => {
  const form = { ...emptyConnectionForm(), name: 'zk', endpointsText: '10.0.0.5:2181' };
  return {
    ...form,
    ssh: {
      ...form.ssh,
      enabled: true,
      first: { ...emptySshHopForm(), host: ' bastion ', username: 'ops', privateKeyFile: '~/.ssh/id' },
    },
  };
};

describe('connection form: SSH jump host', () => {
  it('is off by default: no ssh part and no SSH problems', () => {
    const form = { ...emptyConnectionForm(), name: 'zk', endpointsText: 'h:2181' };
    expect(form.ssh.enabled).toBe(false);
    expect(formProblems(form, en)).toEqual({});
    expect(formToInput(form).ssh).toBeNull();
    expect(formFromProfile({ ...profile, ssh: null }).ssh.enabled).toBe(false);
  });

  it('sends a key login with port 22 by default, the passphrase only when typed', () => {
    const form = typed();
    expect(formProblems(form, en)).toEqual({});
    const input = formToInput(form);
    expect(input.ssh).toEqual({
      host: 'bastion',
      port: 22,
      username: 'ops',
      privateKeyFile: '~/.ssh/id',
      next: null,
    });
    const withPassphrase = { ...form, ssh: { ...form.ssh, first: { ...form.ssh.first, passphrase: 's3' } } };
    expect(ConnectionInputSchema.parse(formToInput(withPassphrase)).ssh).toMatchObject({
      privateKeyFile: '~/.ssh/id',
      passphrase: 's3',
    });
  });

  it('names what is missing per hop, the second hop only when it is on', () => {
    const form = typed();
    const blank = {
      ...form,
      ssh: { ...form.ssh, first: { ...emptySshHopForm(), port: '70000' }, second: emptySshHopForm() },
    };
    const problems = formProblems(blank, en);
    expect(Object.keys(problems).sort()).toEqual([
      'ssh.first.host',
      'ssh.first.port',
      'ssh.first.privateKeyFile',
      'ssh.first.username',
    ]);
    expect(sshHopProblemsOf(problems, 'first')).toMatchObject({ host: 'A host is required' });
    const withSecond = {
      ...form,
      ssh: { ...form.ssh, secondEnabled: true, second: { ...emptySshHopForm(), auth: 'password' as const } },
    };
    expect(Object.keys(formProblems(withSecond, en)).sort()).toEqual([
      'ssh.second.host',
      'ssh.second.password',
      'ssh.second.username',
    ]);
    // The agent needs neither a key file nor a password.
    const agent = { ...form, ssh: { ...form.ssh, first: { ...form.ssh.first, auth: 'agent' as const } } };
    expect(formProblems(agent, en)).toEqual({});
    expect(formToInput(agent).ssh).toEqual({
      host: 'bastion',
      port: 22,
      username: 'ops',
      agent: true,
      next: null,
    });
  });

  it('has no jump host for a snapshot file', () => {
    const form = { ...typed(), kind: 'snapshot' as const, endpointsText: '/tmp/s.json' };
    form.ssh.first.host = '';
    expect(formProblems(form, en)).toEqual({});
    expect(formToInput(form).ssh).toBeNull();
  });

  it('round-trips a saved two-hop profile: secrets kept when left empty, trusted keys kept', () => {
    const form = formFromProfile(profile);
    expect(form.ssh).toMatchObject({
      enabled: true,
      secondEnabled: true,
      first: {
        host: 'bastion.example.com',
        port: '2222',
        auth: 'key',
        hasSavedPassphrase: true,
        hostKeySha256: KEY_A,
      },
      second: { host: 'inner', auth: 'password', hasSavedPassword: true, hostKeySha256: '' },
    });
    expect(formProblems(form, en)).toEqual({});
    const parsed = ConnectionInputSchema.parse(formToInput(form));
    expect(parsed.ssh).toEqual({
      host: 'bastion.example.com',
      port: 2222,
      username: 'ops',
      privateKeyFile: '/home/ops/.ssh/id_ed25519',
      hostKeySha256: KEY_A,
      next: { host: 'inner', port: 22, username: 'app' },
    });
    expect(parsed.ssh?.passphrase).toBeUndefined();
    expect(parsed.ssh?.next?.password).toBeUndefined();
  });

  it('removes the saved secret of a method given up, and drops a second hop turned off', () => {
    const form = formFromProfile(profile);
    const switched: ConnectionFormState = {
      ...form,
      ssh: {
        ...form.ssh,
        first: { ...form.ssh.first, auth: 'agent' },
        second: { ...form.ssh.second, auth: 'key', privateKeyFile: '/k' },
      },
    };
    const input = formToInput(switched).ssh;
    expect(input).toMatchObject({
      agent: true,
      passphrase: '',
      next: { privateKeyFile: '/k', password: '' },
    });
    expect(input).not.toHaveProperty('privateKeyFile');
    expect(formToInput({ ...form, ssh: { ...form.ssh, secondEnabled: false } }).ssh?.next).toBeNull();
    expect(formToInput({ ...form, ssh: { ...form.ssh, enabled: false } }).ssh).toBeNull();
  });

  it('puts a trusted key on the hop it belongs to, and Forget leaves none', () => {
    const form = formFromProfile(profile);
    const trusted = { ...form, ssh: withHostKey(form.ssh, 'second', KEY_B) };
    const parsed = ConnectionInputSchema.parse(formToInput(trusted));
    expect(parsed.ssh?.hostKeySha256).toBe(KEY_A);
    expect(parsed.ssh?.next?.hostKeySha256).toBe(KEY_B);
    const forgotten = { ...form, ssh: { ...form.ssh, first: { ...form.ssh.first, hostKeySha256: '' } } };
    expect(formToInput(forgotten).ssh).not.toHaveProperty('hostKeySha256');
  });

  it('passes a saved profile jump host to a Test from the list without secrets', () => {
    expect(ConnectionInputSchema.parse(profileToInput(profile)).ssh).toEqual({
      host: 'bastion.example.com',
      port: 2222,
      username: 'ops',
      privateKeyFile: '/home/ops/.ssh/id_ed25519',
      hostKeySha256: KEY_A,
      next: { host: 'inner', port: 22, username: 'app' },
    });
    expect(profileToInput({ ...profile, ssh: null }).ssh).toBeNull();
  });

  it('tells a host key refusal from other failures', () => {
    const details = {
      hop: 'first' as const,
      host: 'b',
      port: 22,
      fingerprint: KEY_B,
      keyType: 'ssh-ed25519',
    };
    const unknown = new AppError('HOST_KEY_UNKNOWN', 'x', undefined, { ...details, expected: null });
    const changed = new AppError('HOST_KEY_CHANGED', 'x', undefined, { ...details, expected: KEY_A });
    expect(hostKeyRefusalOf(unknown)).toEqual({ kind: 'unknown', details: { ...details, expected: null } });
    expect(hostKeyRefusalOf(changed)?.kind).toBe('changed');
    expect(hostKeyRefusalOf(new AppError('UNREACHABLE', 'x'))).toBeNull();
    expect(hostKeyRefusalOf(new AppError('HOST_KEY_UNKNOWN', 'no details'))).toBeNull();
    expect(hostKeyRefusalOf(new Error('x'))).toBeNull();
  });
});

describe('connection form: folder', () => {
  it('offers the folders in use, each once, by name', () => {
    const filed = (folder: string | null) => ({ ...profile, folder });
    expect(existingFolders([filed('zeta'), filed(null), filed('alpha'), filed('zeta')])).toEqual([
      'alpha',
      'zeta',
    ]);
  });

  it('saves the folder typed, trimmed, and none when emptied', () => {
    const form = { ...formFromProfile(profile), folder: ' payments/zk ' };
    expect(ConnectionInputSchema.parse(formToInput(form)).folder).toBe('payments/zk');
    expect(ConnectionInputSchema.parse(formToInput({ ...form, folder: '' })).folder).toBeNull();
  });
});
