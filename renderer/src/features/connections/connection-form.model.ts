import type { TFunction } from 'i18next';
import type {
  BackendKind,
  ConnectionInput,
  ConnectionProfile,
  Environment,
} from '../../../../shared/model/connection.js';
import { endpointsToText, parseEndpointsText } from '../../lib/endpoints-text.js';
import { KIND_DESCRIPTORS } from '../../../../shared/kinds/kinds.js';
import type { KindDescriptor } from '../../../../shared/kinds/kind.descriptor.js';
import { SSH_HOPS, type SshHopName } from '../../../../shared/model/ssh.js';
import {
  emptySshForm,
  sshFormFromProfile,
  sshProblems,
  sshToInput,
  SSH_HOP_FIELDS,
  type SshForm,
  type SshHopField,
  type SshHopProblems,
} from './ssh-form.model.js';

/** The connection form as typed: strings until saved. */
export interface ConnectionFormState {
  id: string | null;
  name: string;
  kind: BackendKind;
  endpointsText: string;
  environment: Environment;
  readOnly: boolean;
  /** The sidebar folder, carried through the form so an edit keeps it; empty = none. */
  folder: string;
  sessionTimeoutMs: string;
  username: string;
  /** Empty on edit means "keep the saved password" (or token). */
  password: string;
  hasSavedPassword: boolean;
  caFile: string;
  certFile: string;
  keyFile: string;
  insecureSkipVerify: boolean;
  /** Consul: empty = the agent's own datacenter. */
  datacenter: string;
  /** Nacos: empty = the default context path. */
  contextPath: string;
  /** Nacos: namespace id to show; empty = all. */
  namespace: string;
  /** ZooKeeper: the AdminServer's base URL; empty = four-letter words. */
  adminServerUrl: string;
  /** The SSH jump host section (off = the store is reached directly). */
  ssh: SshForm;
}

/** A field of an SSH hop, named with its hop (`ssh.first.host`). */
export type SshFormField = `ssh.${SshHopName}.${SshHopField}`;

export type FormField =
  | 'name'
  | 'endpointsText'
  | 'sessionTimeoutMs'
  | 'username'
  | 'contextPath'
  | 'adminServerUrl'
  | SshFormField;

/** The problems of one SSH hop out of the form's problems (for its fields). */
export function sshHopProblemsOf(
  problems: Partial<Record<FormField, string>>,
  hop: SshHopName,
): SshHopProblems {
  const hopProblems: SshHopProblems = {};
  for (const field of SSH_HOP_FIELDS) {
    const problem = problems[`ssh.${hop}.${field}`];
    if (problem) hopProblems[field] = problem;
  }
  return hopProblems;
}

/** Kinds reached over the network can go through a jump host; a snapshot file (no source URL) cannot. */
export function canTunnel(info: KindDescriptor): boolean {
  return info.source !== null;
}

/** A blank form for a new profile. */
export function emptyConnectionForm(): ConnectionFormState {
  return {
    id: null,
    name: '',
    kind: 'zookeeper',
    endpointsText: '',
    environment: 'dev',
    readOnly: false,
    folder: '',
    sessionTimeoutMs: '15000',
    username: '',
    password: '',
    hasSavedPassword: false,
    caFile: '',
    certFile: '',
    keyFile: '',
    insecureSkipVerify: false,
    datacenter: '',
    contextPath: '',
    namespace: '',
    adminServerUrl: '',
    ssh: emptySshForm(),
  };
}

/** The form for editing a saved profile (the password itself never comes back). */
export function formFromProfile(profile: ConnectionProfile): ConnectionFormState {
  return {
    id: profile.id,
    name: profile.name,
    kind: profile.kind,
    endpointsText: endpointsToText(profile.endpoints),
    environment: profile.environment,
    readOnly: profile.readOnly,
    folder: profile.folder ?? '',
    sessionTimeoutMs: String(profile.sessionTimeoutMs),
    username: profile.auth?.username ?? '',
    password: '',
    hasSavedPassword: profile.auth?.hasPassword ?? false,
    caFile: profile.tls?.caFile ?? '',
    certFile: profile.tls?.certFile ?? '',
    keyFile: profile.tls?.keyFile ?? '',
    insecureSkipVerify: profile.tls?.insecureSkipVerify ?? false,
    datacenter: profile.datacenter ?? '',
    contextPath: profile.contextPath ?? '',
    namespace: profile.namespace ?? '',
    adminServerUrl: profile.adminServerUrl ?? '',
    ssh: sshFormFromProfile(profile.ssh),
  };
}

