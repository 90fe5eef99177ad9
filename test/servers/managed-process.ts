import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/** How to run one server process and tell when it serves. */
export interface ProcessSpec {
  /** Name used in error messages, e.g. `etcd`. */
  name: string;
  command: string;
  args: string[];
  /** stdout and stderr are appended here; its tail is quoted when a start fails. */
  logPath: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Resolves once the server serves; see {@link pollUntilReady}. */
  waitUntilReady(child: ChildProcess): Promise<void>;
}

/** The last `lines` lines of a log file, or `(no log)`. */
export function logTail(logPath: string, lines = 30): string {
  try {
    return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The log's size in bytes (0 when missing): an offset for {@link logSince}. */
export function logSize(logPath: string): number {
  try {
    return statSync(logPath).size;
  } catch {
    return 0;
  }
}

/** What the log gained since `offset` (one start's output when the log is appended to across restarts). */
export function logSince(logPath: string, offset: number): string {
  const fd = openSync(logPath, 'r');
  try {
    const buffer = Buffer.alloc(Math.max(0, logSize(logPath) - offset));
    readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Resolves when the child has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** What {@link pollUntilReady} needs to poll a starting server and explain a failure. */
export interface ReadinessPoll {
  name: string;
  logPath: string;
  timeoutMs: number;
  /** Completes "<name> … within N s" on timeout, e.g. `did not answer ruok`. */
  notReadyPhrase: string;
  probe(): Promise<boolean>;
  intervalMs?: number;
  logLines?: number;
}

/** Polls `probe` until it is true; throws with the log tail when the child exits or time runs out. */
export async function pollUntilReady(child: ChildProcess, poll: ReadinessPoll): Promise<void> {
  const deadline = Date.now() + poll.timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${poll.name} exited during start (code ${child.exitCode}); log tail:\n${logTail(poll.logPath, poll.logLines)}`,
      );
    }
    if (await poll.probe()) return;
    await new Promise((resolve) => setTimeout(resolve, poll.intervalMs ?? 100));
  }
  child.kill('SIGKILL');
  await exited(child);
  throw new Error(
    `${poll.name} ${poll.notReadyPhrase} within ${poll.timeoutMs / 1000} s; log tail:\n${logTail(poll.logPath, poll.logLines)}`,
  );
}

/** One server process with a fixed command line; can be started again after it stopped. */
export class ManagedProcess {
  private child: ChildProcess | null = null;
  // A test runner that exits without stopping its servers must not leave them behind.
  private readonly killOnExit = (): void => {
    this.child?.kill('SIGKILL');
  };

  constructor(private readonly spec: ProcessSpec) {}

  /** The running process id, or null when stopped. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Spawns the process and waits until it serves; on failure nothing is left running. */
  async start(): Promise<void> {
    const log = openSync(this.spec.logPath, 'a');
    const child = spawn(this.spec.command, this.spec.args, {
      stdio: ['ignore', log, log],
      ...(this.spec.cwd !== undefined ? { cwd: this.spec.cwd } : {}),
      ...(this.spec.env !== undefined ? { env: this.spec.env } : {}),
    });
    closeSync(log);
    this.child = child;
    process.once('exit', this.killOnExit);
    try {
      await this.spec.waitUntilReady(child);
    } catch (error) {
      this.child = null;
      process.off('exit', this.killOnExit);
      child.kill('SIGKILL');
      await exited(child);
      throw error;
    }
  }

  /** Sends `signal` and waits for the exit; SIGKILL after `graceMs`. No-op when not running. */
  async terminate(signal: NodeJS.Signals, graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (child === null) return;
    this.child = null;
    process.off('exit', this.killOnExit);
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited(child);
    clearTimeout(timer);
  }
}

/**
 * Runs `startOnce` up to `attempts` times and returns the first success. Ports come from `freePort()`,
 * and another process may take one between the probe and the server binding it: a new try picks new ports.
 */
export async function startWithRetries<T>(attempts: number, startOnce: () => Promise<T>): Promise<T> {
  let lastError: unknown = null;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
