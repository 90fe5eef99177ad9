// Proves the ZooKeeper test servers (TLS standalone, three-member ensemble) with Node built-ins only: the
// in-house client is tested against them, so they must not depend on it or on any other ZooKeeper library.
import { existsSync, readFileSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { join } from 'node:path';
import { connect as connectTls, type ConnectionOptions } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socketsOfPortOwner } from '../servers/listening-sockets.js';
import {
  startZooKeeperEnsemble,
  type ZooKeeperEnsemble,
  type ZooKeeperEnsembleMember,
} from '../servers/zookeeper.ensemble.js';
import { fourLetterWord } from '../servers/zookeeper.four-letter-words.js';
import { startZooKeeper, type ZooKeeperTlsServer } from '../servers/zookeeper.server.js';

/** What one TLS connection that sends `srvr` got: whether the handshake completed, the answer, the error. */
interface TlsAttempt {
  secured: boolean;
  answer: string;
  error: Error | null;
}

function srvrOverTls(port: number, options: Omit<ConnectionOptions, 'host' | 'port'>): Promise<TlsAttempt> {
  return new Promise((resolve) => {
    const attempt: TlsAttempt = { secured: false, answer: '', error: null };
    const socket = connectTls({ host: '127.0.0.1', port, ...options });
    socket.setTimeout(5000, () => socket.destroy(new Error('timed out')));
    socket.on('secureConnect', () => {
      attempt.secured = true;
      socket.end('srvr');
    });
    socket.on('data', (chunk: Buffer) => (attempt.answer += chunk.toString('utf8')));
    socket.on('error', (error) => (attempt.error = error));
    socket.on('close', () => resolve(attempt));
  });
}

/** Every TCP listener and UDP socket of the process serving `port` sits on 127.0.0.1. */
function expectLoopbackOnly(port: number): void {
  const { sockets } = socketsOfPortOwner(port);
  expect(sockets.length).toBeGreaterThan(0);
  for (const socket of sockets) expect(socket).toMatch(/^(tcp|udp) 127\.0\.0\.1:\d+$/);
}

/**
 * Opens a session by hand: a ConnectRequest (protocol 0, zxid 0, timeout, session 0, 16-byte empty
 * password, not read-only) framed by its length; the response carries the session id at byte 12.
 */
function openRawSession(port: number): Promise<{ sessionId: bigint; close(): void }> {
  return new Promise((resolve, reject) => {
    const request = Buffer.alloc(4 + 45);
    request.writeInt32BE(45, 0);
    request.writeInt32BE(0, 4); // protocolVersion
    request.writeBigInt64BE(0n, 8); // lastZxidSeen
    request.writeInt32BE(10_000, 16); // timeOut
    request.writeBigInt64BE(0n, 20); // sessionId
    request.writeInt32BE(16, 28); // passwd length, 16 zero bytes follow; readOnly false is the last byte
    const socket = connectTcp({ host: '127.0.0.1', port }, () => socket.write(request));
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 20) return;
      socket.removeAllListeners('data');
      resolve({ sessionId: received.readBigUInt64BE(12), close: () => socket.destroy() });
    });
    socket.on('error', reject);
  });
}

async function modes(ensemble: ZooKeeperEnsemble): Promise<Array<string | null>> {
  return Promise.all(ensemble.members.map((m) => m.mode()));
}

