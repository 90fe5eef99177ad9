import { describe, expect, it } from 'vitest';
import { routeEndpoints } from '../../../electron/core/tunnel/endpoint.route.js';

describe('routing endpoints through a tunnel', () => {
  it('forwards each ZooKeeper host once and keeps the chroot on the last', () => {
    const route = routeEndpoints(['zk1:2181,zk2:2181', 'zk3:2181/app', 'zk1:2181'], null);
    expect(route.targets).toEqual([
      { host: 'zk1', port: 2181 },
      { host: 'zk2', port: 2181 },
      { host: 'zk3', port: 2181 },
    ]);
    const ports: Record<string, number> = { zk1: 40001, zk2: 40002, zk3: 40003 };
    expect(route.endpoints((t) => ports[t.host]!)).toEqual([
      '127.0.0.1:40001',
      '127.0.0.1:40002',
      '127.0.0.1:40003/app',
      '127.0.0.1:40001',
    ]);
    expect(route.serverNames).toEqual(['zk1', 'zk2', 'zk3']);
  });

  it('keeps schemes, strips IPv6 brackets for the target and routes the AdminServer URL with its path', () => {
    const route = routeEndpoints(['https://[fd00::1]:2379'], 'http://zk1:8080/commands');
    expect(route.targets).toEqual([
      { host: 'fd00::1', port: 2379 },
      { host: 'zk1', port: 8080 },
    ]);
    expect(route.endpoints(() => 5000)).toEqual(['https://127.0.0.1:5000']);
    expect(route.adminServerUrl(() => 6000)).toBe('http://127.0.0.1:6000/commands');
  });

  it('refuses an endpoint it cannot route rather than letting it go around the tunnel', () => {
    expect(() => routeEndpoints(['consul.service'], null)).toThrow(/not host:port/);
    expect(() => routeEndpoints(['h:99999'], null)).toThrow(/not host:port/);
  });
});
