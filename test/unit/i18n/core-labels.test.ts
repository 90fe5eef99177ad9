import { describe, expect, it } from 'vitest';
import { bundledCatalogue, type CatalogueTree } from '../../../renderer/src/i18n/catalogue.js';
import { coreLabels } from '../../../renderer/src/i18n/core-labels.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';
import { kindTexts } from '../../../shared/kinds/kind-texts.js';
import { BACKEND_KINDS, KIND_DESCRIPTORS } from '../../../shared/kinds/kinds.js';
import { CORE_WORDS, inWords } from '../../../shared/labels/core-words.js';
import {
  DIAGNOSTIC_TABLE_LABELS,
  diagnosticColumns,
  diagnosticTitle,
} from '../../../shared/labels/diagnostic-tables.js';
import { MEMBER_METRIC_LABELS, memberMetric } from '../../../shared/labels/member-metrics.js';
import { META_FIELD_LABELS, metaField, storedMetaField } from '../../../shared/labels/meta-fields.js';
import { OWNER_FACT_LABELS, ownerFact } from '../../../shared/labels/owner-facts.js';
import type { DiagnosticTable } from '../../../shared/model/diagnostics.js';

// The core's fixed labels live in shared/labels/ in English; the UI writes them from the coreLabels
// catalogue. The English catalogue must say exactly what the core says (so the two cannot drift) and the
// Chinese one must have a text for every key.

/** Every label of the shared tables as catalogue key → the core's English text. */
function coreTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  const add = (prefix: string, table: Record<string, string>) => {
    for (const [key, text] of Object.entries(table)) texts.set(`${prefix}.${key}`, text);
  };
  add('metaField', META_FIELD_LABELS);
  add('memberMetric', MEMBER_METRIC_LABELS);
  add('ownerFact', OWNER_FACT_LABELS);
  add('word', CORE_WORDS);
  for (const kind of BACKEND_KINDS) add(`kind.${kind}`, kindTexts(kind));
  for (const [kind, table] of Object.entries(DIAGNOSTIC_TABLE_LABELS)) {
    texts.set(`diagnosticTable.${kind}.title`, table.title);
    add(`diagnosticTable.${kind}.columns`, table.columns);
  }
  return texts;
}

