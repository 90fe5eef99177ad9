import type {
  BackendKind,
  ConnectionInput,
  ConnectionProfile,
  Environment,
} from '../../../../shared/model/connection.js';
import { endpointsToText, parseEndpointsText } from '../../lib/endpoints-text.js';

/** The connection form as typed: strings until saved. */
export interface ConnectionFormState {
  id: string | null;
  name: string;
  kind: BackendKind;
  endpointsText: string;
  environment: Environment;
  readOnly: boolean;
  sessionTimeoutMs: string;
  username: string;
  /** Empty on edit means "keep the saved password". */
  password: string;
  hasSavedPassword: boolean;
  caFile: string;
  certFile: string;
  keyFile: string;
}

export type FormField = 'name' | 'endpointsText' | 'sessionTimeoutMs' | 'username';

/** A blank form for a new profile. */
export function emptyConnectionForm(): ConnectionFormState {
  return {
    id: null,
    name: '',
    kind: 'zookeeper',
    endpointsText: '',
    environment: 'dev',
    readOnly: false,
    sessionTimeoutMs: '15000',
    username: '',
    password: '',
    hasSavedPassword: false,
    caFile: '',
    certFile: '',
    keyFile: '',
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
    sessionTimeoutMs: String(profile.sessionTimeoutMs),
    username: profile.auth?.username ?? '',
    password: '',
    hasSavedPassword: profile.auth?.hasPassword ?? false,
    caFile: profile.tls?.caFile ?? '',
    certFile: profile.tls?.certFile ?? '',
    keyFile: profile.tls?.keyFile ?? '',
  };
}

/** Problems to fix before the form can be saved or tested, by field. */
export function formProblems(form: ConnectionFormState): Partial<Record<FormField, string>> {
  const problems: Partial<Record<FormField, string>> = {};
  if (form.name.trim() === '') problems.name = 'A name is required';
  if (parseEndpointsText(form.endpointsText).length === 0)
    problems.endpointsText = 'At least one endpoint is required';
  const timeout = Number(form.sessionTimeoutMs);
  if (!Number.isInteger(timeout) || timeout < 1000 || timeout > 600000) {
    problems.sessionTimeoutMs = 'Between 1000 and 600000 ms';
  }
  if (form.username.trim() === '' && form.password !== '') problems.username = 'A password needs a username';
  return problems;
}

/** The connections.save / connections.test input for the form; `tls` only where the kind supports it. */
export function formToInput(form: ConnectionFormState, tlsSupported: boolean): ConnectionInput {
  const username = form.username.trim();
  const tls = { caFile: form.caFile.trim(), certFile: form.certFile.trim(), keyFile: form.keyFile.trim() };
  const hasTls = tlsSupported && (tls.caFile !== '' || tls.certFile !== '' || tls.keyFile !== '');
  return {
    ...(form.id ? { id: form.id } : {}),
    name: form.name.trim(),
    kind: form.kind,
    endpoints: parseEndpointsText(form.endpointsText),
    environment: form.environment,
    readOnly: form.readOnly,
    sessionTimeoutMs: Number(form.sessionTimeoutMs),
    auth: username === '' ? null : { username, ...(form.password !== '' ? { password: form.password } : {}) },
    tls: hasTls
      ? {
          ...(tls.caFile ? { caFile: tls.caFile } : {}),
          ...(tls.certFile ? { certFile: tls.certFile } : {}),
          ...(tls.keyFile ? { keyFile: tls.keyFile } : {}),
        }
      : null,
  };
}
