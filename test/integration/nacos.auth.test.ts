import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedProfile } from '../../electron/core/backends/backend.js';
import { createNacosDriver } from '../../electron/core/backends/nacos/nacos.driver.js';
import { AppError } from '../../shared/errors.js';
import { startNacos, type NacosServer } from '../servers/nacos.server.js';

const driver = createNacosDriver();
const PLAIN = { ephemeral: false, sequential: false, container: false };
const AUTH = { username: 'configdeck', password: 'S3cret-nacos' };

let server: NacosServer;

function profile(username: string | null, password: string | null): ResolvedProfile {
  return {
    id: 'nacos-auth-test',
    name: 'nacos auth test',
    kind: 'nacos',
    endpoints: [server.endpoint],
    environment: 'dev',
    readOnly: false,
    sessionTimeoutMs: 5000,
    auth: username === null ? null : { username, hasPassword: password !== null },
    tls: null,
    datacenter: null,
    contextPath: null,
    namespace: null,
    password,
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the call to reject');
}

beforeAll(async () => {
  server = await startNacos({ auth: AUTH });
});

afterAll(async () => {
  await server?.stop();
});

describe('Nacos driver: authentication', () => {
  it('rejects a wrong password and a missing user with AUTH_FAILED', async () => {
    const wrong = await rejection(driver.connect(profile(AUTH.username, 'wrong-password')));
    expect(wrong.code).toBe('AUTH_FAILED');
    expect(wrong.message).toMatch(/rejected the user name or password/);
    expect((await rejection(driver.connect(profile(null, null)))).code).toBe('AUTH_FAILED');
    expect((await rejection(driver.connect(profile('', 'a password without a user')))).code).toBe(
      'INVALID_INPUT',
    );
  });

  it('logs in with the right password, sends the token on every call and never lets it out', async () => {
    const session = await driver.connect(profile(AUTH.username, AUTH.password));
    try {
      await session.create('/public/secured/app.json', Buffer.from('{"a":1}'), PLAIN);
      const read = await session.get('/public/secured/app.json', { maxBytes: 0 });
      expect(Buffer.from(read.valueBase64, 'base64').toString()).toBe('{"a":1}');
      expect(JSON.stringify(read)).not.toContain(AUTH.password);
      expect(
        (await session.listChildren('/public', { cursor: null, limit: 10, filter: null })).entries.map(
          (e) => e.name,
        ),
      ).toContain('secured');
      expect(await session.registry!.services({})).toEqual([]);
      // Without a token the server refuses the same read: the session really authenticates.
      const anonymous = await fetch(
        `http://${server.endpoint}/nacos/v1/cs/configs?dataId=app.json&group=secured`,
      );
      expect(anonymous.status).toBe(403);
    } finally {
      await session.close();
    }
  });

  it('logs in again when the server forgot the token (restart), instead of failing the call', async () => {
    const session = await driver.connect(profile(AUTH.username, AUTH.password));
    try {
      await session.create('/public/secured/restart.txt', Buffer.from('before'), PLAIN);
      await server.kill();
      await server.restart();
      const read = await session.get('/public/secured/restart.txt', { maxBytes: 0 });
      expect(Buffer.from(read.valueBase64, 'base64').toString()).toBe('before');
    } finally {
      await session.close();
    }
  });
});
