import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { ManagedProcess, pollUntilReady } from './managed-process.js';
import { requireCommand } from './prerequisites.js';

const SSHD = '/usr/sbin/sshd';
/** The system account the test sshd lets in; created on first use, its password new for every server. */
export const SSH_TEST_USER = 'configdeck-ssh';
/**
 * The test account's password, new for every test process: one account serves every sshd a test starts, so
 * they all share it (a second server must not change the first one's).
 */
const TEST_PASSWORD = randomBytes(12).toString('base64url');

/** A running test sshd on loopback and what a client needs to log in and to trust it. */
export interface SshdServer {
  host: '127.0.0.1';
  port: number;
  user: string;
  password: string;
  /** An unencrypted ed25519 key the server accepts. */
  userKeyFile: string;
  /** The same kind of key, encrypted with `keyPassphrase`. */
  encryptedKeyFile: string;
  keyPassphrase: string;
  /** The server's host key as OpenSSH prints it (`SHA256:…`) and its type. */
  hostKeySha256: string;
  hostKeyType: string;
  /** A known_hosts line for the server (`[127.0.0.1]:port ssh-ed25519 AAAA…`). */
  knownHostsLine: string;
  /** Kills the listener and every session process: every tunnel through it drops. */
  drop(): Promise<void>;
  /** Starts it again on the same port (after drop), with the same host key unless `newHostKey`. */
  restart(options?: { newHostKey?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

function keygen(file: string, passphrase = ''): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'configdeck-test', '-f', file]);
}

/** The SHA256 fingerprint ssh-keygen itself prints for a public key file: the reference the tests compare with. */
export function keygenFingerprint(publicKeyFile: string): string {
  const line = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', publicKeyFile], { encoding: 'utf8' });
  return line.split(/\s+/)[1]!;
}

/** Makes sure the test account exists (no home, no shell) and gives it a new random password. */
function prepareUser(password: string): void {
  if (process.getuid?.() !== 0) {
    throw new Error('The sshd tests run as root: they start sshd and set the password of a test account.');
  }
  try {
    execFileSync('id', [SSH_TEST_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', SSH_TEST_USER]);
  }
  execFileSync('chpasswd', { input: `${SSH_TEST_USER}:${password}\n` });
}

/** Every descendant of a process, read from /proc (sshd's session processes are not in its group). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while /proc was read.
    }
  }
  const found: number[] = [];
  const walk = (parent: number): void => {
    for (const child of children.get(parent) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

function bannerSeen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('data', (data) => done(data.toString('latin1').startsWith('SSH-2.0')));
    socket.once('error', () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}

/**
 * Starts Debian's sshd on a free loopback port with a generated host key, password and key logins for
 * the test account, and TCP forwarding: what a jump host in front of the stores is.
 */
export async function startSshd(): Promise<SshdServer> {
  requireCommand(SSHD, 'openssh-server');
  const dir = mkdtempSync(join(tmpdir(), 'configdeck-sshd-'));
  // sshd reads authorized_keys as the test account: the directory must let it in.
  chmodSync(dir, 0o755);
  mkdirSync('/run/sshd', { recursive: true });
  const password = TEST_PASSWORD;
  prepareUser(password);
  const hostKey = join(dir, 'host_ed25519');
  const userKeyFile = join(dir, 'user_ed25519');
  const encryptedKeyFile = join(dir, 'user_encrypted_ed25519');
  const keyPassphrase = 'correct horse battery';
  keygen(hostKey);
  keygen(userKeyFile);
  keygen(encryptedKeyFile, keyPassphrase);
  const authorizedKeys = join(dir, 'authorized_keys');
  writeFileSync(
    authorizedKeys,
    readFileSync(`${userKeyFile}.pub`, 'utf8') + readFileSync(`${encryptedKeyFile}.pub`, 'utf8'),
  );
  chmodSync(authorizedKeys, 0o644);
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${authorizedKeys}`,
      'StrictModes no',
      'UsePAM no',
      'PubkeyAuthentication yes',
      'PasswordAuthentication yes',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin no',
      `AllowUsers ${SSH_TEST_USER}`,
      'AllowTcpForwarding yes',
      'X11Forwarding no',
      'PrintMotd no',
      'MaxStartups 100',
      'LogLevel VERBOSE',
      '',
    ].join('\n'),
  );
  const logPath = join(dir, 'sshd.log');
  const process = new ManagedProcess({
    name: 'sshd',
    command: SSHD,
    args: ['-D', '-e', '-f', config],
    logPath,
    waitUntilReady: (child) =>
      pollUntilReady(child, {
        name: 'sshd',
        logPath,
        timeoutMs: 15_000,
        notReadyPhrase: 'did not send its SSH banner',
        probe: () => bannerSeen(port),
      }),
  });
  await process.start();
  const server: SshdServer = {
    host: '127.0.0.1',
    port,
    user: SSH_TEST_USER,
    password,
    userKeyFile,
    encryptedKeyFile,
    keyPassphrase,
    hostKeySha256: keygenFingerprint(`${hostKey}.pub`),
    hostKeyType: 'ssh-ed25519',
    knownHostsLine: '',
    async drop() {
      const pid = process.pid;
      if (pid === null) return;
      const sessions = descendants(pid);
      await process.terminate('SIGKILL');
      for (const child of sessions) {
        try {
          globalThis.process.kill(child, 'SIGKILL');
        } catch {
          // Already gone with its parent.
        }
      }
    },
    async restart(options = {}) {
      await server.drop();
      if (options.newHostKey) {
        rmSync(hostKey, { force: true });
        rmSync(`${hostKey}.pub`, { force: true });
        keygen(hostKey);
        server.hostKeySha256 = keygenFingerprint(`${hostKey}.pub`);
        server.knownHostsLine = knownHostsLine(port, `${hostKey}.pub`);
      }
      await process.start();
    },
    async stop() {
      await server.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  server.knownHostsLine = knownHostsLine(port, `${hostKey}.pub`);
  return server;
}

function knownHostsLine(port: number, publicKeyFile: string): string {
  const [type, key] = readFileSync(publicKeyFile, 'utf8').trim().split(/\s+/);
  return `[127.0.0.1]:${port} ${type} ${key}`;
}
