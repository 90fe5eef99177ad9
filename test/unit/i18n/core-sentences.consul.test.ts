import { describe, expect, it } from 'vitest';
import { identityGrants } from '../../../electron/core/backends/consul/consul.principals.identity.js';
import { rulesGrants } from '../../../electron/core/backends/consul/consul.rules.grants.js';
import { CONSUL_SENTENCES } from '../../../shared/sentences/consul.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { zhSentences } from './support/zh-sentences.js';

// Consul's sentences nest (a syntax error inside a rules problem inside a policy's note; a role inside a
// grant's note): the UI must read each level back and write all of them in its language.

const zhSays = zhSentences;

describe('Consul’s sentences in the UI', () => {
  it('writes a policy’s broken rules in Chinese down to where they broke', () => {
    const [problem] = rulesGrants('key_prefix "app/" { policy = "read" } }').problems;
    const note = say(CONSUL_SENTENCES, 'policyProblem', { policy: 'app-config', problem: problem! });
    expect(note).toBe(
      'Policy app-config: The rules could not be read (expected a name, found "}" at character 39); see the rules text.',
    );
    expect(zhSays()(note)).toBe(
      '策略 app-config：无法读取这些规则（第 39 个字符处应为名称，却是“}”）；请查看规则文本。',
    );
  });

  it('writes where a grant comes from in Chinese, the role inside it too', () => {
    const via = say(CONSUL_SENTENCES, 'grantViaRole', { role: 'web-deployer' });
    const [grant] = identityGrants({ ServiceIdentities: [{ ServiceName: 'web' }], NodeIdentities: [] }, via);
    expect(grant!.note).toBe('service identity web; role web-deployer');
    expect(zhSays()(grant!.note!)).toBe('服务身份 web；角色 web-deployer');
  });

  it('counts the earlier locks of a key in English and keeps the count in Chinese', () => {
    const once = say(CONSUL_SENTENCES, 'keyNotLocked', {
      key: 'app/lock',
      history: say(CONSUL_SENTENCES, 'lockedBefore', { count: 1 }),
    });
    expect(once).toBe('No session holds the lock on key app/lock (it was locked 1 time before).');
    expect(zhSays()(once)).toBe('没有会话持有键 app/lock 上的锁（它之前被锁定过 1 次）。');
    const never = say(CONSUL_SENTENCES, 'keyNotLocked', {
      key: 'app/lock',
      history: say(CONSUL_SENTENCES, 'neverLocked'),
    });
    expect(zhSays()(never)).toBe('没有会话持有键 app/lock 上的锁（它从未被锁定过）。');
  });
});