function leaf(tree: CatalogueTree | undefined, path: string): string | undefined {
  let node: CatalogueTree | string | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

const catalogue = bundledCatalogue();
const zh = createI18n('zh-CN');
const en = createI18n('en');
const labelsIn = (i18n: typeof zh) => coreLabels(i18n.getFixedT(null, 'coreLabels'));

describe('the core labels catalogue', () => {
  it('says in English exactly what the core says, for every key of every shared label table', () => {
    for (const [key, text] of coreTexts()) {
      expect(leaf(catalogue.en['coreLabels'], key), `coreLabels:${key} (en)`).toBe(text);
    }
  });

  it('has a Chinese text for every key, and no key the core does not have', () => {
    const keys = coreTexts();
    for (const key of keys.keys()) {
      const text = leaf(catalogue['zh-CN']['coreLabels'], key);
      expect(text, `coreLabels:${key} (zh-CN)`).toMatch(/\S/);
      expect(text, `coreLabels:${key} (zh-CN) is Chinese or a term kept as is`).not.toBe(undefined);
    }
    const count = (tree: CatalogueTree): number =>
      Object.values(tree).reduce<number>((n, v) => n + (typeof v === 'string' ? 1 : count(v)), 0);
    expect(count(catalogue.en['coreLabels']!)).toBe(keys.size);
  });
});

describe('the core labels in the UI', () => {
  it('writes a known metadata key in the language, ZooKeeper’s data version apart from etcd’s version', () => {
    expect(labelsIn(zh).metaField(metaField('dataVersion', '3'))).toBe('数据版本');
    expect(labelsIn(zh).metaField(metaField('version', '3'))).toBe('版本');
    expect(labelsIn(en).metaField(metaField('dataVersion', '3'))).toBe('Data version');
  });

  it('keeps the core’s label for a key it does not know (a newer core, a snapshot file)', () => {
    const field = { key: 'quota', label: 'Quota', value: '10' };
    expect(labelsIn(zh).metaField(field)).toBe('Quota');
    expect(labelsIn(zh).metaField(storedMetaField('x-custom', '1'))).toBe('x-custom');
    expect(storedMetaField('czxid', '0x1')).toEqual({ key: 'czxid', label: 'Created zxid', value: '0x1' });
    expect(
      labelsIn(zh).memberMetric({ key: 'newFigure', label: 'New figure', value: 1, unit: 'count' }),
    ).toBe('New figure');
    expect(labelsIn(zh).ownerFact({ key: 'newFact', label: 'New fact', value: 'x' })).toBe('New fact');
  });

  it('writes a kind’s form labels and hints in the language, keeping a field the kind does not have null', () => {
    const consul = labelsIn(zh).kind('consul');
    expect(consul.passwordLabel).toBe('ACL 令牌');
    expect(consul.usernameLabel).toBeNull();
    expect(consul.tlsHint).toBeNull();
    expect(consul.registryScope).toEqual(KIND_DESCRIPTORS.consul.registryScope);
    expect(labelsIn(zh).kind('zookeeper').timeoutLabel).toBe('会话超时（毫秒）');
    expect(labelsIn(zh).kind('snapshot').label).toBe('快照文件');
    expect(labelsIn(en).kind('zookeeper')).toEqual(KIND_DESCRIPTORS.zookeeper);
  });

  it('writes the core’s words in the language, with their placeholders, and leaves other values alone', () => {
    const ttl = metaField('lease_ttl', inWords('seconds', { n: 30 }));
    expect(ttl.value).toBe('30 s');
    expect(labelsIn(zh).word(ttl)).toBe('30 秒');
    expect(labelsIn(en).word(ttl)).toBe('30 s');
    expect(labelsIn(zh).word(metaField('lease', inWords('none')))).toBe('无');
    expect(labelsIn(zh).word(memberMetric('voter', inWords('yes')))).toBe('是');
    expect(labelsIn(zh).word(metaField('description', 'none'))).toBeNull();
    expect(labelsIn(zh).word({ word: { key: 'fromANewerCore', params: {} } })).toBeNull();
  });

  it('writes a lock holder and a session’s other ephemeral nodes with their values', () => {
    const holder = metaField(
      'session',
      inWords('sessionOnNodeNamed', { id: 'ab-12', node: 'n1', name: 'deploy' }),
    );
    expect(holder.value).toBe('session ab-12 on node n1 (deploy)');
    expect(labelsIn(zh).word(holder)).toBe('节点 n1 上的会话 ab-12（deploy）');
    expect(labelsIn(zh).word(metaField('session', inWords('sessionGone', { id: 'ab-12' })))).toBe(
      '会话 ab-12（已不存在）',
    );
    const paths = ownerFact(
      'sessionEphemerals',
      inWords('ephemeralPathsMore', { count: 12, paths: '/a, /b', more: 10 }),
    );
    expect(paths.value).toBe('12: /a, /b and 10 more');
    expect(labelsIn(zh).word(paths)).toBe('12 个：/a, /b 等另外 10 个');
  });

  it('titles a table and labels its columns by its kind, the same key labelled per table', () => {
    const table = (
      kind: 'cons' | 'subscribers' | 'listeners-by-ip',
      subject: string | null,
    ): DiagnosticTable => ({
      id: kind,
      ...diagnosticTitle(kind, subject),
      available: true,
      reason: null,
      columns: [],
      rows: [],
      more: null,
      notes: [],
    });
    const cons = table('cons', 'zk1 (127.0.0.1:2181)');
    expect(cons.title).toBe('Connections to zk1 (127.0.0.1:2181)');
    expect(labelsIn(zh).tableTitle(cons)).toBe('连接到 zk1 (127.0.0.1:2181) 的客户端');
    const [subscriber] = diagnosticColumns('subscribers', [['client', 'mono']]);
    const [clientIp] = diagnosticColumns('listeners-by-ip', [['client', 'mono']]);
    expect([subscriber!.label, clientIp!.label]).toEqual(['Subscriber', 'Client IP']);
    expect(labelsIn(zh).column(table('subscribers', null), subscriber!)).toBe('订阅者');
    expect(labelsIn(zh).column(table('listeners-by-ip', null), clientIp!)).toBe('客户端 IP');
    const unknown = { ...cons, kind: 'from-a-newer-core', title: 'Something new' };
    expect(labelsIn(zh).tableTitle(unknown)).toBe('Something new');
    expect(labelsIn(zh).column(unknown, { key: 'client', label: 'Client', format: 'mono' })).toBe('Client');
  });

  it('labels owner facts by their key', () => {
    const fact = ownerFact('lockDelay', inWords('milliseconds', { n: 15000 }));
    expect(fact).toMatchObject({ key: 'lockDelay', label: 'Lock delay', value: '15000 ms' });
    expect(labelsIn(zh).ownerFact(fact)).toBe('锁延迟');
    expect(labelsIn(zh).word(fact)).toBe('15000 毫秒');
  });
});
