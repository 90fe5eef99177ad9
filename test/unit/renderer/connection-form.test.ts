import { describe, expect, it } from 'vitest';
import { ConnectionInputSchema, type ConnectionProfile } from '../../../shared/model/connection.js';
import {
  emptyConnectionForm,
  formFromProfile,
  formProblems,
  formToInput,
} from '../../../renderer/src/features/connections/connection-form.model.js';
import { KIND_DESCRIPTORS } from '../../../shared/kinds/kinds.js';
import { isInsecureProfile, profileToInput } from '../../../renderer/src/lib/profile-input.js';
import { parseEndpointsText } from '../../../renderer/src/lib/endpoints-text.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';

const en = createI18n('en').getFixedT('en', 'connections');

const profile: ConnectionProfile = {
  id: 'p1',
  name: 'prod zk',
  kind: 'zookeeper',
  endpoints: ['h1:2181', 'h2:2181/app'],
  environment: 'prod',
  readOnly: true,
  folder: null,
  sessionTimeoutMs: 20000,
  auth: { username: 'ops', hasPassword: true },
  tls: null,
  ssh: null,
  datacenter: null,
  contextPath: null,
  namespace: null,
  adminServerUrl: null,
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
    const problems = formProblems({ ...emptyConnectionForm(), sessionTimeoutMs: '10', password: 'x' }, en);
    expect(Object.keys(problems).sort()).toEqual(['endpointsText', 'name', 'sessionTimeoutMs', 'username']);
  });

  it('keeps the saved password on edit when the field is left empty', () => {
    const form = formFromProfile(profile);
    expect(form.password).toBe('');
    expect(form.hasSavedPassword).toBe(true);
    const input = formToInput(form);
    expect(input.auth).toEqual({ username: 'ops' });
    expect(input.id).toBe('p1');
    expect(ConnectionInputSchema.parse(input).endpoints).toEqual(['h1:2181', 'h2:2181/app']);
  });

  it('keeps the profile folder through an edit and through profileToInput (an edit never drops it)', () => {
    const filed = { ...profile, folder: 'payments/zk' };
    expect(ConnectionInputSchema.parse(formToInput(formFromProfile(filed))).folder).toBe('payments/zk');
    expect(ConnectionInputSchema.parse(profileToInput(filed)).folder).toBe('payments/zk');
    // An empty folder is none.
    expect(ConnectionInputSchema.parse(formToInput(formFromProfile(profile))).folder).toBeNull();
  });

  it('sends a new password, drops auth without a user, and TLS only where supported', () => {
    const form = { ...formFromProfile(profile), password: 'new', caFile: '/ca.pem' };
    const withoutTls = { ...KIND_DESCRIPTORS.zookeeper, tls: false };
    expect(formToInput(form)).toMatchObject({
      auth: { username: 'ops', password: 'new' },
      tls: { caFile: '/ca.pem' },
    });
    expect(formToInput(form, withoutTls).tls).toBeNull();
    expect(formToInput({ ...form, kind: 'nacos' }).tls).toBeNull();
    expect(formToInput({ ...form, username: ' ' }).auth).toBeNull();
  });

  it('round-trips a ZooKeeper mTLS profile, insecure only when verification is skipped explicitly', () => {
    const files = { caFile: '/tls/ca.pem', certFile: '/tls/client.pem', keyFile: '/tls/client.key' };
    const mtls: ConnectionProfile = { ...profile, tls: files };
    const form = formFromProfile(mtls);
    expect(form).toMatchObject({ ...files, insecureSkipVerify: false });
    expect(ConnectionInputSchema.parse(formToInput(form)).tls).toEqual(files);
    expect(profileToInput(mtls).tls).toEqual(files);
    expect(isInsecureProfile(mtls)).toBe(false);

    const skipped = formToInput({ ...form, insecureSkipVerify: true }).tls ?? null;
    expect(skipped).toEqual({ ...files, insecureSkipVerify: true });
    expect(isInsecureProfile({ ...mtls, tls: skipped })).toBe(true);
    // Emptied fields mean plain TCP again.
    expect(formToInput({ ...form, caFile: '', certFile: ' ', keyFile: '' }).tls).toBeNull();
  });

  it('sends a Consul ACL token as the password with an empty user name, and keeps a saved one', () => {
    const form = { ...emptyConnectionForm(), name: 'c', kind: 'consul' as const, endpointsText: 'h:8500' };
    expect(formProblems({ ...form, password: 'tok' }, en)).toEqual({});
    expect(formToInput({ ...form, password: 'tok' }).auth).toEqual({ username: '', password: 'tok' });
    expect(formToInput(form).auth).toBeNull();
    expect(formToInput({ ...form, hasSavedPassword: true }).auth).toEqual({ username: '' });
    const parsed = ConnectionInputSchema.parse(formToInput({ ...form, password: 'tok' }));
    expect(parsed.auth).toEqual({ username: '', password: 'tok' });
  });

  it('sends the Consul datacenter and an explicit insecure TLS switch, only for Consul', () => {
    const form = {
      ...emptyConnectionForm(),
      name: 'c',
      kind: 'consul' as const,
      endpointsText: 'https://h:8501',
      datacenter: ' dc2 ',
      insecureSkipVerify: true,
      contextPath: '/nacos',
    };
    const input = formToInput(form);
    expect(input).toMatchObject({ datacenter: 'dc2', tls: { insecureSkipVerify: true }, contextPath: null });
    expect(formToInput({ ...form, datacenter: '' }).datacenter).toBeNull();
    // etcd has TLS files but no insecure switch.
    expect(formToInput({ ...form, kind: 'etcd' }).tls).toBeNull();
    expect(formToInput({ ...form, kind: 'etcd' }).datacenter).toBeNull();
  });

  it('sends the Nacos context path and namespace, and checks the context path', () => {
    const form = {
      ...emptyConnectionForm(),
      name: 'n',
      kind: 'nacos' as const,
      endpointsText: 'h:8848',
      contextPath: '/cfg',
      namespace: 'dev-ns',
      username: 'nacos',
      password: 'nacos',
    };
    expect(formToInput(form)).toMatchObject({ contextPath: '/cfg', namespace: 'dev-ns', tls: null });
    expect(formToInput({ ...form, contextPath: '' }).contextPath).toBeNull();
    expect(formProblems({ ...form, contextPath: 'nacos' }, en)).toHaveProperty('contextPath');
    expect(formProblems({ ...form, kind: 'consul', contextPath: 'nacos' }, en)).toEqual({});
    expect(ConnectionInputSchema.parse(formToInput(form)).contextPath).toBe('/cfg');
  });

  it('round-trips a Consul profile through the form and marks it insecure', () => {
    const consul: ConnectionProfile = {
      ...profile,
      kind: 'consul',
      auth: { username: '', hasPassword: true },
      tls: { caFile: '/ca.pem', insecureSkipVerify: true },
      datacenter: 'dc1',
    };
    const form = formFromProfile(consul);
    expect(form).toMatchObject({ datacenter: 'dc1', insecureSkipVerify: true, caFile: '/ca.pem' });
    expect(formToInput(form)).toMatchObject({
      auth: { username: '' },
      tls: { caFile: '/ca.pem', insecureSkipVerify: true },
      datacenter: 'dc1',
    });
    expect(isInsecureProfile(consul)).toBe(true);
    expect(isInsecureProfile(profile)).toBe(false);
    expect(profileToInput(consul)).toMatchObject({ id: 'p1', datacenter: 'dc1', auth: { username: '' } });
  });
});
