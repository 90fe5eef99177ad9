import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from 'node:http';
import type { ResolvedProfile } from '../../electron/core/backends/backend.js';
import { NacosTokenHolder } from '../../electron/core/backends/nacos/nacos.auth.js';
import { login } from '../../electron/core/backends/nacos/nacos.connect.js';
import { createNacosDriver } from '../../electron/core/backends/nacos/nacos.driver.js';
import { parseEndpoints } from '../../electron/core/backends/nacos/nacos.endpoints.js';
import { NacosHttp } from '../../electron/core/backends/nacos/nacos.http.js';
import { DerivedConnectionState } from '../../electron/core/backends/derived-connection.state.js';
import { nacosProfile, startNacos, type NacosServer } from '../servers/nacos.server.js';
import { rejection } from './support/async-expect.js';

const driver = createNacosDriver();
const PLAIN = { ephemeral: false, sequential: false, container: false };
const AUTH = { username: 'configdeck', password: 'S3cret-nacos' };

let server: NacosServer;

function profile(username: string | null, password: string | null): ResolvedProfile {
  return nacosProfile([server.endpoint], {
    id: 'nacos-auth-test',
    name: 'nacos auth test',
    auth: username === null ? null : { username, hasPassword: password !== null },
    password,
  });
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
    const anonymous = await rejection(driver.connect(profile(null, null)));
    expect(anonymous).toMatchObject({
      code: 'AUTH_FAILED',
      message: expect.stringMatching(/requires a user name/),
    });
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

  it('logs in once more when the server no longer knows the token, then the call goes through', async () => {
    const agent = new Agent({ keepAlive: true });
    const http = new NacosHttp({
      servers: parseEndpoints([server.endpoint], false),
      contextPath: '/nacos',
      timeoutMs: 5000,
      agent,
      state: new DerivedConnectionState(),
    });
    let logins = 0;
    // The first "login" hands out a token the server never issued (as after it dropped its sessions).
    const tokens = new NacosTokenHolder(async () =>
      ++logins === 1
        ? { accessToken: 'a-token-the-server-forgot', tokenTtlSec: 3600 }
        : login(http, AUTH.username, AUTH.password),
    );
    http.useTokens(tokens);
    try {
      const response = await http.request({
        path: '/v1/cs/configs',
        query: { dataId: 'missing', group: 'DEFAULT_GROUP' },
        what: 'Reading',
      });
      expect(response.status).toBe(404); // answered as an authenticated read: the config does not exist
      expect(logins).toBe(2);
      const wrongUser = new NacosTokenHolder(() => login(http, AUTH.username, 'wrong'));
      await expect(wrongUser.token()).rejects.toMatchObject({ code: 'AUTH_FAILED' });
      wrongUser.close();
    } finally {
      tokens.close();
      agent.destroy();
    }
  });
});
