// `npx tsx bench/sync.ts`: applying a sync of 10,000 new keys (from etcd) into ZooKeeper, etcd and Consul, with the
// writes batched into the target's transactions and, for comparison, one by one (the same engine with the
// driver's batch writer hidden). Every write is audited (fsync per entry) in both modes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsulDriver } from '../electron/core/backends/consul/consul.driver.js';
import { createEtcdDriver } from '../electron/core/backends/etcd/etcd.driver.js';
import { createZooKeeperDriver } from '../electron/core/backends/zookeeper/zookeeper.driver.js';
import { startZooKeeper, zooKeeperProfile } from '../test/servers/zookeeper.server.js';
import { AuditStore } from '../electron/core/audit/audit.store.js';
import { EventBus } from '../electron/core/events/event.bus.js';
import { MutationAuditor } from '../electron/core/nodes/mutation.auditor.js';
import { WriteGate } from '../electron/core/gate/write.gate.js';
import { syncTarget } from '../electron/core/sync/sync.guard.js';
import { methods } from '../shared/contract/methods.js';
import { SessionSource } from '../electron/core/sources/session.source.js';
import { diffSources } from '../electron/core/sync/diff.engine.js';
import { applySync } from '../electron/core/sync/sync.apply.js';
import { planSync } from '../electron/core/sync/sync.plan.js';
import { consulProfile, startConsul } from '../test/servers/consul.server.js';
import { etcdProfile, startEtcd } from '../test/servers/etcd.server.js';
import { timed } from './measure.js';
import { seedEtcd } from './seed.js';
import { without } from '../test/unit/sync/support/stores.js';

const COUNT = Number(process.env.BENCH_SYNC_KEYS ?? 10_000);
const SOURCE = '/bench-sync-src';

async function main(): Promise<void> {
  const [etcd, consul, zk] = await Promise.all([startEtcd(), startConsul(), startZooKeeper()]);
  const dir = await mkdtemp(join(tmpdir(), 'configdeck-bench-sync-'));
  const auditor = new MutationAuditor(new AuditStore(join(dir, 'audit.jsonl')), new EventBus());
  const gate = new WriteGate(auditor);
  const ep = etcdProfile([etcd.endpoint], { sessionTimeoutMs: 30000, name: 'etcd', id: 'etcd' });
  const cp = consulProfile([consul.endpoint], { sessionTimeoutMs: 30000, name: 'consul', id: 'consul' });
  const zp = zooKeeperProfile(zk.connectString, { sessionTimeoutMs: 30000, name: 'zk', id: 'zk' });
  const [etcdSession, consulSession, zkSession] = await Promise.all([
    createEtcdDriver().connect(ep),
    createConsulDriver().connect(cp),
    createZooKeeperDriver().connect(zp),
  ]);
  try {
    await seedEtcd(etcd.endpoint, SOURCE, COUNT);
    const source = new SessionSource({ label: 'source', profile: ep, session: etcdSession, root: SOURCE });
    console.log(`sync of ${COUNT} new keys (etcd → target), every write audited`);
    console.log(`${''.padEnd(40)} ${'apply'.padStart(9)} ${'keys/s'.padStart(8)}`);
    const targets = [
      { name: 'ZooKeeper', profile: zp, session: zkSession },
      { name: 'etcd', profile: ep, session: etcdSession },
      { name: 'Consul', profile: cp, session: consulSession },
    ];
    for (const { name, profile, session } of targets) {
      for (const mode of ['in transactions', 'one by one'] as const) {
        const root = `/bench-sync-${name.toLowerCase()}-${mode === 'one by one' ? 'single' : 'batched'}`;
        const writes = mode === 'one by one' ? without(session, 'batch') : session;
        const target = new SessionSource({ label: name, profile, session: writes, root });
        const plan = await planSync(await diffSources(source, target), target);
        const permit = await gate.admit(methods['sync.apply'].access, syncTarget(target, undefined), null);
        const { ms, value } = await timed(() => applySync(plan, source, target, { auditor, permit }));
        if (value.summary.applied !== COUNT) throw new Error(`${name}: ${JSON.stringify(value.summary)}`);
        const rate = Math.round(COUNT / (ms / 1000));
        console.log(
          `${`into ${name}, ${mode}`.padEnd(40)} ${`${(ms / 1000).toFixed(2)} s`.padStart(9)} ${String(rate).padStart(8)}`,
        );
      }
    }
  } finally {
    await Promise.all([etcdSession.close(), consulSession.close(), zkSession.close()]);
    await Promise.all([etcd.stop(), consul.stop(), zk.stop(), rm(dir, { recursive: true, force: true })]);
  }
}

await main();
