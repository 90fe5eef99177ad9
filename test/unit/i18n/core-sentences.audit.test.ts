import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAuditLine } from '../../../electron/core/audit/audit.entry.js';
import { AuditStore } from '../../../electron/core/audit/audit.store.js';
import { verifyAuditLog } from '../../../electron/core/audit/audit.verify.js';
import { auditVersion } from '../../../electron/core/history/history.audit.js';
import { mergeVersions } from '../../../electron/core/history/history.merge.js';
import { watchVersion } from '../../../electron/core/history/history.watch.js';
import { revertStep, unrevertableReason } from '../../../electron/core/revert/revert.check.js';
import type { AuditValue } from '../../../shared/model/audit.js';
import type { StreamEvent } from '../../../shared/model/event-stream.js';
import type { NodeValue } from '../../../shared/model/node.js';
import { auditEntry as entry, sampleRecord, TEST_IDENTITY } from '../audit/fixtures/audit.records.js';
import { zhSentences } from './support/zh-sentences.js';

// Why an entry cannot be reverted, what a version kept on this machine is and where a verify found the
// chain broken come from the core in English; the audit centre and the History tab write them in Chinese.

const digest = (size: number): AuditValue => ({ omitted: true, size, sha256: 'ab'.repeat(32) });

const node = (text: string): NodeValue => ({
  path: '/a',
  hasValue: true,
  valueBase64: Buffer.from(text).toString('base64'),
  size: Buffer.byteLength(text),
  truncated: false,
  token: '3',
  meta: [],
  acls: null,
  childCount: 0,
});

function watchEvent(type: StreamEvent['type'], after: StreamEvent['after']): StreamEvent {
  return {
    type,
    path: '/a',
    mark: null,
    version: '4',
    before: null,
    beforeKnown: false,
    after,
    detail: null,
    seq: 3,
    time: Date.UTC(2026, 11, 2, 14, 0, 1),
  };
}

describe('why an entry cannot be reverted, in the audit centre', () => {
  it('writes the refusals in Chinese, the entry, operation and path kept', () => {
    const zh = zhSentences();
    const sync = unrevertableReason(entry({ operation: 'sync' }))!;
    expect(sync).toBe('Entry 7 records a whole sync, not a node write; revert its writes instead.');
    expect(zh(sync)).toBe('条目 7 记录的是整个 sync 操作，而不是一次节点写入；请改为撤销其中的各次写入。');
    expect(zh(unrevertableReason(entry({ operation: 'acl' }))!)).toBe(
      '条目 7 记录的是一次 ACL 变更；请改为把它替换掉的 ACL（其变更前的值）设置回去。',
    );
    expect(zh(unrevertableReason(entry({ outcome: 'refused' }))!)).toBe(
      '条目 7 没有写入任何内容（其结果为 refused）。',
    );
    const recursive = unrevertableReason(
      entry({ operation: 'delete', details: { recursive: true, deleted: 12 } }),
    )!;
    expect(recursive).toBe(
      'Entry 7 deleted 12 nodes recursively; the log keeps the value of the node itself only, so they cannot be re-created.',
    );
    expect(zh(recursive)).toBe(
      '条目 7 递归删除了 12 个节点；日志只保存了该节点本身的值，因此无法重新创建它们。',
    );
    expect(zh(unrevertableReason(entry({ before: null }))!)).toBe('条目 7 没有记录 /a 变更前的值。');
    const digested = unrevertableReason(entry({ before: digest(90000) }))!;
    expect(digested).toBe(
      'The audit log kept only a digest of the value before entry 7 (90000 bytes), so it cannot be written back.',
    );
    expect(zh(digested)).toBe('审计日志只保留了条目 7 变更前的值的摘要（90000 字节），因此无法写回。');
    expect(zh(unrevertableReason(entry({ after: null }))!)).toBe(
      '条目 7 没有记录它写入的值，因此无法判断之后是否有变更。',
    );
    expect(zh(unrevertableReason(entry({ operation: 'create', after: null }))!)).toBe(
      '条目 7 没有记录它创建的值。',
    );
  });

  it('writes why a node moved on since its entry in Chinese', () => {
    const zh = zhSentences();
    const changed = revertStep(entry({}), node('newer')).item.reason!;
    expect(changed).toBe('/a changed since entry 7: its value is no longer the one written then.');
    expect(zh(changed)).toBe('/a 在条目 7 之后已被修改：其值不再是当时写入的值。');
    expect(zh(revertStep(entry({}), null).item.reason!)).toBe('/a 在条目 7 之后已被删除。');
    expect(zh(revertStep(entry({ operation: 'delete', after: null }), node('back')).item.reason!)).toBe(
      '条目 7 删除 /a 之后，它又重新存在了。',
    );
    expect(revertStep(entry({}), node('new')).item).toMatchObject({ state: 'ready', reason: null });
  });
});

