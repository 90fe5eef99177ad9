import { describe, expect, it } from 'vitest';
import type { MetaField } from '../../../shared/model/node.js';
import { declaredFormat, initialFormat } from '../../../renderer/src/lib/declared-format.js';

const type = (value: string): MetaField[] => [
  { key: 'md5', label: 'MD5', value: 'abc' },
  { key: 'type', label: 'Type', value },
];

describe('declared value format (Nacos config type)', () => {
  it('maps each Nacos type to its view', () => {
    expect(declaredFormat(type('json'))).toBe('json');
    expect(declaredFormat(type('yaml'))).toBe('yaml');
    expect(declaredFormat(type('YML'))).toBe('yaml');
    expect(declaredFormat(type('properties'))).toBe('properties');
    expect(declaredFormat(type('xml'))).toBe('xml');
    expect(declaredFormat(type('html'))).toBe('html');
    expect(declaredFormat(type('text'))).toBe('text');
  });

  it('declares nothing without a type field or with a type it has no view for', () => {
    expect(declaredFormat([])).toBeNull();
    expect(declaredFormat([{ key: 'flags', label: 'Flags', value: '42' }])).toBeNull();
    expect(declaredFormat(type('toml'))).toBeNull();
    expect(declaredFormat(type(''))).toBeNull();
  });

  it('prefers the declared type over detection, but never shows binary data as text', () => {
    // Looks like JSON, declared as text: the operator's declaration wins.
    expect(initialFormat(type('text'), false, '{"a":1}')).toBe('text');
    // Declared YAML that is not valid YAML still opens as YAML (validation then reports it).
    expect(initialFormat(type('yaml'), false, 'a: [')).toBe('yaml');
    expect(initialFormat([], false, '{"a":1}')).toBe('json');
    expect(initialFormat(type('json'), true, '')).toBe('hex');
  });
});
