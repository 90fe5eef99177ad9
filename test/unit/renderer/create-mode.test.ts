import { describe, expect, it } from 'vitest';
import { NO_CAPABILITIES, type Capabilities } from '../../../shared/model/capabilities.js';
import { createModeProblem } from '../../../shared/model/create-mode.rules.js';
import {
  createModeFormProblem,
  EMPTY_CREATE_MODE,
  toCreateMode,
  type CreateModeForm,
} from '../../../renderer/src/features/edit/create-mode.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';

const en = createI18n('en').getFixedT('en', 'edit');

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

  it("refuses what the core would refuse, in the core's words, and numbers that are not numbers", () => {
    const zooKeeper: Capabilities = {
      ...none,
      ephemeral: true,
      sequential: true,
      container: true,
      ttl: true,
    };
    const problem = (form: Partial<CreateModeForm>, caps = zooKeeper) =>
      createModeFormProblem({ ...EMPTY_CREATE_MODE, ...form }, caps, en);
    const containerAndEphemeral = { container: true, ephemeral: true };
    expect(problem(containerAndEphemeral)).toBe(
      createModeProblem(
        toCreateMode({ ...EMPTY_CREATE_MODE, ...containerAndEphemeral }, zooKeeper),
        zooKeeper,
      )?.message,
    );
    expect(problem(containerAndEphemeral)).toMatch(/container/);
    expect(problem({ container: true, ttlMs: '10' })).toMatch(/container/);
    expect(problem({ ttlMs: '10', ephemeral: true })).toMatch(/TTL/);
    expect(problem({ ttlMs: 'abc' })).toMatch(/TTL must be a positive number/);
    expect(problem({ ttlMs: '10', sequential: true })).toBeNull();
    expect(problem({ leaseTtlSec: '-1' }, { ...none, leases: true })).toMatch(/Lease TTL/);
    expect(problem({})).toBeNull();
    // What the store cannot do is never offered, so it is dropped rather than refused.
    expect(problem(containerAndEphemeral, none)).toBeNull();
  });

  it('says each rule in the UI’s language, in English exactly as the core refuses it', () => {
    const zh = createI18n('zh-CN').getFixedT('zh-CN', 'edit');
    const caps: Capabilities = { ...none, ephemeral: true, container: true, ttl: true };
    const form = { ...EMPTY_CREATE_MODE, container: true, ephemeral: true };
    expect(createModeFormProblem(form, caps, zh)).toBe('容器节点不能同时是临时节点、顺序节点或带 TTL。');
    const ttlWithEphemeral = { ...EMPTY_CREATE_MODE, ephemeral: true, ttlMs: '10' };
    expect(createModeFormProblem(ttlWithEphemeral, caps, en)).toBe(
      createModeProblem(toCreateMode(ttlWithEphemeral, caps), caps)?.message,
    );
    // A mode the server lacks (the core's check; the dialog never offers it): named in either language.
    const notOffered = createModeProblem({ ttlMs: 1000 }, none);
    expect(notOffered).toMatchObject({ code: 'UNSUPPORTED', rule: 'notOffered', mode: 'ttl' });
    const say = (t: typeof en) =>
      t('createModeProblem.notOffered', { mode: t(`createModeProblem.mode.ttl`) });
    expect(say(en)).toBe(notOffered?.message);
    expect(say(zh)).toBe('此服务器不支持TTL 节点；请创建普通节点。');
  });
});
