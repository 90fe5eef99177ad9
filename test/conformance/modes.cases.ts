import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateMode } from '../../shared/model/node.js';
import type { NodeCapabilities } from '../../shared/model/capabilities.js';
import { rejection } from '../integration/support/async-expect.js';
import { PLAIN, under, type SuiteContext } from './context.js';
import { coreOver } from './core.js';
import { eventually, outcome } from './wait.js';

type ModeFlag = Exclude<keyof NodeCapabilities, 'acls'>;

/** The create mode that asks for each capability. */
const MODE_OF: Record<ModeFlag, CreateMode> = {
  ephemeral: { ephemeral: true },
  sequential: { sequential: true },
  container: { container: true },
  ttl: { ttlMs: 500 },
  leases: { leaseTtlSec: 1 },
};

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** A node created with a lifetime is there at first, and goes by itself. */
async function expires(ctx: SuiteContext, path: string, lifetime: Pick<CreateMode, 'ttlMs' | 'leaseTtlSec'>) {
  await ctx.session.create(path, utf8('short'), { ...PLAIN, ...lifetime });
  expect((await ctx.session.get(path, { maxBytes: 0 })).size).toBe(5);
  expect(await eventually(() => outcome(ctx.session.get(path, { maxBytes: 0 })), 'NOT_FOUND')).toBe(
    'NOT_FOUND',
  );
}

/** How each true flag is seen to work, through the driver itself. */
const WORKS: Record<ModeFlag, (ctx: SuiteContext, root: string) => Promise<void>> = {
  async ephemeral(ctx, root) {
    const owner = await ctx.connect();
    const path = under(root, '/ephemeral');
    await owner.create(path, utf8('alive'), { ...PLAIN, ephemeral: true });
    const listed = await ctx.session.listChildren(root, { cursor: null, limit: 10, filter: 'ephemeral' });
    expect(listed.entries).toEqual([expect.objectContaining({ name: 'ephemeral', ephemeral: true })]);
    await owner.close();
    expect(await eventually(() => outcome(ctx.session.get(path, { maxBytes: 0 })), 'NOT_FOUND')).toBe(
      'NOT_FOUND',
    );
  },
  async sequential(ctx, root) {
    const mode = { ...PLAIN, sequential: true };
    const first = await ctx.session.create(under(root, '/item-'), utf8('1'), mode);
    const second = await ctx.session.create(under(root, '/item-'), utf8('2'), mode);
    for (const { path } of [first, second]) expect(path).toMatch(/\/item-\d{10}$/);
    expect(first.path.startsWith(under(root, '/item-'))).toBe(true);
    expect(second.path > first.path).toBe(true);
    expect((await ctx.session.get(second.path, { maxBytes: 0 })).valueBase64).toBe(
      utf8('2').toString('base64'),
    );
  },
  async container(ctx, root) {
    const box = under(root, '/box');
    expect((await ctx.session.create(box, Buffer.alloc(0), { ...PLAIN, container: true })).path).toBe(box);
    await ctx.session.create(under(root, '/box/child'), utf8('c'), PLAIN);
    await ctx.session.delete(under(root, '/box/child'), { recursive: false, token: null });
    expect(await eventually(() => outcome(ctx.session.get(box, { maxBytes: 0 })), 'NOT_FOUND')).toBe(
      'NOT_FOUND',
    );
  },
  ttl: (ctx, root) => expires(ctx, under(root, '/ttl'), { ttlMs: 500 }),
  leases: (ctx, root) => expires(ctx, under(root, '/leased'), { leaseTtlSec: 1 }),
};

/**
 * Create modes per capabilities: each true flag really works; each false one is refused by the node
 * service of a real core with UNSUPPORTED (audited, nothing written) before any driver sees it.
 */
export function modeCases(ctx: SuiteContext): void {
  const { capabilities } = ctx.harness;
  const flags = Object.keys(MODE_OF) as ModeFlag[];
  const offered = flags.filter((flag) => capabilities[flag]);
  const refused = flags.filter((flag) => !capabilities[flag]);

  describe('create modes', () => {
    for (const flag of offered) {
      it(`offers ${flag} nodes, and they behave so`, async () => {
        await WORKS[flag](ctx, await ctx.freshRoot());
      });
    }

    it(`shows ACLs with a value exactly when it declares them (acls: ${capabilities.acls})`, async () => {
      const { session, root } = await ctx.seed([['/key', utf8('v')]]);
      const { acls } = await session.get(under(root, '/key'), { maxBytes: 0 });
      if (capabilities.acls)
        expect(acls).toEqual(
          expect.arrayContaining([expect.objectContaining({ permissions: expect.any(String) })]),
        );
      else expect(acls).toBeNull();
    });

    if (refused.length === 0) return;
    describe('through a real core', () => {
      let core: Awaited<ReturnType<typeof coreOver>> | null = null;
      beforeAll(async () => {
        core = await coreOver(ctx.harness, ctx.store.profile());
      });
      afterAll(async () => {
        await core?.client.close();
      });

      for (const flag of refused) {
        it(`refuses ${flag} nodes with UNSUPPORTED in the node service, audited, nothing written`, async () => {
          const { client, connectionId, name } = core!;
          const path = under(await ctx.freshRoot(), `/${flag}`);
          const input = {
            connectionId,
            path,
            valueBase64: utf8('x').toString('base64'),
            mode: MODE_OF[flag],
          };
          const error = await client.failure('node.create', input);
          expect(error.code).toBe('UNSUPPORTED');
          expect((await rejection(ctx.session.get(path, { maxBytes: 0 }))).code).toBe('NOT_FOUND');
          const [entry] = (await client.call('audit.list', { connectionName: name, pathPrefix: path }))
            .entries;
          expect(entry).toMatchObject({
            operation: 'create',
            path,
            outcome: 'failed',
            error: { code: 'UNSUPPORTED' },
          });
        });
      }
    });
  });
}
