// The parts of the native `zookeeper` npm package (a binding of ZooKeeper's C client) the bench calls, declared here
// because the package is loaded from the floors cache. Its callbacks pass the C client's return code first (0 = ok)
// and its message; the `a_*` calls themselves return a non-zero code, and call no callback, when they fail at once.

export interface NativeZkConfig {
  connect: string;
  /** Session timeout, ms. */
  timeout: number;
  /** The binding and C client log to stdout (printf) at this level: 1 error, 2 warn, 3 info, 4 debug. */
  debug_level: number;
  host_order_deterministic: boolean;
  /**
   * The binding closes the session ("zookeeper is closing", -116) when the C client's zookeeper_process returns
   * "nothing yet" this many times in a row (default 10). A reply that arrives in many socket reads, such as
   * getChildren of 100,000 names (about 1.4 MB), can get there on a busy machine.
   */
  response_counter_limit?: number;
}

export type NativeZkCallback<T extends unknown[]> = (rc: number, error: string, ...result: T) => void;

export interface NativeZkClient {
  connect(options: object, callback: (error: Error | null) => void): void;
  close(): void;
  a_get_children(path: string, watch: boolean, callback: NativeZkCallback<[string[]]>): number;
  a_exists(path: string, watch: boolean, callback: NativeZkCallback<[object]>): number;
  /** Data is a Buffer unless an encoding was set (the bench sets none), null for an empty node. */
  a_get(path: string, watch: boolean, callback: NativeZkCallback<[object, Buffer | null]>): number;
  /** `flags` 0: a persistent node. */
  a_create(path: string, data: Buffer, flags: number, callback: NativeZkCallback<[string]>): number;
}

/** The package exports its promise-flavoured ZooKeeper class, which keeps every `a_*` callback call. */
export type NativeZkModule = new (config: NativeZkConfig) => NativeZkClient;
