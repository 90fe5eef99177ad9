import { describe, expect, it } from 'vitest';
import { pathProblem } from './paths.js';

describe('pathProblem', () => {
  it('accepts what ZooKeeper accepts', () => {
    for (const path of ['/', '/a', '/a/b-c_d.e', '/配置/ü']) expect(pathProblem(path)).toBeNull();
  });

  it.each([
    ['a', 'it must start with /'],
    ['/a/', 'it may not end with /'],
    ['/a//b', 'it contains an empty name (//)'],
    ['/a/../b', '. and .. are not allowed as names'],
    ['/a\u0001', 'it contains a control or reserved character'],
    ['/😀', 'it contains a control or reserved character'],
  ])('refuses %j: %s', (path, problem) => {
    expect(pathProblem(path)).toBe(problem);
  });
});
