import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditValue } from '../../../shared/model/audit.js';
import type { NodeValue } from '../../../shared/model/node.js';
import { auditEntry as entry } from '../../../test/unit/audit/fixtures/audit.records.js';
import { revertStep, unrevertableReason } from './revert.check.js';

const digest = (text: string): AuditValue => ({
  omitted: true,
  size: Buffer.byteLength(text),
  sha256: createHash('sha256').update(text).digest('hex'),
});

const node = (text: string, token = '3'): NodeValue => ({
  path: '/a',
  hasValue: true,
  valueBase64: Buffer.from(text).toString('base64'),
  size: Buffer.byteLength(text),
  truncated: false,
  token,
  meta: [],
  acls: null,
  childCount: 0,
});

describe('what can be reverted', () => {
  it('refuses, in one sentence, what cannot be undone', () => {
    expect(unrevertableReason(entry({ operation: 'sync' }))).toBe(
      'Entry 7 records a whole sync, not a node write; revert its writes instead.',
    );
    expect(unrevertableReason(entry({ operation: 'acl' }))).toBe(
      'Entry 7 records an ACL change; set the ACL it replaced back instead (its before).',
    );
    expect(unrevertableReason(entry({ outcome: 'refused' }))).toBe(
      'Entry 7 wrote nothing (its outcome was refused).',
    );
    expect(unrevertableReason(entry({ before: digest('old') }))).toBe(
      'The audit log kept only a digest of the value before entry 7 (3 bytes), so it cannot be written back.',
    );
    expect(
      unrevertableReason(
        entry({ operation: 'delete', after: null, details: { recursive: true, deleted: 4 } }),
      ),
    ).toMatch(/^Entry 7 deleted 4 nodes recursively;/);
    expect(
      unrevertableReason(
        entry({ operation: 'delete', after: null, details: { recursive: true, deleted: 1 } }),
      ),
    ).toBeNull();
  });

  it('compares the node now with the value written, by its digest when the log kept only that', () => {
    const kept = revertStep(entry({ after: digest('new') }), node('new'));
    expect(kept.item.state).toBe('ready');
    expect(kept.token).toBe('3');
    expect(kept.value?.toString()).toBe('old');
    expect(revertStep(entry({ after: digest('new') }), node('other')).item.state).toBe('moved');
    expect(revertStep(entry({}), null).item).toMatchObject({
      state: 'moved',
      reason: '/a was deleted since entry 7.',
    });
    const create = revertStep(entry({ operation: 'create', before: null }), node('new', '0'));
    expect(create.item).toMatchObject({ action: 'delete', state: 'ready' });
    expect(create.token).toBe('0');
    const recreate = revertStep(entry({ operation: 'delete', after: null }), null);
    expect(recreate.item).toMatchObject({ action: 'create', state: 'ready' });
    expect(recreate.value?.toString()).toBe('old');
  });
});
