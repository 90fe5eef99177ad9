/** What a Nacos login yields: the token and its lifetime in seconds. */
export interface NacosLogin {
  accessToken: string;
  tokenTtlSec: number;
}

/** Refresh when this share of the token's lifetime has passed. */
const REFRESH_AT = 0.8;
/** A failed background refresh is tried again after this long (or sooner when the token expires first). */
const RETRY_MS = 5000;

/**
 * The access token of one session. The first login happens at connect; afterwards a timer logs in
 * again at 80% of the token's lifetime, so requests never carry an expired token in normal operation.
 * When a refresh fails (server down) the old token is kept and the refresh retried; a request that
 * finds the token expired waits for a fresh login instead. Logins are single-flight.
 */
export class NacosTokenHolder {
  private accessToken: string | null = null;
  private expiresAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private scheduledAt = 0;
  private inFlight: Promise<string> | null = null;
  private closed = false;

  constructor(
    private readonly login: () => Promise<NacosLogin>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The current token; logs in first when there is none or it has expired. */
  async token(): Promise<string> {
    if (this.accessToken !== null && this.now() < this.expiresAt) return this.accessToken;
    return this.refresh();
  }

  /** Logs in now (once for concurrent callers) and schedules the next refresh. */
  refresh(): Promise<string> {
    if (this.inFlight) return this.inFlight;
    const attempt = this.login().then(
      (result) => {
        this.accessToken = result.accessToken;
        this.expiresAt = this.now() + result.tokenTtlSec * 1000;
        this.schedule(result.tokenTtlSec * 1000 * REFRESH_AT);
        return result.accessToken;
      },
      (error: unknown) => {
        // Keep a still-valid token and try again soon; the caller sees the failure.
        const left = this.expiresAt - this.now();
        if (this.accessToken !== null && left > 0) this.schedule(Math.min(RETRY_MS, left / 2));
        throw error;
      },
    );
    this.inFlight = attempt;
    void attempt.then(
      () => (this.inFlight = null),
      () => (this.inFlight = null),
    );
    return attempt;
  }

  /** When the next background refresh is due (ms since the epoch), or null when none is scheduled. */
  get nextRefreshAt(): number | null {
    return this.timer === null ? null : this.scheduledAt;
  }

  /** Stops the refresh timer for good. */
  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    const delay = Math.max(100, Math.floor(delayMs));
    this.scheduledAt = this.now() + delay;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh().catch(() => undefined);
    }, delay);
    this.timer.unref();
  }
}
