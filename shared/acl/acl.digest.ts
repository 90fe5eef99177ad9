/**
 * The id a `digest` ACL entry names for a user and password, as ZooKeeper's DigestAuthenticationProvider
 * makes it: `user:base64(sha1("user:password"))`. Web Crypto, so the renderer computes it locally (the
 * password never leaves the window) and the core and CLI share the same code.
 */
export async function digestId(user: string, password: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', bytes));
  let binary = '';
  for (const byte of hash) binary += String.fromCharCode(byte);
  return `${user}:${btoa(binary)}`;
}
