import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors.js';
import { parseEndpoints } from './zookeeper.connect-string.js';

describe('parseEndpoints', () => {
  it('joins endpoints and keeps a chroot on the last one', () => {
    expect(parseEndpoints(['h1:2181', 'h2:2182/app/config'])).toEqual({
      connectString: 'h1:2181,h2:2182/app/config',
      hosts: [
        { host: 'h1', port: 2181 },
        { host: 'h2', port: 2182 },
      ],
      chroot: '/app/config',
      label: 'h1:2181,h2:2182',
    });
  });

  it('accepts a whole connect string in one entry and ignores a bare / chroot', () => {
    expect(parseEndpoints([' zk-1.example.com:2181 , 10.0.0.2:2181/ ']).connectString).toBe(
      'zk-1.example.com:2181,10.0.0.2:2181',
    );
  });

  it.each([
    [['zk1']],
    [['zk1:']],
    [['zk1:0']],
    [['zk1:65536']],
    [['zk 1:2181']],
    [['zk1:2181/a//b']],
    [['zk1:2181/a', 'zk2:2181']],
    [['']],
  ])('refuses %j with INVALID_INPUT', (endpoints) => {
    expect(() => parseEndpoints(endpoints)).toThrow(AppError);
    try {
      parseEndpoints(endpoints);
    } catch (error) {
      expect((error as AppError).code).toBe('INVALID_INPUT');
    }
  });
});
