import type { BackendKind } from '../../../../shared/model/connection.js';

/** What the connection form needs to know about a store: data, not branches on its name. */
export interface BackendKindInfo {
  label: string;
  endpointsPlaceholder: string;
  endpointsHint: string;
  /** TLS client files can be given (CA, certificate, key). */
  tls: boolean;
  authHint: string;
}

export const BACKEND_KIND_INFO: Record<BackendKind, BackendKindInfo> = {
  zookeeper: {
    label: 'ZooKeeper',
    endpointsPlaceholder: 'zk1:2181,zk2:2181,zk3:2181/app',
    endpointsHint:
      'host:port, comma separated or one per line; a chroot follows the last one (h1:2181,h2:2181/app)',
    tls: false,
    authHint: 'Digest authentication (user:password)',
  },
  etcd: {
    label: 'etcd',
    endpointsPlaceholder: 'http://etcd1:2379, https://etcd2:2379',
    endpointsHint: 'host:port or URL, comma separated or one per line',
    tls: true,
    authHint: 'etcd user and password',
  },
  consul: {
    label: 'Consul',
    endpointsPlaceholder: 'consul1:8500, https://consul2:8501',
    endpointsHint: 'agent address host:port or URL, comma separated or one per line',
    tls: true,
    authHint: 'ACL token (leave the user name empty)',
  },
  nacos: {
    label: 'Nacos',
    endpointsPlaceholder: 'nacos1:8848, nacos2:8848',
    endpointsHint: 'server address host:port, comma separated or one per line',
    tls: false,
    authHint: 'Nacos user and password',
  },
};
