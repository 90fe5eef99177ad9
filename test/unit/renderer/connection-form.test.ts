import { describe, expect, it } from 'vitest';
import { ConnectionInputSchema, type ConnectionProfile } from '../../../shared/model/connection.js';
import {
  emptyConnectionForm,
  formFromProfile,
  formProblems,
  formToInput,
} from '../../../renderer/src/features/connections/connection-form.model.js';
import { parseEndpointsText } from '../../../renderer/src/lib/endpoints-text.js';

const profile: ConnectionProfile = {
  id: 'p1',
  name: 'prod zk',
  kind: 'zookeeper',
  endpoints: ['h1:2181', 'h2:2181/app'],
  environment: 'prod',
  readOnly: true,
  sessionTimeoutMs: 20000,
  auth: { username: 'ops', hasPassword: true },
  tls: null,
  datacenter: null,
  contextPath: null,
  namespace: null,
};

describe('connection form', () => {
  it('splits endpoints on commas and lines and keeps a chroot on its endpoint', () => {
    expect(parseEndpointsText('h1:2181, h2:2181/app\n\n h3:2181 ')).toEqual([
      'h1:2181',
      'h2:2181/app',
      'h3:2181',
    ]);
  });

  it('flags missing name, endpoints, bad timeout and a password without user', () => {
    const problems = formProblems({ ...emptyConnectionForm(), sessionTimeoutMs: '10', password: 'x' });
    expect(Object.keys(problems).sort()).toEqual(['endpointsText', 'name', 'sessionTimeoutMs', 'username']);
  });

  it('keeps the saved password on edit when the field is left empty', () => {
    const form = formFromProfile(profile);
    expect(form.password).toBe('');
    expect(form.hasSavedPassword).toBe(true);
    const input = formToInput(form, false);
    expect(input.auth).toEqual({ username: 'ops' });
    expect(input.id).toBe('p1');
    expect(ConnectionInputSchema.parse(input).endpoints).toEqual(['h1:2181', 'h2:2181/app']);
  });

  it('sends a new password, drops auth without a user, and TLS only where supported', () => {
    const form = { ...formFromProfile(profile), password: 'new', caFile: '/ca.pem' };
    expect(formToInput(form, false)).toMatchObject({ auth: { username: 'ops', password: 'new' }, tls: null });
    expect(formToInput(form, true).tls).toEqual({ caFile: '/ca.pem' });
    expect(formToInput({ ...form, username: ' ' }, true).auth).toBeNull();
  });
});
