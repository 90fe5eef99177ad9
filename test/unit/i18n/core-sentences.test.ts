import { describe, expect, it } from 'vitest';
import { bundledCatalogue, type CatalogueTree } from '../../../renderer/src/i18n/catalogue.js';
import {
  coreSentences,
  readSentence,
  sentencePatterns,
  type SentenceTranslate,
} from '../../../renderer/src/i18n/core-sentences.js';
import { CORE_SENTENCE_TABLES } from '../../../shared/sentences/core-sentences.js';
import {
  asSentence,
  say,
  type SentenceTable,
  type SentenceTemplate,
} from '../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../shared/sentences/zookeeper.js';
import { aclProblems } from '../../../shared/acl/acl.rules.js';
import { zhSentences } from './support/zh-sentences.js';

// The core writes its sentences from the tables in shared/sentences/ (English, for the CLI and the logs);
// the UI reads each back to its key and values and writes the catalogue's text. The English catalogue
// must say exactly what the tables say, and every sentence must read back as itself and nothing else.

const catalogue = bundledCatalogue();
const tables = Object.entries(CORE_SENTENCE_TABLES) as [keyof typeof CORE_SENTENCE_TABLES, SentenceTable][];
const patterns = sentencePatterns();
const zhSays = zhSentences;

/** A sample of the form with each placeholder filled by a value that cannot be mistaken for words. */
function sample(form: string): { text: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const text = form.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
    params[name] = name === 'count' ? '7' : `⟨${name}⟩`;
    return params[name];
  });
  return { text, params };
}

describe('the core sentences catalogue', () => {
  for (const [namespace, table] of tables) {
    it(`${namespace}: says in English exactly what the core says`, () => {
      const en = catalogue.en[namespace] as CatalogueTree | undefined;
      expect(en, namespace).toBeDefined();
      const expected: Record<string, string> = {};
      for (const [key, template] of Object.entries(table)) {
        if (typeof template === 'string') expected[key] = template;
        else Object.assign(expected, { [`${key}_one`]: template.one, [`${key}_other`]: template.other });
      }
      expect(en).toEqual(expected);
    });
  }

  it('reads every sentence back as itself, with its values, and as no other sentence', () => {
    let read = 0;
    for (const [namespace, table] of tables) {
      for (const [key, template] of Object.entries(table)) {
        const forms: [string, 'one' | 'other' | null][] =
          typeof template === 'string'
            ? [[template, null]]
            : [
                [template.one, 'one'],
                [template.other, 'other'],
              ];
        for (const [form, plural] of forms) {
          const { text, params } = sample(form);
          const found = readSentence(patterns, text);
          const label = `${namespace}:${key}: ${form}`;
          if (found !== null && (found.namespace !== namespace || found.key !== key)) {
            // Two stores may say the very same sentence (`role {{role}}`): then both say it alike in Chinese.
            const other = CORE_SENTENCE_TABLES[found.namespace][found.key as never] as SentenceTemplate;
            expect(typeof other === 'string' ? other : other[plural ?? 'other'], label).toBe(form);
            const zh = catalogue['zh-CN'];
            const zhKey = (k: string) => (plural === null ? k : `${k}_other`);
            expect(zh[found.namespace]?.[zhKey(found.key)], label).toBe(zh[namespace]?.[zhKey(key)]);
          } else {
            expect(found, label).toEqual({ namespace, key, params, form: plural });
          }
          read += 1;
        }
      }
    }
    expect(read).toBeGreaterThan(0);
  });
});

