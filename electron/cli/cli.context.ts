import { join } from 'node:path';
import { AuditStore } from '../core/audit/audit.store.js';
import { EventBus } from '../core/events/event.bus.js';
import { MutationAuditor } from '../core/nodes/mutation.auditor.js';
import { createFileKeyCipher } from '../core/secrets/file-key.cipher.js';
import { SourceResolver } from '../core/sources/source.resolver.js';
import { resolveDataDir } from '../core/storage/data-dir.js';

/** What every command runs with: the app's data directory and a place for its result. */
export class CliContext {
  readonly dataDir: string;
  private readonly lines: string[] = [];
  private readonly resolvers: SourceResolver[] = [];

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.dataDir = resolveDataDir(env);
  }

  /** Adds a line to the result (stdout holds nothing else). */
  print(line: string): void {
    this.lines.push(line);
  }

  get output(): string {
    return this.lines.length === 0 ? '' : `${this.lines.join('\n')}\n`;
  }

  /** Opens sources as the app would: saved profiles from the data directory, secrets with the file key. */
  resolver(urlTimeoutMs: number): SourceResolver {
    const resolver = new SourceResolver({
      dataDir: this.dataDir,
      cipher: createFileKeyCipher(join(this.dataDir, 'secret.key')),
      urlTimeoutMs,
    });
    this.resolvers.push(resolver);
    return resolver;
  }

  /** The app's audit log. */
  auditStore(): AuditStore {
    return new AuditStore(join(this.dataDir, 'audit', 'audit.jsonl'));
  }

  /** Audits writes into the app's log, exactly as the app's own writes are. */
  auditor(): MutationAuditor {
    return new MutationAuditor(this.auditStore(), new EventBus());
  }

  /** Closes every session the command opened. */
  async close(): Promise<void> {
    await Promise.allSettled(this.resolvers.map((resolver) => resolver.closeAll()));
  }
}
