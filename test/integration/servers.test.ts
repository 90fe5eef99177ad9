import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startConsul } from '../servers/consul.server.js';
import { socketsOfPortOwner } from '../servers/listening-sockets.js';
import { startNacos } from '../servers/nacos.server.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

/** Runs `npm run servers -- <command>` (without npm's banner) with its state file in `stateDir`. */
function serversCli(command: string, stateDir: string) {
  return run(TSX, ['scripts/servers/servers.ts', command], {
    cwd: ROOT,
    timeout: 90_000,
    env: { ...process.env, CONFIGDECK_SERVERS_STATE: join(stateDir, 'servers.state.json') },
  });
}

/** Every TCP listener and UDP socket of the server process sits on 127.0.0.1. */
function expectLoopbackOnly(port: number): void {
  const { sockets } = socketsOfPortOwner(port);
  expect(sockets.length).toBeGreaterThan(0);
  for (const socket of sockets) expect(socket).toMatch(/^(tcp|udp) 127\.0\.0\.1:\d+$/);
}

describe('Consul launcher', () => {
  it('elects a leader, stores a key, binds loopback only and keeps data across a restart', async () => {
    const server = await startConsul();
    try {
      const base = `http://${server.endpoint}/v1`;
      expect(await (await fetch(`${base}/status/leader`)).json()).toMatch(/^127\.0\.0\.1:\d+$/);
      expect((await fetch(`${base}/kv/configdeck/a`, { method: 'PUT', body: 'hello' })).status).toBe(200);
      expect(await (await fetch(`${base}/kv/configdeck/a?raw`)).text()).toBe('hello');
      expectLoopbackOnly(server.port);

      await server.restart();
      expect(await (await fetch(`${base}/kv/configdeck/a?raw`)).text()).toBe('hello');
    } finally {
      await server.stop();
    }
    expect(existsSync(server.dataDir)).toBe(false);
    await expect(fetch(`http://${server.endpoint}/v1/status/leader`)).rejects.toThrow();
  });

  it('denies anonymous writes and accepts the bootstrap token with ACLs on', async () => {
    const token = 'b1f0c7e2-3c5d-4d7a-9a57-configdeck01';
    const server = await startConsul({ aclMasterToken: token });
    try {
      const url = `http://${server.endpoint}/v1/kv/secret`;
      expect((await fetch(url, { method: 'PUT', body: 'x' })).status).toBe(403);
      const put = await fetch(url, { method: 'PUT', body: 'x', headers: { 'X-Consul-Token': token } });
      expect(put.status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

// Each test starts its server itself: it gets the launcher's budget, as a hook has it (a start that hangs
// under load is retried by the launcher, which a 60 s test would cut short).
describe('Nacos launcher', () => {
  it('publishes and reads a config, binds loopback only and stops cleanly', async () => {
    const server = await startNacos();
    try {
      const configs = `http://${server.endpoint}/nacos/v1/cs/configs`;
      const published = await fetch(configs, {
        method: 'POST',
        body: new URLSearchParams({ dataId: 'app.yaml', group: 'DEFAULT_GROUP', content: 'a: 1' }),
      });
      expect(await published.text()).toBe('true');
      expect(await (await fetch(`${configs}?dataId=app.yaml&group=DEFAULT_GROUP`)).text()).toBe('a: 1');
      expect(server.grpcPort).toBe(server.port + 1000);
      expectLoopbackOnly(server.port);
    } finally {
      await server.stop();
    }
    expect(existsSync(server.dataDir)).toBe(false);
  }, 120_000);

  it('requires a token when started with auth', async () => {
    const auth = { username: 'ops', password: 'S3cret-pass' };
    const server = await startNacos({ auth });
    try {
      const configs = `http://${server.endpoint}/nacos/v1/cs/configs?dataId=x&group=DEFAULT_GROUP`;
      expect((await fetch(configs)).status).toBe(403);
      const login = await fetch(`http://${server.endpoint}/nacos/v1/auth/login`, {
        method: 'POST',
        body: new URLSearchParams(auth),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      expect((await fetch(`${configs}&accessToken=${encodeURIComponent(accessToken)}`)).status).toBe(404);
    } finally {
      await server.stop();
    }
  }, 120_000);
});

describe('npm run servers', () => {
  it('starts the four servers, prints one line each, and stops them', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'configdeck-servers-cli-'));
    const { stdout } = await serversCli('start', stateDir);
    try {
      const lines = stdout.trim().split('\n');
      expect(lines.map((line) => line.split(' ')[0])).toEqual(['zookeeper', 'etcd', 'consul', 'nacos']);
      for (const line of lines) expect(line).toMatch(/^[a-z]+ 127\.0\.0\.1:\d+$/);
      const consulPort = Number(lines[2]?.split(':')[1]);
      expect(await (await fetch(`http://127.0.0.1:${consulPort}/v1/status/leader`)).json()).not.toBe('');
      expect(existsSync(join(stateDir, 'servers.state.json'))).toBe(true);
    } finally {
      await serversCli('stop', stateDir);
    }
    expect(existsSync(join(stateDir, 'servers.state.json'))).toBe(false);
    const nacosPort = Number(stdout.trim().split('\n')[3]?.split(':')[1]);
    await expect(fetch(`http://127.0.0.1:${nacosPort}/health`)).rejects.toThrow();
    rmSync(stateDir, { recursive: true, force: true });
  }, 120_000);

  it('rejects an unknown subcommand with exit code 2 and one sentence', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'configdeck-servers-cli-'));
    const failure = await serversCli('restart', stateDir).catch((error: unknown) => error);
    rmSync(stateDir, { recursive: true, force: true });
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
  });
});
