/** A key's opaque numeric flags (Consul: 64-bit, as a decimal string), which a copy carries between stores that have them. */
export interface FlagsApi {
  /** The flags of the key at `path`, its value and token, or null when it holds no value. */
  get(path: string): Promise<{ flags: string; value: Buffer; token: string } | null>;
  /** Sets the flags of a key still at `token`, its value unchanged; CONFLICT when it moved. */
  set(path: string, flags: string, token: string): Promise<void>;
}