/** Problems to fix before the form can be saved or tested, by field. */
export function formProblems(
  form: ConnectionFormState,
  t: TFunction<'connections'>,
): Partial<Record<FormField, string>> {
  const info = KIND_DESCRIPTORS[form.kind];
  const problems: Partial<Record<FormField, string>> = {};
  if (form.name.trim() === '') problems.name = t('problem.name');
  if (parseEndpointsText(form.endpointsText).length === 0) problems.endpointsText = t('problem.endpoints');
  const timeout = Number(form.sessionTimeoutMs);
  if (!Number.isInteger(timeout) || timeout < 1000 || timeout > 600000) {
    problems.sessionTimeoutMs = t('problem.sessionTimeout');
  }
  if (info.usernameLabel !== null && form.username.trim() === '' && form.password !== '') {
    problems.username = t('problem.username');
  }
  const contextPath = form.contextPath.trim();
  if (info.fields.includes('contextPath') && contextPath !== '' && !/^\/\S*$/.test(contextPath)) {
    problems.contextPath = t('problem.contextPath');
  }
  const adminServerUrl = form.adminServerUrl.trim();
  if (
    info.fields.includes('adminServerUrl') &&
    adminServerUrl !== '' &&
    !/^https?:\/\/\S+$/.test(adminServerUrl)
  ) {
    problems.adminServerUrl = t('problem.adminServerUrl');
  }
  if (canTunnel(info)) {
    const ssh = sshProblems(form.ssh, t);
    for (const hop of SSH_HOPS) {
      for (const [field, problem] of Object.entries(ssh[hop] ?? {}) as [SshHopField, string][]) {
        problems[`ssh.${hop}.${field}`] = problem;
      }
    }
  }
  return problems;
}

function authInput(form: ConnectionFormState, info: KindDescriptor): ConnectionInput['auth'] {
  const password = form.password !== '' ? { password: form.password } : {};
  if (info.usernameLabel === null) {
    // A token alone travels as the password with an empty user name; omitted keeps the saved one.
    return form.password !== '' || form.hasSavedPassword ? { username: '', ...password } : null;
  }
  const username = form.username.trim();
  return username === '' ? null : { username, ...password };
}

function tlsInput(form: ConnectionFormState, info: KindDescriptor): ConnectionInput['tls'] {
  if (!info.tls) return null;
  const files = { caFile: form.caFile.trim(), certFile: form.certFile.trim(), keyFile: form.keyFile.trim() };
  const insecure = info.insecureTls && form.insecureSkipVerify;
  if (!insecure && files.caFile === '' && files.certFile === '' && files.keyFile === '') return null;
  return {
    ...(files.caFile ? { caFile: files.caFile } : {}),
    ...(files.certFile ? { certFile: files.certFile } : {}),
    ...(files.keyFile ? { keyFile: files.keyFile } : {}),
    ...(insecure ? { insecureSkipVerify: true } : {}),
  };
}

/** A kind-specific text field: trimmed, null when empty or when the kind has no such field. */
function kindField(
  form: ConnectionFormState,
  info: KindDescriptor,
  field: 'datacenter' | 'contextPath' | 'namespace' | 'adminServerUrl',
) {
  const value = form[field].trim();
  return info.fields.includes(field) && value !== '' ? value : null;
}

/** The connections.save / connections.test input for the form, with only the fields its kind has. */
export function formToInput(
  form: ConnectionFormState,
  info: KindDescriptor = KIND_DESCRIPTORS[form.kind],
): ConnectionInput {
  return {
    ...(form.id ? { id: form.id } : {}),
    name: form.name.trim(),
    kind: form.kind,
    endpoints: parseEndpointsText(form.endpointsText),
    environment: form.environment,
    readOnly: form.readOnly,
    folder: form.folder,
    sessionTimeoutMs: Number(form.sessionTimeoutMs),
    auth: authInput(form, info),
    tls: tlsInput(form, info),
    datacenter: kindField(form, info, 'datacenter'),
    contextPath: kindField(form, info, 'contextPath'),
    namespace: kindField(form, info, 'namespace'),
    adminServerUrl: kindField(form, info, 'adminServerUrl'),
    ssh: canTunnel(info) ? sshToInput(form.ssh) : null,
  };
}
