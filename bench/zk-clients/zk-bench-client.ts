// One small interface that every ZooKeeper client in the client-comparison bench is adapted to, so each line of
// the bench runs the very same loop (same window, same order of requests) whatever the client underneath.

export interface ZkBenchClient {
  /** The column heading: the client and its version. */
  readonly label: string;
  /** Resolves once the session is established. */
  connect(connectString: string): Promise<void>;
  children(path: string): Promise<string[]>;
  /** One stat request; the stat itself is dropped (the bench times the round trip, the tree would show it). */
  exists(path: string): Promise<void>;
  getData(path: string): Promise<Buffer>;
  /** Creates every path (persistent) in one multi; absent when the client's API has no multi. */
  multiCreate?(paths: string[], data: Buffer): Promise<void>;
  create(path: string, data: Buffer): Promise<void>;
  close(): Promise<void>;
}

/** The clients, in table order: the two floors, then ours. */
export const CLIENT_NAMES = ['node-zookeeper-client', 'native-zookeeper', 'configdeck'] as const;
export type ClientName = (typeof CLIENT_NAMES)[number];
export const FLOOR_NAMES: readonly ClientName[] = ['node-zookeeper-client', 'native-zookeeper'];
