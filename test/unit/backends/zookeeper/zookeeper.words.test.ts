import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { askWord } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.words.js';

const opened: Server[] = [];
const held: Socket[] = [];

/** A loopback listener; with `silent` it accepts and never answers, like a member stuck in a long GC. */
function listen(silent: boolean): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer((socket) => {
      if (silent) held.push(socket);
      else socket.end();
    });
    opened.push(server);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

afterEach(async () => {
  for (const socket of held.splice(0)) socket.destroy();
  await Promise.all(opened.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('askWord', () => {
  it('says at once that nothing listens on a closed port', async () => {
    const port = await listen(false);
    await new Promise((resolve) => opened.pop()!.close(resolve));
    const started = Date.now();
    const answer = await askWord({ host: '127.0.0.1', port, tls: null }, 'srvr', 1500);
    expect(answer).toEqual({
      ok: false,
      refused: false,
      reason: `nothing listens on 127.0.0.1:${port} (connection refused)`,
      note: null,
    });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('gives up on a member that accepts and never answers within the deadline', async () => {
    const port = await listen(true);
    const started = Date.now();
    const answer = await askWord({ host: '127.0.0.1', port, tls: null }, 'mntr', 300);
    expect(answer).toMatchObject({
      ok: false,
      reason: `127.0.0.1:${port} did not answer mntr within 300 ms`,
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
