import { describe, expect, it } from 'vitest';
import { NO_CAPABILITIES, type Capabilities } from '../../../shared/model/capabilities.js';
import type { ServersReport } from '../../../shared/model/diagnostics.js';
import { availableTabs } from '../../../renderer/src/features/layout/app-tabs.js';
import {
  formatCell,
  formatMetric,
  formatTtl,
  serversSummary,
} from '../../../renderer/src/features/servers/servers-summary.js';
import { valuePanes } from '../../../renderer/src/features/value/value-panes.js';
import { filledColumns } from '../../../renderer/src/features/watchers/watcher-labels.js';
import { localeFormats } from '../../../renderer/src/i18n/locale-formats.js';

const enFormats = localeFormats('en-US');
const zhFormats = localeFormats('zh-CN');
const words = { yes: 'yes', no: 'no', sentence: (text: string) => text };
import {
  emptyConnectionForm,
  formProblems,
  formToInput,
} from '../../../renderer/src/features/connections/connection-form.model.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';

const en = createI18n('en').getFixedT('en', 'connections');

const member = (id: string, up: boolean) => ({
  id,
  name: id,
  address: id,
  role: 'follower' as const,
  up,
  error: up ? null : 'connection refused',
  version: '3.8.4',
  metrics: [],
});
const report = (ups: boolean[], disagreements: string[] = []): ServersReport => ({
  members: ups.map((up, i) => member(`127.0.0.1:${2181 + i}`, up)),
  checkedAt: 0,
  disagreements,
  notes: [],
});

describe('servers summary', () => {
  it('counts members up: red when any is down or none answers, amber when they disagree', () => {
    expect(serversSummary(report([true, true, true]))).toEqual({
      up: 3,
      total: 3,
      tone: 'ok',
    });
    expect(serversSummary(report([true, false, true]))).toMatchObject({ up: 2, total: 3, tone: 'bad' });
    expect(serversSummary(report([]))).toMatchObject({ up: 0, total: 0, tone: 'bad' });
    expect(serversSummary(report([true, true], ['zxid lag']))).toMatchObject({ tone: 'warn' });
  });

  it('formats figures by their unit and cells by their column', () => {
    expect(formatMetric({ key: 'db', label: 'DB', value: 2048, unit: 'bytes' }, enFormats)).toBe('2.0 KB');
    expect(formatMetric({ key: 'l', label: 'Latency', value: 12, unit: 'ms' }, enFormats)).toBe('12 ms');
    expect(formatMetric({ key: 'z', label: 'znodes', value: 12345, unit: 'count' }, enFormats)).toBe(
      '12,345',
    );
    expect(formatMetric({ key: 'zxid', label: 'zxid', value: '0x1a', unit: 'text' }, enFormats)).toBe('0x1a');
    expect(formatCell(null, 'text', enFormats, words)).toBe('—');
    expect(formatCell(true, 'text', enFormats, words)).toBe('yes');
    expect(formatCell(1500, 'count', enFormats, words)).toBe('1,500');
    // In Chinese the sizes are the locale's, the yes/no cells the catalogue's words.
    expect(formatMetric({ key: 'db', label: 'DB', value: 500, unit: 'bytes' }, zhFormats)).toBe(
      zhFormats.bytes(500),
    );
    expect(zhFormats.bytes(500)).toMatch(/字节/);
    const zhWords = { yes: '是', no: '否', sentence: (text: string) => `«${text}»` };
    expect(formatCell(false, 'text', zhFormats, zhWords)).toBe('否');
    // Text cells are the core's sentences, written by the UI's reader; times are not.
    expect(formatCell('a (b)', 'mono', zhFormats, zhWords)).toBe('«a (b)»');
    expect(formatCell('2026-12-03T10:00:00Z', 'time', zhFormats, zhWords)).not.toMatch(/«/);
  });

  it('writes lease times in the locale, and an expired one in the UI’s word', () => {
    expect(formatTtl(0, enFormats, 'expired')).toBe('expired');
    expect(formatTtl(-3, zhFormats, '已过期')).toBe('已过期');
    expect(formatTtl(45, enFormats, 'expired')).toBe('45 sec');
    expect(formatTtl(725, enFormats, 'expired')).toBe('12 min 5 sec');
    expect(formatTtl(7380, enFormats, 'expired')).toBe('2 hr 3 min');
    expect(formatTtl(725, zhFormats, '已过期')).toBe('12分钟5秒');
    expect(formatTtl(7380, zhFormats, '已过期')).toBe('2小时3分钟');
  });

  it('writes a search’s time taken in the locale', () => {
    expect(enFormats.elapsed(120.4)).toBe('120 ms');
    expect(enFormats.elapsed(1540)).toBe('1.5 sec');
    expect(enFormats.elapsed(125_000)).toBe('2 min 5 sec');
    expect(zhFormats.elapsed(120)).toBe('120毫秒');
    expect(zhFormats.elapsed(1540)).toBe('1.5秒');
  });
});

describe('watch, servers and watchers follow capabilities', () => {
  const zk: Capabilities = {
    ...NO_CAPABILITIES,
    eventStreams: true,
    servers: true,
    watchers: true,
    owners: true,
  };
  it('shows the Watch and Servers tabs only where the store has them', () => {
    expect(availableTabs(zk)).toEqual(['browser', 'watch', 'servers', 'compare', 'search', 'audit']);
    expect(availableTabs({ ...NO_CAPABILITIES, eventStreams: true })).toEqual([
      'browser',
      'watch',
      'compare',
      'search',
      'audit',
    ]);
  });

  it('shows the Watchers pane where the store can tell, or has a sentence saying it cannot', () => {
    expect(valuePanes(zk, true)).toEqual(['value', 'history', 'watchers']);
    expect(valuePanes(NO_CAPABILITIES, true, 'etcd does not tell which clients watch a key.')).toEqual([
      'value',
      'history',
      'watchers',
    ]);
    expect(valuePanes(NO_CAPABILITIES, true)).toEqual(['value', 'history']);
    expect(valuePanes(zk, false)).toEqual(['value']);
  });

  it('leaves out the watcher columns no watcher fills', () => {
    const has = filledColumns([
      {
        sessionId: '0x1',
        client: '127.0.0.1:5000',
        member: null,
        kind: 'data',
        watchedPath: '/a',
        holds: null,
        current: null,
        detail: null,
      },
    ]);
    expect(has).toEqual({ session: true, member: false, holds: false, current: false, detail: false });
  });
});

describe('ZooKeeper AdminServer URL in the connection form', () => {
  it('is saved when given, checked for its scheme, and never sent for other kinds', () => {
    const form = { ...emptyConnectionForm(), name: 'zk', endpointsText: '127.0.0.1:2181' };
    expect(formToInput({ ...form, adminServerUrl: ' http://zk1:8080/commands ' }).adminServerUrl).toBe(
      'http://zk1:8080/commands',
    );
    expect(formToInput(form).adminServerUrl).toBeNull();
    expect(formProblems({ ...form, adminServerUrl: 'zk1:8080' }, en).adminServerUrl).toContain('http://');
    expect(formToInput({ ...form, kind: 'etcd', adminServerUrl: 'http://x' }).adminServerUrl).toBeNull();
  });
});