/** Polls until another member than `old` leads; resolves with it and how long that took. */
async function nextLeader(
  ensemble: ZooKeeperEnsemble,
  old: ZooKeeperEnsembleMember,
  timeoutMs: number,
): Promise<{ leader: ZooKeeperEnsembleMember; afterMs: number }> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const leader = await ensemble.leader();
    if (leader !== null && leader !== old) return { leader, afterMs: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no new leader within ${timeoutMs / 1000} s`);
}

describe('ZooKeeper with TLS, client certificates required', () => {
  let server: ZooKeeperTlsServer;
  let trusted: Omit<ConnectionOptions, 'host' | 'port'>;

  beforeAll(async () => {
    server = await startZooKeeper({ tls: { clientAuth: 'need' } });
    trusted = {
      ca: readFileSync(server.tls.caFile),
      cert: readFileSync(server.tls.clientCertFile),
      key: readFileSync(server.tls.clientKeyFile),
    };
  });
  afterAll(() => server?.stop());

  it('completes the handshake with the client certificate and answers srvr over TLS', async () => {
    // Verified as 127.0.0.1 (the IP SAN) and as localhost (the DNS SAN).
    for (const options of [trusted, { ...trusted, servername: 'localhost' }]) {
      const attempt = await srvrOverTls(server.securePort, options);
      expect(attempt.error).toBeNull();
      expect(attempt.secured).toBe(true);
      expect(attempt.answer).toMatch(/^Mode: standalone$/m);
    }
    expect(server.secureConnectString).toBe(`127.0.0.1:${server.securePort}`);
  });

  it('keeps the plain port open beside the secure one, both on loopback only', async () => {
    expect(await fourLetterWord(server.port, 'srvr')).toMatch(/^Mode: standalone$/m);
    expectLoopbackOnly(server.port);
    expect(socketsOfPortOwner(server.securePort).pid).toBe(socketsOfPortOwner(server.port).pid);
  });

  it('refuses a client without a certificate and one whose certificate another CA signed', async () => {
    const ca = readFileSync(server.tls.caFile);
    const wrong = {
      ca,
      cert: readFileSync(server.tls.wrongClientCertFile),
      key: readFileSync(server.tls.wrongClientKeyFile),
    };
    for (const options of [{ ca }, wrong]) {
      const attempt = await srvrOverTls(server.securePort, options);
      expect(attempt.answer).toBe('');
      expect(attempt.error?.message).toMatch(/alert|socket disconnected|ECONNRESET/i);
    }
  });
});

describe('ZooKeeper with TLS, client certificates not asked for', () => {
  it('serves a client that presents none', async () => {
    const server = await startZooKeeper({ tls: { clientAuth: 'none' } });
    try {
      const attempt = await srvrOverTls(server.securePort, { ca: readFileSync(server.tls.caFile) });
      expect(attempt.error).toBeNull();
      expect(attempt.answer).toMatch(/^Mode: standalone$/m);
    } finally {
      await server.stop();
    }
  });
});

describe('ZooKeeper ensemble of three', () => {
  let ensemble: ZooKeeperEnsemble;

  beforeAll(async () => {
    ensemble = await startZooKeeperEnsemble({ size: 3 });
  });
  afterAll(() => ensemble?.stop());

  it('runs three members on loopback with exactly one leader', async () => {
    expect(ensemble.members.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(ensemble.connectString).toBe(ensemble.members.map((m) => `127.0.0.1:${m.port}`).join(','));
    expect((await modes(ensemble)).sort()).toEqual(['follower', 'follower', 'leader']);
    for (const member of ensemble.members) {
      expectLoopbackOnly(member.port);
      expect(readFileSync(join(member.dataDir, 'data', 'myid'), 'utf8').trim()).toBe(String(member.id));
    }
  });

  it('tells which member holds a session, from cons', async () => {
    const member = ensemble.members[1]!;
    const session = await openRawSession(member.port);
    try {
      expect(session.sessionId).not.toBe(0n);
      const hex = session.sessionId.toString(16);
      for (const id of [session.sessionId, `0x${hex}`, hex.padStart(16, '0')]) {
        expect(await ensemble.memberOfSession(id)).toBe(member);
      }
      expect((await member.connections()).map((c) => c.sessionId)).toContain(session.sessionId);
      expect(await ensemble.memberOfSession(session.sessionId + 1n)).toBeNull();
    } finally {
      session.close();
    }
  });

  it('elects a new leader within 10 s of the leader being killed; the old one rejoins as a follower', async () => {
    const old = await ensemble.leader();
    if (old === null) throw new Error('the ensemble has no leader');
    await old.kill();
    expect(old.running()).toBe(false);
    expect(await old.mode()).toBeNull();

    const { leader, afterMs } = await nextLeader(ensemble, old, 10_000);
    expect(leader.running()).toBe(true);
    expect(afterMs).toBeLessThan(10_000);

    await old.restart();
    expect(await old.mode()).toBe('follower');
    expect((await modes(ensemble)).sort()).toEqual(['follower', 'follower', 'leader']);
  });

  it('starts again with its data after every member was stopped or killed', async () => {
    for (const halt of [() => ensemble.stopAll(), () => ensemble.killAll()]) {
      await halt();
      expect(ensemble.members.map((m) => m.running())).toEqual([false, false, false]);
      expect(await modes(ensemble)).toEqual([null, null, null]);
      await ensemble.startAll();
      expect((await modes(ensemble)).sort()).toEqual(['follower', 'follower', 'leader']);
    }
    for (const member of ensemble.members)
      expect(existsSync(join(member.dataDir, 'data', 'myid'))).toBe(true);
  });

  it('removes every data directory on stop', async () => {
    await ensemble.stop();
    expect(existsSync(ensemble.dataDir)).toBe(false);
    expect(await fourLetterWord(ensemble.members[0]!.port, 'srvr', 500)).toBe('');
  });
});
