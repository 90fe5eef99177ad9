import type { TFunction } from 'i18next';
import type { SshHop, SshHopInput, SshHopName, SshInput, SshProfile } from '../../../../shared/model/ssh.js';

/** How a hop logs in; exactly one is chosen in the form. */
export const SSH_AUTH_METHODS = ['key', 'agent', 'password'] as const;
export type SshAuthMethod = (typeof SSH_AUTH_METHODS)[number];

/** One SSH hop as typed: strings until saved; secrets empty on edit mean "keep the saved one". */
export interface SshHopForm {
  host: string;
  port: string;
  username: string;
  auth: SshAuthMethod;
  privateKeyFile: string;
  passphrase: string;
  hasSavedPassphrase: boolean;
  password: string;
  hasSavedPassword: boolean;
  /** The trusted host key (`SHA256:…`), set by a trust prompt, cleared by Forget; empty = none yet. */
  hostKeySha256: string;
}

/** The jump host section of the connection form: off unless the profile has a jump host. */
export interface SshForm {
  enabled: boolean;
  first: SshHopForm;
  /** A second hop reached through the first one. */
  secondEnabled: boolean;
  second: SshHopForm;
}

export const SSH_HOP_FIELDS = ['host', 'port', 'username', 'privateKeyFile', 'password'] as const;
export type SshHopField = (typeof SSH_HOP_FIELDS)[number];
export type SshHopProblems = Partial<Record<SshHopField, string>>;

export function emptySshHopForm(): SshHopForm {
  return {
    host: '',
    port: '22',
    username: '',
    auth: 'key',
    privateKeyFile: '',
    passphrase: '',
    hasSavedPassphrase: false,
    password: '',
    hasSavedPassword: false,
    hostKeySha256: '',
  };
}

export function emptySshForm(): SshForm {
  return { enabled: false, first: emptySshHopForm(), secondEnabled: false, second: emptySshHopForm() };
}

/** The method a saved hop uses: its key file, else the agent, else its password (a hop without any tries the agent). */
function authOf(hop: SshHop): SshAuthMethod {
  if (hop.privateKeyFile) return 'key';
  if (hop.agent) return 'agent';
  return hop.hasPassword ? 'password' : 'agent';
}

function hopFormFromProfile(hop: SshHop): SshHopForm {
  return {
    host: hop.host,
    port: String(hop.port),
    username: hop.username,
    auth: authOf(hop),
    privateKeyFile: hop.privateKeyFile ?? '',
    passphrase: '',
    hasSavedPassphrase: hop.hasPassphrase,
    password: '',
    hasSavedPassword: hop.hasPassword,
    hostKeySha256: hop.hostKeySha256 ?? '',
  };
}

/** The section for a saved profile's jump host (the secrets themselves never come back). */
export function sshFormFromProfile(ssh: SshProfile | null): SshForm {
  if (!ssh) return emptySshForm();
  return {
    enabled: true,
    first: hopFormFromProfile(ssh),
    secondEnabled: ssh.next !== null,
    second: ssh.next ? hopFormFromProfile(ssh.next) : emptySshHopForm(),
  };
}

/** Problems of one hop, by field. */
export function sshHopProblems(hop: SshHopForm, t: TFunction<'connections'>): SshHopProblems {
  const problems: SshHopProblems = {};
  if (hop.host.trim() === '') problems.host = t('problem.host');
  const port = Number(hop.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.port = t('problem.port');
  if (hop.username.trim() === '') problems.username = t('problem.sshUser');
  if (hop.auth === 'key' && hop.privateKeyFile.trim() === '') {
    problems.privateKeyFile = t('problem.privateKeyFile');
  }
  if (hop.auth === 'password' && hop.password === '' && !hop.hasSavedPassword) {
    problems.password = t('problem.sshPassword');
  }
  return problems;
}

/** Problems of the section, per hop; none when it is off (a second hop only counts when it is on). */
export function sshProblems(
  ssh: SshForm,
  t: TFunction<'connections'>,
): Partial<Record<SshHopName, SshHopProblems>> {
  if (!ssh.enabled) return {};
  const problems: Partial<Record<SshHopName, SshHopProblems>> = {};
  const first = sshHopProblems(ssh.first, t);
  if (Object.keys(first).length > 0) problems.first = first;
  const second = ssh.secondEnabled ? sshHopProblems(ssh.second, t) : {};
  if (Object.keys(second).length > 0) problems.second = second;
  return problems;
}

/**
 * A typed secret of the chosen method travels; an empty one is left out (the saved one is kept); the secret of
 * a method not chosen is sent empty when one is saved, which removes it.
 */
function secret(chosen: boolean, typed: string, saved: boolean): string | undefined {
  if (!chosen) return saved ? '' : undefined;
  return typed !== '' ? typed : undefined;
}

function hopToInput(hop: SshHopForm): SshHopInput {
  const passphrase = secret(hop.auth === 'key', hop.passphrase, hop.hasSavedPassphrase);
  const password = secret(hop.auth === 'password', hop.password, hop.hasSavedPassword);
  const hostKey = hop.hostKeySha256.trim();
  return {
    host: hop.host.trim(),
    port: Number(hop.port),
    username: hop.username.trim(),
    ...(hop.auth === 'key' ? { privateKeyFile: hop.privateKeyFile.trim() } : {}),
    ...(passphrase !== undefined ? { passphrase } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(hop.auth === 'agent' ? { agent: true } : {}),
    ...(hostKey !== '' ? { hostKeySha256: hostKey } : {}),
  };
}

/** The `ssh` part of a connections.save / connections.test input: null when the section is off. */
export function sshToInput(ssh: SshForm): SshInput | null {
  if (!ssh.enabled) return null;
  return { ...hopToInput(ssh.first), next: ssh.secondEnabled ? hopToInput(ssh.second) : null };
}

/** The section with a hop's host key set, as a trust prompt in the form leaves it. */
export function withHostKey(ssh: SshForm, hop: SshHopName, fingerprint: string): SshForm {
  return hop === 'first'
    ? { ...ssh, first: { ...ssh.first, hostKeySha256: fingerprint } }
    : { ...ssh, second: { ...ssh.second, hostKeySha256: fingerprint } };
}
