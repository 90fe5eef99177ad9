import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errnoCode } from '../storage/json-file.js';

/** Past this size the log continues in a new file (audit.jsonl, audit.000002.jsonl, …). */
export const AUDIT_MAX_FILE_BYTES = 64 * 1024 * 1024;

/** One file of the log: its number in the chain (1 = the base file), name and size. */
export interface AuditLogFile {
  number: number;
  name: string;
  path: string;
  size: number;
}

/**
 * The names of a rotated log, all derived from the base path (`<dir>/audit.jsonl`): file 1 is the base itself,
 * file n ≥ 2 is `audit.<n, six digits>.jsonl` in the same directory, so a listing sorts in chain order.
 */
export class AuditLogNames {
  readonly dir: string;
  private readonly stem: string;
  private readonly extension: string;
  private readonly pattern: RegExp;

  constructor(readonly basePath: string) {
    this.dir = dirname(basePath);
    const base = basename(basePath);
    const dot = base.lastIndexOf('.');
    this.stem = dot > 0 ? base.slice(0, dot) : base;
    this.extension = dot > 0 ? base.slice(dot) : '';
    this.pattern = new RegExp(`^${escape(this.stem)}\\.(\\d{6,})${escape(this.extension)}$`);
  }

  /** The name (within the directory) of file `number`. */
  name(number: number): string {
    return number === 1
      ? basename(this.basePath)
      : `${this.stem}.${String(number).padStart(6, '0')}${this.extension}`;
  }

  path(number: number): string {
    return join(this.dir, this.name(number));
  }

  /** The index kept beside the log. */
  get indexPath(): string {
    return join(this.dir, `${this.stem}.index`);
  }

  /** The file number a name denotes, or null when the name is not one of the log's files. */
  numberOf(name: string): number | null {
    if (name === basename(this.basePath)) return 1;
    const match = this.pattern.exec(name);
    if (!match) return null;
    const number = Number(match[1]);
    return number >= 2 ? number : null;
  }

  /** The log's files present on disk, in chain order (a missing base file is simply absent from the list). */
  async list(): Promise<AuditLogFile[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return [];
      throw error;
    }
    const numbered = names
      .map((name) => ({ name, number: this.numberOf(name) }))
      .filter((item): item is { name: string; number: number } => item.number !== null)
      .sort((a, b) => a.number - b.number);
    const files: AuditLogFile[] = [];
    for (const { name, number } of numbered) {
      const path = join(this.dir, name);
      try {
        files.push({ number, name, path, size: (await stat(path)).size });
      } catch (error) {
        // Removed between the listing and the stat: it is not part of the log any more.
        if (errnoCode(error) !== 'ENOENT') throw error;
      }
    }
    return files;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The size of a file, null when it does not exist. */
export async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
}
