import { describe, expect, it } from 'vitest';
import type { HealthCheck, ServiceInstance } from '../../../shared/model/registry.js';
import {
  healthyTone,
  instanceHealth,
  sortChecks,
  sortInstances,
  worstStatus,
} from '../../../renderer/src/lib/health.js';

const check = (name: string, status: HealthCheck['status']): HealthCheck => ({
  checkId: name,
  name,
  status,
  output: '',
  node: null,
});

const instance = (id: string, healthy: boolean | null, checks: HealthCheck[] = []): ServiceInstance => ({
  id,
  node: null,
  address: '10.0.0.1',
  port: 80,
  healthy,
  weight: null,
  enabled: null,
  ephemeral: null,
  tags: [],
  metadata: {},
  checks,
});

describe('health', () => {
  it('orders checks worst first: critical, warning, maintenance, passing; then by name', () => {
    const sorted = sortChecks([
      check('b', 'passing'),
      check('m', 'maintenance'),
      check('z', 'critical'),
      check('w', 'warning'),
      check('a', 'passing'),
      check('c', 'critical'),
    ]);
    expect(sorted.map((c) => `${c.status}:${c.name}`)).toEqual([
      'critical:c',
      'critical:z',
      'warning:w',
      'maintenance:m',
      'passing:a',
      'passing:b',
    ]);
    expect(worstStatus([check('a', 'passing'), check('b', 'warning')])).toBe('warning');
    expect(worstStatus([])).toBeNull();
  });

  it('takes an instance health from its worst check, else from the registry flag', () => {
    expect(instanceHealth(instance('a', true, [check('x', 'passing'), check('y', 'critical')]))).toBe(
      'critical',
    );
    expect(instanceHealth(instance('b', true))).toBe('passing');
    expect(instanceHealth(instance('c', false))).toBe('critical');
    expect(instanceHealth(instance('d', null))).toBe('unknown');
  });

  it('puts failing instances first and keeps the order otherwise', () => {
    const sorted = sortInstances([
      instance('ok1', true),
      instance('bad', false),
      instance('ok2', true),
      instance('warn', true, [check('w', 'warning')]),
    ]);
    expect(sorted.map((i) => i.id)).toEqual(['bad', 'warn', 'ok1', 'ok2']);
  });

  it('colours healthy / total', () => {
    expect(healthyTone(3, 3)).toBe('passing');
    expect(healthyTone(1, 3)).toBe('warning');
    expect(healthyTone(0, 3)).toBe('critical');
    expect(healthyTone(0, 0)).toBe('unknown');
    expect(healthyTone(null, 3)).toBe('unknown');
  });
});
