import { isAppError } from '../../../../shared/errors.js';
import type { NodeChangeType } from '../../../../shared/model/node.js';
import { readConfig } from './nacos.config-api.js';
import type { NacosHttp } from './nacos.http.js';
import { changedKeys, keyOf, listeningConfigs } from './nacos.listening.js';
import type { ConfigNode } from './nacos.paths.js';
import type { ConfigRecord } from './nacos.values.js';

/** How long the server holds a listener request before answering "nothing changed". */
export const LONG_POLL_MS = 30_000;
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 5000;
const QUIET_MS = 1000;

/** What a change was read as: the config (null once deleted) and when the read began. */
export interface ConfigRead {
  config: ConfigRecord | null;
  /** performance.now() as the read was sent: orders reads of one config made by different pollers. */
  startedAt: number;
}

type ChangeListener = (type: NodeChangeType, read: ConfigRead) => void;

interface Watched {
  node: ConfigNode;
  /** '' while the config does not exist (what Nacos expects for an absent config). */
  md5: string;
  /** The first read has set `md5`; only then is the config polled. */
  ready: boolean;
  listeners: Set<ChangeListener>;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/**
 * Watches configs the way Nacos clients do: one long-polling request (POST /v1/cs/configs/listener)
 * carries every watched config with the md5 last seen; the server answers when one of them changes
 * or after 30 s. A changed config is read again and reported as data, created or deleted. Adding or
 * removing a config restarts the request with the new set. Failures back off and retry; the HTTP
 * layer turns them into 'reconnecting' and the next answer into 'connected'.
 */
export class ConfigListenerHub {
  private readonly watched = new Map<string, Watched>();
  private poll: AbortController | null = null;
  private running = false;
  private closed = false;
  private readonly stop = new AbortController();

  constructor(
    private readonly http: NacosHttp,
    private readonly detail: boolean,
  ) {}

  /**
   * Reports changes of `node` to `listener` until the returned function is called. With `knownMd5` (what
   * the caller has just read, '' for absent) a config not yet polled is polled from that md5 at once, so
   * a change made since the caller's read is reported; without, the hub reads it first.
   */
  add(node: ConfigNode, listener: ChangeListener, knownMd5?: string): () => void {
    const key = keyOf(node);
    let entry = this.watched.get(key);
    if (entry === undefined) {
      entry = { node, md5: knownMd5 ?? '', ready: knownMd5 !== undefined, listeners: new Set() };
      this.watched.set(key, entry);
      if (entry.ready) this.restart();
      else void this.prime(key, entry);
    }
    entry.listeners.add(listener);
    const watched = entry;
    return () => {
      watched.listeners.delete(listener);
      if (watched.listeners.size === 0 && this.watched.get(key) === watched) {
        this.watched.delete(key);
        this.restart();
      }
    };
  }

  /** Stops polling for good. */
  close(): void {
    this.closed = true;
    this.stop.abort();
    this.poll?.abort();
    this.watched.clear();
  }

  /** Reads the md5 to listen from (retrying while the server is away), then includes the config in the poll. */
  private async prime(key: string, entry: Watched): Promise<void> {
    for (let failures = 0; !this.closed && this.watched.get(key) === entry; failures++) {
      const read = await this.current(entry);
      if (read !== null) {
        entry.md5 = read.config?.md5 ?? '';
        entry.ready = true;
        this.restart();
        return;
      }
      await sleep(Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** failures), this.stop.signal);
    }
  }

  /** The config now (config null when absent), or null when it could not be read. */
  private async current(entry: Watched): Promise<ConfigRead | null> {
    const startedAt = performance.now();
    try {
      return { config: await readConfig(this.http, entry.node, this.detail), startedAt };
    } catch {
      return null;
    }
  }

  private restart(): void {
    this.poll?.abort();
    if (!this.running && !this.closed) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    let failures = 0;
    // Nothing ready to poll: stop; prime() starts the loop again when a config is ready.
    while (!this.closed && [...this.watched.values()].some((w) => w.ready)) {
      const poll = new AbortController();
      this.poll = poll;
      try {
        const body = await this.http.text({
          method: 'POST',
          path: '/v1/cs/configs/listener',
          form: { 'Listening-Configs': listeningConfigs([...this.watched.values()].filter((w) => w.ready)) },
          headers: { 'Long-Pulling-Timeout': String(LONG_POLL_MS) },
          timeoutMs: LONG_POLL_MS + this.http.timeoutMs,
          signal: poll.signal,
          what: 'Listening for config changes',
        });
        failures = 0;
        const keys = changedKeys(body);
        // A server that keeps naming a config whose md5 did not change must not make this spin.
        if ((await this.refresh(keys)) === 0 && keys?.length !== 0) await sleep(QUIET_MS, this.stop.signal);
      } catch (error) {
        if (poll.signal.aborted || (isAppError(error) && error.code === 'CANCELLED')) continue;
        failures++;
        await sleep(Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** (failures - 1)), this.stop.signal);
      }
    }
    this.running = false;
  }

  /** Reads the changed configs (all when the answer could not be parsed), reports what changed, returns how many did. */
  private async refresh(keys: string[] | null): Promise<number> {
    const named = keys === null ? [...this.watched.values()] : keys.flatMap((k) => this.watched.get(k) ?? []);
    const entries = named.filter((entry) => entry.ready);
    let changed = 0;
    await Promise.all(
      entries.map(async (entry) => {
        const read = await this.current(entry);
        if (read === null) return;
        const md5 = read.config?.md5 ?? '';
        if (md5 === entry.md5) return;
        changed++;
        const type: NodeChangeType = entry.md5 === '' ? 'created' : md5 === '' ? 'deleted' : 'data';
        entry.md5 = md5;
        for (const listener of [...entry.listeners]) {
          try {
            listener(type, read);
          } catch {
            // A failing listener must not stop the others or the polling.
          }
        }
      }),
    );
    return changed;
  }
}
