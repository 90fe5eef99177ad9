import { describe, expect, it } from 'vitest';
import { parseHostPort } from '../../../../electron/core/backends/kit/endpoint.address.js';

const REFUSAL = 'not an endpoint';

describe('endpoint addresses', () => {
  it('reads host:port with or without a scheme, IPv6 in brackets, one trailing slash', () => {
    expect(parseHostPort('127.0.0.1:2379', REFUSAL)).toEqual({
      scheme: null,
      host: '127.0.0.1',
      port: 2379,
      hostPort: '127.0.0.1:2379',
    });
    expect(parseHostPort(' https://etcd-1.example:2379/ ', REFUSAL)).toMatchObject({
      scheme: 'https',
      hostPort: 'etcd-1.example:2379',
    });
    expect(parseHostPort('http://[::1]:8500', REFUSAL)).toMatchObject({
      scheme: 'http',
      host: '[::1]',
      port: 8500,
    });
  });

  it('refuses what is not one host and one port in range, in the sentence the store gave', () => {
    for (const text of [
      'localhost',
      '127.0.0.1:0',
      '127.0.0.1:65536',
      '127.0.0.1:21x1',
      'a b:1',
      'ftp://host:1',
      'http://host:8848/nacos',
      'user@host:1',
      'host?x:1',
      'host#x:1',
      '[::1:1',
      '',
    ]) {
      expect(() => parseHostPort(text, `"${text}" is not an endpoint.`), text).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', message: `"${text}" is not an endpoint.` }),
      );
    }
  });
});
