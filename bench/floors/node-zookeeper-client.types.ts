// The parts of node-zookeeper-client 1.1.3 the bench calls, declared here because the package (and its @types)
// is loaded from the floors cache, not installed in the repo.

/** What the client's callbacks pass as an error: an Error carrying ZooKeeper's numeric code. */
export interface NzcError extends Error {
  getCode(): number;
}

export type NzcCallback<T> = (error: NzcError | null, value: T) => void;

export interface NzcTransaction {
  create(path: string, data: Buffer): NzcTransaction;
  commit(callback: NzcCallback<unknown[]>): void;
}

export interface NzcClient {
  once(event: 'connected', listener: () => void): void;
  connect(): void;
  close(): void;
  getChildren(path: string, callback: NzcCallback<string[]>): void;
  /** Reports a null stat, not an error, for an absent node. */
  exists(path: string, callback: NzcCallback<object | null>): void;
  getData(path: string, callback: NzcCallback<Buffer | undefined>): void;
  create(path: string, data: Buffer, callback: NzcCallback<string>): void;
  remove(path: string, callback: (error: NzcError | null) => void): void;
  transaction(): NzcTransaction;
}

export interface NzcModule {
  createClient(connectString: string, options: { sessionTimeout: number }): NzcClient;
  Exception: { NODE_EXISTS: number; NO_NODE: number };
}
