import { aclJson, aclText, parseAclEntry } from '../../shared/acl/acl.rules.js';
import { methods } from '../../shared/contract/methods.js';
import { AppError } from '../../shared/errors.js';
import type { NodeAcl } from '../../shared/model/acl.js';
import type { AclEntry } from '../../shared/model/node.js';
import type { SourceStore } from '../core/sources/source.js';
import { COMMON_OPTIONS, parseCommand, parseMilliseconds } from './cli.args.js';
import type { CliContext } from './cli.context.js';
import { DEFAULT_TIMEOUT_MS, usage } from './cli.usage.js';
import { liveStore } from './live-store.js';

/** One `scheme:id:perms` line per entry, then the ACL version a save is guarded by. */
function printAcl(context: CliContext, acl: NodeAcl): void {
  for (const entry of acl.entries) context.print(aclText([entry]));
  context.print(`ACL version ${acl.aclVersion}`);
}

async function aclGet(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommand('acl', args, COMMON_OPTIONS, {
    min: 1,
    max: 1,
    names: 'one source: configdeck acl get <source>',
  });
  if (parsed.flag('help')) return usage(context, 'acl');
  const resolver = context.resolver(parseMilliseconds('acl', parsed.text('timeout'), DEFAULT_TIMEOUT_MS));
  const source = await resolver.open(parsed.positionals[0]!);
  const acl = await context.engine.acls.getOf(liveStore(source, 'asked for its ACL'), source.root);
  if (parsed.flag('json')) context.print(JSON.stringify(acl));
  else printAcl(context, acl);
  return 0;
}

/**
 * Reads the ACL version, then saves guarded by it through the write gate (--yes types the path that confirms
 * a prod connection; --remove-admin confirms an ACL leaving this session without ADMIN); --recursive applies
 * it to the whole subtree.
 */
async function aclSet(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommand(
    'acl',
    args,
    {
      ...COMMON_OPTIONS,
      yes: { type: 'boolean' },
      'remove-admin': { type: 'boolean' },
      recursive: { type: 'boolean' },
    },
    {
      min: 2,
      max: 1001,
      names: 'a source and its entries: configdeck acl set <source> <scheme:id:perms>...',
    },
  );
  if (parsed.flag('help')) return usage(context, 'acl');
  const [name, ...texts] = parsed.positionals as [string, ...string[]];
  const entries = texts.map(parseAclEntry);
  const resolver = context.resolver(parseMilliseconds('acl', parsed.text('timeout'), DEFAULT_TIMEOUT_MS));
  const source = await resolver.open(name);
  const store = liveStore(source, 'given an ACL');
  const { acls, gate } = context.engine;
  const path = source.root;
  if (parsed.flag('recursive')) {
    const save = { path, entries, confirmRemoveAdmin: parsed.flag('remove-admin') };
    return aclSetRecursive(context, store, save, { yes: parsed.flag('yes'), json: parsed.flag('json') });
  }
  const read = await acls.getOf(store, path);
  const permit = await gate.admit(
    methods['acl.set'].access,
    { profile: store.profile, path, after: () => Buffer.from(aclJson(entries), 'utf8') },
    parsed.flag('yes') ? path : null,
  );
  const written = await acls.setOn(
    store,
    { path, entries, aclVersion: read.aclVersion, confirmRemoveAdmin: parsed.flag('remove-admin') },
    permit,
  );
  if (parsed.flag('json')) {
    context.print(JSON.stringify(written));
    return 0;
  }
  context.print(`Set the ACL of ${path} (it was ${aclText(written.before.entries)}):`);
  printAcl(context, written.after);
  return 0;
}

/**
 * --recursive: prints the plan (how many nodes, how many differ, the first of them), then applies it through
 * the write gate as a job over many nodes, waiting for its report (--yes types the connection's name on
 * prod). Exit 1 when some node was not changed (each named with its sentence).
 */
async function aclSetRecursive(
  context: CliContext,
  store: SourceStore,
  save: { path: string; entries: AclEntry[]; confirmRemoveAdmin: boolean },
  options: { yes: boolean; json: boolean },
): Promise<number> {
  const { acls, gate } = context.engine;
  const plan = await acls.planRecursiveOf(store, save.path, save.entries);
  if (!options.json) {
    context.print(`${plan.count} nodes under ${save.path}, ${plan.differing} with another ACL:`);
    for (const node of plan.differences) context.print(`  ${node.path}  ${aclText(node.entries)}`);
    if (plan.differing > plan.differences.length)
      context.print(`  … and ${plan.differing - plan.differences.length} more`);
  }
  const permit = await gate.admit(
    methods['acl.applyRecursive'].access,
    {
      profile: store.profile,
      path: save.path,
      after: () => Buffer.from(aclJson(save.entries), 'utf8'),
      details: { recursive: true },
    },
    options.yes ? store.profile.name : null,
  );
  // The same job the window runs; the CLI waits for its report.
  const { result } = await acls.startRecursive(store, save, permit);
  const report = await result;
  if (options.json) context.print(JSON.stringify({ plan, report }));
  else {
    context.print(
      `Changed ${report.changed}, unchanged ${report.unchanged}, failed ${report.failed.length}.`,
    );
    for (const failed of report.failed) context.print(`  ${failed.path}: ${failed.message}`);
  }
  return report.failed.length === 0 ? 0 : 1;
}

/** `configdeck acl get|set …`: a ZooKeeper node's ACL, read or replaced. */
export async function aclCommand(args: string[], context: CliContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'get') return aclGet(rest, context);
  if (sub === 'set') return aclSet(rest, context);
  if (sub === '--help' || sub === '-h') return usage(context, 'acl');
  throw new AppError('INVALID_INPUT', `configdeck acl takes get or set, not "${sub ?? ''}".`);
}
