import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ZkClient } from './client.js';
import { ZkCode, ZkError, ZkProtocolError } from './errors.js';
import { JuteWriter } from './jute.js';

/**
 * Servers that are not quite ZooKeeper, on loopback: the client must turn whatever they send into a
 * clear error on the call or the connect, and never into an exception out of its socket handlers.
 */
type Behaviour = (socket: Socket, frame: Buffer, index: number) => void;

const servers: Server[] = [];
const clients: ZkClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function fakeServer(onConnect: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    // Read everything, so that the client's close ends this socket too (unread bytes would hold it open).
    socket.resume();
    onConnect(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** Reads client frames; the first (ConnectRequest) is answered with a session, the rest by `behaviour`. */
function framed(behaviour: Behaviour): (socket: Socket) => void {
  return (socket) => {
    let pending = Buffer.alloc(0);
    let index = 0;
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
        const frame = pending.subarray(4, 4 + pending.readInt32BE(0));
        pending = pending.subarray(4 + frame.length);
        if (index === 0) socket.write(connectResponse());
        else behaviour(socket, frame, index);
        index++;
      }
    });
  };
}

function connectResponse(): Buffer {
  return new JuteWriter(64, 4).int(0).int(10_000).long(0x1234n).data(Buffer.alloc(16)).bool(false).frame();
}

/** A reply frame whose length covers the body too. */
function replyFrame(xid: number, err: number, body: Buffer = Buffer.alloc(0)): Buffer {
  const head = new JuteWriter(32, 0)
    .int(16 + body.length)
    .int(xid)
    .long(1n)
    .int(err)
    .toBuffer();
  return Buffer.concat([head, body]);
}

function client(port: number): ZkClient {
  const made = new ZkClient({
    hosts: [{ host: '127.0.0.1', port }],
    sessionTimeoutMs: 3000,
    queueTimeoutMs: 2000,
  });
  clients.push(made);
  return made;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('ZooKeeper client against servers that misbehave', () => {
  it('says that a server answering with something else is not ZooKeeper', async () => {
    const port = await fakeServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    const error = await failure(client(port).connected({ failAfterRound: true }));
    expect(error).toBeInstanceOf(ZkProtocolError);
    expect(error.message).toMatch(
      /127\.0\.0\.1:\d+ is not a ZooKeeper server: the server sent a frame length of \d+ bytes/,
    );
  });

  it('says that the server closed in the middle of its session answer', async () => {
    const port = await fakeServer((socket) =>
      socket.once('data', () => socket.end(Buffer.concat([Buffer.from([0, 0, 0, 36]), Buffer.alloc(10)]))),
    );
    const error = await failure(client(port).connected({ failAfterRound: true }));
    expect(error.message).toMatch(/closed the connection in the middle of its session answer/);
  });

  it('says why when the server answers the session request with an error instead of a session', async () => {
    const port = await fakeServer((socket) =>
      socket.once('data', () =>
        socket.end(new JuteWriter(32, 4).int(0).long(0n).int(ZkCode.NOT_READ_ONLY).frame()),
      ),
    );
    const error = await failure(client(port).connected({ failAfterRound: true }));
    expect(error.message).toMatch(
      /refused to open a session \(it is read-only and opens only local sessions; enable localSessionsEnabled/,
    );
  });

  it('fails one call with an error code it does not know, and the session goes on', async () => {
    const port = await fakeServer(
      framed((socket, frame, index) => {
        const xid = frame.readInt32BE(0);
        if (index === 1) socket.write(replyFrame(xid, -999));
        else socket.write(replyFrame(xid, 0, Buffer.alloc(68)));
      }),
    );
    const zk = client(port);
    await zk.connected({ failAfterRound: true });
    const error = await failure(zk.exists('/a'));
    expect(error).toBeInstanceOf(ZkError);
    expect(error).toMatchObject({ code: -999, codeName: 'UNKNOWN' });
    expect(error.message).toBe('exists /a: error code -999');
    expect((await zk.exists('/b'))?.version).toBe(0);
    expect(zk.state).toBe('connected');
  });

  it('drops the connection on a reply that is garbage, failing the calls in flight with CONNECTION_LOSS', async () => {
    const port = await fakeServer(framed((socket) => socket.write(Buffer.from([0, 0, 0, 2, 9, 9]))));
    const zk = client(port);
    await zk.connected({ failAfterRound: true });
    const states: string[] = [];
    zk.onState((state) => states.push(state));
    const error = await failure(zk.getData('/a'));
    expect(error).toMatchObject({ code: ZkCode.CONNECTION_LOSS });
    expect(error.message).toMatch(/sent a reply without a header/);
    expect(states[0]).toBe('disconnected');
  });

  it('fails the call in flight when the server closes in the middle of a reply', async () => {
    const port = await fakeServer(
      framed((socket, frame) =>
        socket.end(replyFrame(frame.readInt32BE(0), 0, Buffer.alloc(68)).subarray(0, 30)),
      ),
    );
    const zk = client(port);
    await zk.connected({ failAfterRound: true });
    expect(await failure(zk.getData('/a'))).toMatchObject({ code: ZkCode.CONNECTION_LOSS });
  });
});