describe('the versions of a node kept on this machine, in the History tab', () => {
  it('writes the audit entries’ and the Watch tab’s notes in Chinese', () => {
    const zh = zhSentences();
    const audited = auditVersion(entry({ seq: 12 }));
    expect(audited.note).toBe("This machine's audit entry 12.");
    expect(zh(audited.note!)).toBe('本机的审计条目 12。');
    expect(zh(auditVersion(entry({ operation: 'delete', after: null })).note!)).toBe(
      '已删除（本机的审计条目 7）。',
    );
    expect(zh(auditVersion(entry({ after: digest(70000) })).note!)).toBe(
      '审计日志只保留了此值的摘要（70000 字节），因此无法恢复。',
    );
    const recorded = watchVersion({
      streamId: 's',
      event: watchEvent('changed', { size: 3, sha256: 'x', base64: Buffer.from('new').toString('base64') }),
    });
    expect(zh(recorded.note!)).toBe('由监听标签页的事件流记录。');
    expect(zh(watchVersion({ streamId: 's', event: watchEvent('deleted', null) }).note!)).toBe(
      '已删除（由监听标签页的事件流看到）。',
    );
    const cut = watchVersion({
      streamId: 's',
      event: watchEvent('changed', { size: 80000, sha256: 'x', base64: null }),
    });
    expect(cut.note).toBe(
      'The Watch tab kept only a digest of this value (80000 bytes), so it cannot be restored.',
    );
    expect(zh(cut.note!)).toBe('监听标签页只保留了此值的摘要（80000 字节），因此无法恢复。');
    const [merged] = mergeVersions(
      [{ version: { ...audited, time: recorded.time }, sha256: 'x' }],
      [{ version: recorded, sha256: 'x' }],
    );
    expect(merged!.note).toBe("This machine's audit entry 12. A Watch tab stream saw it too.");
    expect(zh(merged!.note!)).toBe('本机的审计条目 12。监听标签页的事件流也看到了这次变更。');
  });
});

describe('where a verify found the hash chain broken, in the audit centre', () => {
  let dir: string;
  let file: string;
  let lines: string[];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-audit-sentences-'));
    file = join(dir, 'audit.jsonl');
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    for (let i = 1; i <= 5; i += 1) await store.append(sampleRecord({ path: `/p/${i}` }));
    lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** The reason a verify gives for `edited` lines written as file `number` of the log. */
  async function reasonOf(edited: string[], number = 1): Promise<string> {
    await writeFile(file, edited.map((line) => `${line}\n`).join(''));
    const { size } = await stat(file);
    const result = await verifyAuditLog([{ number, name: 'audit.jsonl', path: file, size }]);
    return result.firstBroken!.reason;
  }

  it('writes each kind of break in Chinese, seqs and files kept', async () => {
    const zh = zhSentences();
    const edited = [...lines];
    edited[2] = edited[2]!.replace('"/p/3"', '"/p/evil"');
    expect(zh(await reasonOf(edited))).toBe('哈希不匹配：条目在写入后被修改过');
    const gap = await reasonOf([lines[0]!, lines[3]!, lines[4]!]);
    expect(gap).toBe('seq 4 where 2 was expected: entries 2..3 are missing or out of order');
    expect(zh(gap)).toBe('此处应为 seq 2，实际为 seq 4：条目 2..3 缺失或顺序错乱');
    expect(zh(await reasonOf([lines[0]!, lines[2]!]))).toBe(
      '此处应为 seq 2，实际为 seq 3：条目 2 缺失或顺序错乱',
    );
    expect(zh(await reasonOf([lines[0]!, lines[1]!, lines[0]!]))).toBe(
      '此处应为 seq 3，实际为 seq 1：条目被重新排序或重复',
    );
    const afterMissingFile = await reasonOf(lines.slice(1), 2);
    expect(afterMissingFile).toBe(
      'seq 2 where 1 was expected: entry 1 is missing or out of order (log file 1 is missing)',
    );
    expect(zh(afterMissingFile)).toBe(
      '此处应为 seq 1，实际为 seq 2：条目 1 缺失或顺序错乱（日志文件 1 缺失）',
    );
    expect(zh(await reasonOf(lines.slice(1), 4))).toBe(
      '此处应为 seq 1，实际为 seq 2：条目 1 缺失或顺序错乱（日志文件 1..3 缺失）',
    );
  });

  it('writes why a line is no entry in Chinese', () => {
    const zh = zhSentences();
    const reason = (text: string) => {
      const parsed = parseAuditLine(text);
      return parsed.ok ? null : parsed.reason;
    };
    expect(zh(reason('   ')!)).toBe('空行');
    expect(zh(reason('{"seq":')!)).toBe('不是有效的 JSON');
    expect(zh(reason('[1]')!)).toBe('不是 JSON 对象');
    const notEntry = reason('{"seq":"one"}')!;
    expect(notEntry).toMatch(/^not an audit entry \(seq: .+\)$/);
    expect(zh(notEntry)).toMatch(/^不是审计条目（seq：.+）$/);
  });
});
