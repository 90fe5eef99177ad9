import { openEngine, type Engine } from '../core/engine.js';
import { SourceResolver } from '../core/sources/source.resolver.js';
import { resolveDataDir } from '../core/storage/data-dir.js';

/** How a command's output leaves: collected for the end (the default), or written line by line as it comes. */
export interface CliOutput {
  /** Receives each line with its newline as soon as it is printed (a `watch` prints until interrupted). */
  write?: (text: string) => void;
  /**
   * Resolves once every line written so far has left (stdout may be a slow pipe): a command printing a great
   * many lines waits on it between pages, so they never pile up in memory, and the process never exits early.
   */
  drained?: () => Promise<void>;
  /** Fires when the user interrupts (Ctrl+C): a long-running command ends cleanly with exit 0. */
  interrupt?: AbortSignal;
}

/** What every command runs with: the app's engine over its data directory, and a place for its result. */
export class CliContext {
  private readonly lines: string[] = [];
  private readonly errorLines: string[] = [];
  private readonly resolvers: SourceResolver[] = [];

  private constructor(
    readonly engine: Engine,
    private readonly out: CliOutput,
    /** The environment the command runs in (a passphrase may come from one of its variables). */
    readonly env: NodeJS.ProcessEnv,
  ) {}

  /** The engine over the app's data directory (CONFIGDECK_HOME or the platform's), as the app opens it. */
  static async open(env: NodeJS.ProcessEnv = process.env, out: CliOutput = {}): Promise<CliContext> {
    return new CliContext(await openEngine({ dataDir: resolveDataDir(env) }), out, env);
  }

  /** Fires on interrupt; never for a command run without one. */
  get interrupt(): AbortSignal | null {
    return this.out.interrupt ?? null;
  }

  get dataDir(): string {
    return this.engine.paths.dir;
  }

  /** Adds a line to the result (stdout holds nothing else). */
  print(line: string): void {
    if (this.out.write) this.out.write(`${line}\n`);
    else this.lines.push(line);
  }

  /** Waits until the lines printed so far have left (see CliOutput.drained); at once when collected. */
  async drained(): Promise<void> {
    await this.out.drained?.();
  }

  get output(): string {
    return this.lines.length === 0 ? '' : `${this.lines.join('\n')}\n`;
  }

  /** Adds a line for stderr (counts and notes beside a result that stdout keeps clean), written at the end. */
  printError(line: string): void {
    this.errorLines.push(line);
  }

  get errorOutput(): string {
    return this.errorLines.length === 0 ? '' : `${this.errorLines.join('\n')}\n`;
  }

  /** Opens sources as the app would: saved profiles from the data directory, secrets with the file key. */
  resolver(urlTimeoutMs: number): SourceResolver {
    const resolver = new SourceResolver({ engine: this.engine, urlTimeoutMs });
    this.resolvers.push(resolver);
    return resolver;
  }

  /** Closes every session the command opened. */
  async close(): Promise<void> {
    await Promise.allSettled(this.resolvers.map((resolver) => resolver.closeAll()));
    await this.engine.close();
  }
}
