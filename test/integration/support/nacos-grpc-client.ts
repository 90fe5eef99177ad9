import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** The envelope of the Nacos 2.x gRPC protocol: a request type and its JSON body. */
interface Payload {
  metadata: { type: string; clientIp: string; headers: Record<string, string> };
  body: { type_url: string; value: Buffer };
}

type Unary = (
  payload: Payload,
  callback: (error: grpc.ServiceError | null, answer?: Payload) => void,
) => void;

const PROTO = join(dirname(fileURLToPath(import.meta.url)), 'nacos-grpc.proto');

function payload(type: string, body: Record<string, unknown>): Payload {
  return {
    metadata: { type, clientIp: '127.0.0.1', headers: {} },
    body: { type_url: '', value: Buffer.from(JSON.stringify(body)) },
  };
}

/** A Nacos 2.x client as far as the tests need one: connected over gRPC, subscribed to one service. */
export interface NacosGrpcSubscriber {
  close(): void;
}

/**
 * Connects to a Nacos (r-nacos) gRPC port the way Nacos 2.x clients do (a server check, the bi-stream with
 * its connection setup, on one HTTP/2 connection) and subscribes to a service: the server then lists this
 * client among the service's subscribers.
 */
export async function subscribeOverGrpc(
  grpcPort: number,
  service: { serviceName: string; groupName: string },
): Promise<NacosGrpcSubscriber> {
  const definition = protoLoader.loadSync(PROTO, { keepCase: true, defaults: true });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as Record<
    string,
    new (target: string, credentials: grpc.ChannelCredentials, options?: grpc.ClientOptions) => grpc.Client
  >;
  const target = `127.0.0.1:${grpcPort}`;
  const credentials = grpc.credentials.createInsecure();
  const unary = new loaded['Request']!(target, credentials);
  // The same channel (one connection, one remote address): r-nacos names a connection by that address.
  const bi = new loaded['BiRequestStream']!(target, credentials, { channelOverride: unary.getChannel() });
  const request = (type: string, body: Record<string, unknown>): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) =>
      (unary as unknown as { request: Unary }).request(payload(type, body), (error, answer) =>
        error || !answer
          ? reject(error ?? new Error(`${type}: no answer`))
          : resolve(JSON.parse(answer.body.value.toString('utf8')) as Record<string, unknown>),
      ),
    );
  await request('ServerCheckRequest', {});
  const stream = (
    bi as unknown as { requestBiStream(): grpc.ClientDuplexStream<Payload, Payload> }
  ).requestBiStream();
  stream.on('error', () => undefined); // cancelled on close
  stream.write(
    payload('ConnectionSetupRequest', { clientVersion: 'Nacos-Java-Client:v2.3.2', tenant: '', labels: {} }),
  );
  // The setup is registered asynchronously: subscribe once the server accepts requests of this connection.
  const deadline = Date.now() + 5000;
  for (;;) {
    const answer = await request('SubscribeServiceRequest', {
      requestId: '1',
      namespace: '',
      groupName: service.groupName,
      serviceName: service.serviceName,
      clusters: '',
      subscribe: true,
      headers: {},
    });
    if (answer['resultCode'] === 200) break;
    if (Date.now() > deadline) throw new Error(`SubscribeServiceRequest refused: ${JSON.stringify(answer)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    close: () => {
      stream.cancel();
      bi.close();
      unary.close();
    },
  };
}
