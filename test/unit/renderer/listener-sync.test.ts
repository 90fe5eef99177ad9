import { describe, expect, it } from 'vitest';
import type { Listener } from '../../../shared/model/history.js';
import { listenerInSync, listenerSummary, sortListeners } from '../../../renderer/src/lib/listener-sync.js';

const l = (client: string, md5: string, inSync = false): Listener => ({ client, md5, inSync });

describe('listener sync', () => {
  it('is in sync when the md5 a client holds equals the current md5', () => {
    expect(listenerInSync(l('10.0.0.1', 'ABC'), 'abc')).toBe(true);
    expect(listenerInSync(l('10.0.0.1', 'old', true), 'abc')).toBe(false);
    // Without a current md5 the server's verdict stands.
    expect(listenerInSync(l('10.0.0.1', 'x', true), null)).toBe(true);
    expect(listenerInSync(l('10.0.0.1', 'x', false), null)).toBe(false);
  });

  it('summarises and lists stale clients first', () => {
    const listeners = [l('10.0.0.3', 'abc'), l('10.0.0.2', 'old'), l('10.0.0.1', 'abc')];
    expect(listenerSummary(listeners, 'abc')).toEqual({ total: 3, inSync: 2, stale: 1 });
    expect(sortListeners(listeners, 'abc').map((x) => x.client)).toEqual([
      '10.0.0.2',
      '10.0.0.1',
      '10.0.0.3',
    ]);
  });
});