describe('the core sentences in the UI', () => {
  it('writes a sentence of the core in Chinese, its values kept, the fix line apart', () => {
    const english = say(ZOOKEEPER_SENTENCES, 'wordRefusedFix', { address: '127.0.0.1:2181', word: 'cons' });
    expect(english).toContain('refuses the four-letter word cons');
    expect(zhSays()(english)).toBe(
      '127.0.0.1:2181 拒绝了四字命令 cons：它不在 4lw.commands.whitelist 中。请把下面这行加入其 zoo.cfg 并重启。',
    );
  });

  it('writes the ACL editor’s problems (the rules the core checks too) in Chinese', () => {
    const problems = aclProblems([
      { scheme: 'ip', id: '10.0.0.300', permissions: 'r' },
      { scheme: 'world', id: 'anyone', permissions: '' },
    ]);
    expect(problems).toEqual([
      'The ip id "10.0.0.300" has a part above 255.',
      'The entry world:anyone grants no permission; give at least one of rwcda.',
    ]);
    expect(problems.map(zhSays())).toEqual([
      'ip 标识“10.0.0.300”有一段大于 255。',
      '条目 world:anyone 没有授予任何权限；请至少给出 rwcda 中的一个。',
    ]);
  });

  it('reads ZooKeeper’s reasons made sentences, listed disagreements and counts in Chinese', () => {
    const Z = ZOOKEEPER_SENTENCES;
    const refused = say(Z, 'wordConnectionRefused', { address: '127.0.0.1:1' });
    expect(zhSays()(say(Z, 'noMemberListed', { reason: asSentence(refused) }))).toBe(
      '没有成员列出其监听：127.0.0.1:1 上没有服务在监听（连接被拒绝）。',
    );
    const below = (member: string, n: number) =>
      say(Z, 'countBelow', { member, n: String(n), fewer: String(12 - n), most: 'server.1', top: '12' });
    const differ = say(Z, 'znodeCountsDiffer', {
      members: [below('server.2', 10), below('server.3', 11)].join('; '),
    });
    expect(differ).toBe(
      'Znode counts differ: server.2 has 10, 2 fewer than server.1 with 12; server.3 has 11, 1 fewer than server.1 with 12.',
    );
    expect(zhSays()(differ)).toBe(
      'Znode 数不一致：server.2 有 10 个，比 server.1（12 个）少 2 个；server.3 有 11 个，比 server.1（12 个）少 1 个。',
    );
    const cost = say(Z, 'watchCost', { count: 1, watches: say(Z, 'watchCount', { count: 120431 }) });
    expect(cost).toBe('1 member holds 120,431 watches; listing them is costly on the servers.');
    expect(zhSays()(cost)).toBe('1 个成员共有 120,431 个监听；列出它们会给服务器带来较大开销。');
    // A counted sentence that does not show its count: the form it was is kept.
    const one = say(Z, 'notTunnelled', { count: 1, ids: 'server.3' });
    expect(one).toMatch(/^server.3 is not among/);
    expect(zhSays()(one)).toMatch(/^server.3 不在连接的地址列表中/);
  });

  it('shows any other text as it came (a server’s own words, a newer core)', () => {
    expect(zhSays()('mntr is not executed because it is not in the whitelist.')).toBe(
      'mntr is not executed because it is not in the whitelist.',
    );
    expect(zhSays()('')).toBe('');
  });

  it('reads a sentence inside a sentence, and a count as a number for the plural', () => {
    const table = {
      down: '{{member}} is down: {{why}}',
      refused: 'nothing listens on {{address}}',
      behind: { one: '{{count}} member is behind', other: '{{count}} members are behind' },
    } as const satisfies SentenceTable;
    const calls: [string, Record<string, unknown>][] = [];
    const translate: SentenceTranslate = (key, options) => {
      calls.push([key, options]);
      return `[${key}]`;
    };
    const write = coreSentences(
      translate,
      sentencePatterns({
        sentencesZookeeper: table,
        sentencesEtcd: {},
        sentencesConsul: {},
        sentencesNacos: {},
      }),
    );
    expect(write(say(table, 'down', { member: 'zk1', why: say(table, 'refused', { address: 'x:1' }) }))).toBe(
      '[sentencesZookeeper:down]',
    );
    expect(calls.map(([key]) => key)).toEqual(['sentencesZookeeper:refused', 'sentencesZookeeper:down']);
    expect(calls[1]![1]).toMatchObject({ member: 'zk1', why: '[sentencesZookeeper:refused]' });
    calls.length = 0;
    expect(say(table, 'behind', { count: 1 })).toBe('1 member is behind');
    write(say(table, 'behind', { count: 3 }));
    expect(calls[0]).toEqual([
      'sentencesZookeeper:behind',
      { count: 3, defaultValue: '3 members are behind' },
    ]);
  });
});
