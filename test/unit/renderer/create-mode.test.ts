import { describe, expect, it } from 'vitest';
import { NO_CAPABILITIES, type Capabilities } from '../../../shared/model/capabilities.js';
import {
  createModeProblem,
  EMPTY_CREATE_MODE,
  toCreateMode,
} from '../../../renderer/src/features/edit/create-mode.js';

const none: Capabilities = NO_CAPABILITIES;

describe('create mode', () => {
  it('keeps only what the capabilities allow', () => {
    const form = {
      ...EMPTY_CREATE_MODE,
      ephemeral: true,
      sequential: true,
      ttlMs: '5000',
      leaseTtlSec: '30',
    };
    expect(toCreateMode(form, none)).toEqual({ ephemeral: false, sequential: false, container: false });
    expect(toCreateMode(form, { ...none, ephemeral: true, sequential: true, ttl: true })).toEqual({
      ephemeral: true,
      sequential: true,
      container: false,
      ttlMs: 5000,
    });
    expect(toCreateMode(form, { ...none, leases: true })).toMatchObject({ leaseTtlSec: 30 });
  });

  it('refuses combinations the store would refuse', () => {
    expect(createModeProblem({ ...EMPTY_CREATE_MODE, container: true, ephemeral: true })).toMatch(
      /container/,
    );
    expect(createModeProblem({ ...EMPTY_CREATE_MODE, ttlMs: 'abc' })).toMatch(/TTL/);
    expect(createModeProblem({ ...EMPTY_CREATE_MODE, ttlMs: '10', ephemeral: true })).toMatch(/TTL/);
    expect(createModeProblem({ ...EMPTY_CREATE_MODE, leaseTtlSec: '-1' })).toMatch(/Lease/);
    expect(createModeProblem(EMPTY_CREATE_MODE)).toBeNull();
  });
});
