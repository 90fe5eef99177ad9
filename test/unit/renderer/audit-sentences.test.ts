import { describe, expect, it } from 'vitest';
import type { AuditEntry, RevertReport } from '../../../shared/model/audit.js';
import { exportSentence } from '../../../renderer/src/features/audit/audit-export.js';
import { valueSentence } from '../../../renderer/src/features/audit/audit-values.js';
import { reportSentence } from '../../../renderer/src/features/audit/revert-labels.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';
import { localeFormats } from '../../../renderer/src/i18n/locale-formats.js';

const en = createI18n('en').getFixedT('en', 'audit');
const zh = createI18n('zh-CN').getFixedT('zh-CN', 'audit');
const enUS = localeFormats('en-US');

const entry = (operation: AuditEntry['operation']): AuditEntry => ({
  seq: 1,
  time: '2026-01-01T00:00:00.000Z',
  user: 'u',
  host: 'h',
  connection: { id: 'c', name: 'c', kind: 'zookeeper', environment: 'dev', endpoints: [] },
  operation,
  path: '/a',
  before: null,
  after: null,
  outcome: 'ok',
  error: null,
  details: null,
  prevHash: '',
  hash: '',
});

const item = (outcome: RevertReport['items'][number]['outcome']): RevertReport['items'][number] => ({
  seq: 1,
  connectionName: 'c',
  path: '/a',
  action: 'set',
  state: outcome === 'reverted' ? 'ready' : 'moved',
  reason: null,
  outcome,
  revertSeq: outcome === 'reverted' ? 9 : null,
});

describe('audit centre sentences', () => {
  it('says what the diff cannot show: no node, binary, a digest only; nothing for plain text', () => {
    expect(valueSentence('before', null, entry('create'), en, enUS)).toBe('Before: the node did not exist.');
    expect(valueSentence('after', null, entry('delete'), en, enUS)).toBe('After: the node was deleted.');
    expect(
      valueSentence('after', { encoding: 'utf8', data: 'x', size: 1 }, entry('set'), en, enUS),
    ).toBeNull();
    expect(
      valueSentence('after', { encoding: 'base64', data: '/wA=', size: 2 }, entry('set'), en, enUS),
    ).toBe('After: 2 bytes of binary data, shown as a hex dump.');
    expect(
      valueSentence(
        'before',
        { omitted: true, size: 5 * 1024 * 1024, sha256: 'ab'.repeat(32) },
        entry('set'),
        en,
        enUS,
      ),
    ).toMatch(/^Before: 5\.0 MB, too large to keep in the log; only its SHA-256 is kept/);
  });

  it('says how a revert went in one sentence', () => {
    expect(reportSentence({ items: [item('reverted')], reverted: 1 }, en, enUS)).toBe(
      'Reverted. Each revert is an entry of its own in the log.',
    );
    expect(reportSentence({ items: [item('moved')], reverted: 0 }, en, enUS)).toBe(
      'Nothing was reverted: 1 changed since, left as it is.',
    );
    expect(reportSentence({ items: [item('reverted'), item('reverted')], reverted: 2 }, en, enUS)).toBe(
      'Reverted all 2 writes. Each revert is an entry of its own in the log.',
    );
    expect(
      reportSentence({ items: [item('reverted'), item('reverted'), item('failed')], reverted: 2 }, en, enUS),
    ).toBe('Reverted 2 of 3 writes: 1 failed. Each revert is an entry of its own in the log.');
    expect(reportSentence({ items: [item('moved')], reverted: 0 }, zh, localeFormats('zh-CN'))).toBe(
      '没有撤销任何内容：1 项之后已被修改，保持原样。',
    );
  });

  it('says when an export carries only the newest 100,000', () => {
    expect(exportSentence({ text: '', count: 3, truncated: false }, 'csv', 'f.csv', en, enUS)).toBe(
      'Exported 3 entries to f.csv.',
    );
    expect(
      exportSentence({ text: '', count: 100_000, truncated: true }, 'jsonl', 'f.jsonl', en, enUS),
    ).toMatch(
      /^Exported the newest 100,000 matching entries to f\.jsonl: an export from the window carries at most 100,000/,
    );
  });
});
