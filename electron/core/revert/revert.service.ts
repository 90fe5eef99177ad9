import { AppError, isAppError } from '../../../shared/errors.js';
import type { AuditDetails, AuditEntry, RevertPlan, RevertReport } from '../../../shared/model/audit.js';
import type { ConnectionProfile } from '../../../shared/model/connection.js';
import type { NodeValue } from '../../../shared/model/node.js';
import type { AuditStore } from '../audit/audit.store.js';
import type { ConnectionService } from '../connections/connection.service.js';
import type { WritePermit } from '../gate/write.permit.js';
import type { WriteTarget } from '../gate/write.target.js';
import type { NodeService } from '../nodes/node.service.js';
import { revertStep, type RevertStep } from './revert.check.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { AUDIT_SENTENCES } from '../../../shared/sentences/audit.js';

type ReportItem = RevertReport['items'][number];

const NO_MODE = { ephemeral: false, sequential: false, container: false };

/**
 * Undoes audited writes: a set by writing the before value back, a create by a delete, a delete by
 * re-creating the before value, each only when the node is still as the entry left it (CAS with the token
 * read after that check, so a change in between is a conflict). Every revert write goes through the node
 * service (audited, `details.revertOf`); a sync group is reverted newest write first, on its one connection.
 */
export class RevertService {
  constructor(
    private readonly connections: ConnectionService,
    private readonly nodes: NodeService,
    private readonly audit: AuditStore,
  ) {}

  /** What reverting one entry, or a whole sync, would write, checked against the nodes now. */
  async plan(what: { seq: number } | { syncId: string }): Promise<RevertPlan> {
    const entries = 'seq' in what ? [await this.audit.entry(what.seq)] : await this.groupWrites(what.syncId);
    const first = entries[0]!;
    const profile = await this.profileOf(first);
    const steps = await Promise.all(entries.map((entry) => this.step(entry, profile)));
    return {
      connectionId: profile.id,
      connectionName: profile.name,
      environment: profile.environment,
      syncId: 'syncId' in what ? what.syncId : null,
      items: steps.map((step) => step.item),
    };
  }

  /** The write gate's target of reverting one entry: its connection and path. */
  async target(seq: number): Promise<WriteTarget> {
    const entry = await this.audit.entry(seq);
    return { profile: await this.profileOf(entry), path: entry.path, details: { revertOf: seq } };
  }

  /** The write gate's target of reverting a sync: its connection, at the root. */
  async groupTarget(syncId: string): Promise<WriteTarget> {
    // Any entry of the sync names its connection (a refused sync too, so its revert is refused and audited).
    const [first] = await this.audit.group(syncId);
    if (first === undefined)
      throw new AppError('NOT_FOUND', `The audit log holds no entry of the sync ${syncId}.`);
    return { profile: await this.profileOf(first), path: '/', details: { revertOfSync: syncId } };
  }

  /** Reverts one entry (admitted by the write gate). */
  async revert(seq: number, permit: WritePermit): Promise<RevertReport> {
    const entry = await this.audit.entry(seq);
    return this.run([entry], permit, { revertOf: seq });
  }

  /** Reverts every ok write of a sync, newest first (admitted by the write gate). */
  async revertGroup(syncId: string, permit: WritePermit): Promise<RevertReport> {
    return this.run(await this.groupWrites(syncId), permit, { revertOfSync: syncId });
  }

  private async run(entries: AuditEntry[], permit: WritePermit, extra: AuditDetails): Promise<RevertReport> {
    const items: ReportItem[] = [];
    for (const entry of entries)
      items.push(await this.revertOne(entry, permit, { ...extra, revertOf: entry.seq }));
    return { items, reverted: items.filter((item) => item.outcome === 'reverted').length };
  }

  private async revertOne(
    entry: AuditEntry,
    permit: WritePermit,
    details: AuditDetails,
  ): Promise<ReportItem> {
    const step = await this.step(entry, permit.profile);
    if (step.item.state !== 'ready') return { ...step.item, outcome: step.item.state, revertSeq: null };
    const connectionId = permit.profile.id;
    const path = entry.path;
    try {
      if (step.item.action === 'set') {
        const valueBase64 = step.value!.toString('base64');
        await this.nodes.set({ connectionId, path, valueBase64, token: step.token }, permit, details);
      } else if (step.item.action === 'delete') {
        await this.nodes.delete({ connectionId, path, recursive: false, token: step.token }, permit, details);
      } else {
        const valueBase64 = step.value!.toString('base64');
        await this.nodes.create({ connectionId, path, valueBase64, mode: NO_MODE }, permit, details);
      }
    } catch (error) {
      const moved =
        isAppError(error) &&
        (error.code === 'CONFLICT' || error.code === 'NODE_EXISTS' || error.code === 'NOT_FOUND');
      const reason = isAppError(error) ? error.message : String(error);
      return {
        ...step.item,
        state: moved ? 'moved' : step.item.state,
        reason: moved ? say(AUDIT_SENTENCES, 'movedWhileReverting', { path, reason }) : reason,
        outcome: moved ? 'moved' : 'failed',
        revertSeq: await this.revertSeq(entry),
      };
    }
    return { ...step.item, outcome: 'reverted', revertSeq: await this.revertSeq(entry) };
  }

  /** The audit entry the revert of `entry` just wrote (the newest naming it in `revertOf`). */
  private async revertSeq(entry: AuditEntry): Promise<number | null> {
    const page = await this.audit.list({ connectionId: entry.connection.id, path: entry.path, limit: 20 });
    return page.entries.find((written) => written.details?.['revertOf'] === entry.seq)?.seq ?? null;
  }

  /** The entry checked against its node now, on `profile` (a sync group's one connection). */
  private async step(entry: AuditEntry, profile: ConnectionProfile): Promise<RevertStep> {
    if (entry.connection.id !== profile.id) {
      const { item } = revertStep(entry, null);
      const reason = say(AUDIT_SENTENCES, 'revertOtherConnection', {
        seq: entry.seq,
        wroteTo: entry.connection.name,
        connection: profile.name,
      });
      return { item: { ...item, state: 'unrevertable', reason }, token: null, value: null };
    }
    return revertStep(entry, await this.nodeNow(profile.id, entry));
  }

  private async nodeNow(connectionId: string, entry: AuditEntry): Promise<NodeValue | null> {
    if (!['set', 'create', 'delete'].includes(entry.operation) || entry.outcome !== 'ok') return null;
    try {
      const node = await this.nodes.get({ connectionId, path: entry.path, maxBytes: 0 });
      return node.hasValue || node.token !== null ? node : null;
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  /** The ok node writes of a sync, newest first (what a revert undoes, in the order it undoes them). */
  private async groupWrites(syncId: string): Promise<AuditEntry[]> {
    const group = await this.audit.group(syncId);
    const writes = group.filter(
      (entry) => entry.outcome === 'ok' && ['set', 'create', 'delete'].includes(entry.operation),
    );
    if (writes.length === 0)
      throw new AppError('NOT_FOUND', `The audit log holds no write of the sync ${syncId} to revert.`);
    return writes.sort((a, b) => b.seq - a.seq);
  }

  private async profileOf(entry: AuditEntry): Promise<ConnectionProfile> {
    try {
      return await this.connections.profile(entry.connection.id);
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND')
        throw new AppError(
          'NOT_FOUND',
          `The connection "${entry.connection.name}" of entry ${entry.seq} was deleted, so the entry cannot be reverted.`,
        );
      throw error;
    }
  }
}
