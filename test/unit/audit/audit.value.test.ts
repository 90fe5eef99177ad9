import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AUDIT_VALUE_MAX_BYTES, toAuditValue } from '../../../electron/core/audit/audit.value.js';

describe('toAuditValue', () => {
  it('keeps null as null', () => {
    expect(toAuditValue(null)).toBeNull();
  });

  it('keeps UTF-8 text as text with its byte size', () => {
    expect(toAuditValue(Buffer.from('héllo'))).toEqual({ encoding: 'utf8', data: 'héllo', size: 6 });
    expect(toAuditValue(Buffer.alloc(0))).toEqual({ encoding: 'utf8', data: '', size: 0 });
  });

  it('keeps binary values as base64', () => {
    const bytes = Buffer.from([0xff, 0x00, 0xfe, 0x80]);
    expect(toAuditValue(bytes)).toEqual({ encoding: 'base64', data: bytes.toString('base64'), size: 4 });
  });

  it('keeps a value of exactly 64 KiB whole', () => {
    const value = toAuditValue(Buffer.alloc(AUDIT_VALUE_MAX_BYTES, 'a'));
    expect(value).toMatchObject({ encoding: 'utf8', size: AUDIT_VALUE_MAX_BYTES });
  });

  it('keeps only size and sha256 of a larger value', () => {
    const bytes = Buffer.alloc(AUDIT_VALUE_MAX_BYTES + 1, 'a');
    expect(toAuditValue(bytes)).toEqual({
      omitted: true,
      size: AUDIT_VALUE_MAX_BYTES + 1,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });
});
