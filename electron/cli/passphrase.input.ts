import { AppError } from '../../shared/errors.js';
import type { ParsedCommand } from './cli.args.js';
import type { CliContext } from './cli.context.js';

/** The options that name where a passphrase comes from: never a flag's own value (it would sit in `ps` and history). */
export const PASSPHRASE_OPTIONS = {
  'passphrase-env': { type: 'string' },
  'passphrase-stdin': { type: 'boolean' },
} as const;

/** Reads all of stdin (the passphrase piped in: its first line, without the line break). */
async function stdinFirstLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/, 1)[0] ?? '').trimEnd();
}

/** The passphrase from `--passphrase-env VAR` or `--passphrase-stdin`, or undefined when neither is given. */
export async function passphraseOf(
  command: string,
  parsed: ParsedCommand,
  context: CliContext,
): Promise<string | undefined> {
  const variable = parsed.text('passphrase-env');
  const fromStdin = parsed.flag('passphrase-stdin');
  if (variable !== undefined && fromStdin) {
    throw new AppError(
      'INVALID_INPUT',
      `configdeck ${command} takes --passphrase-env or --passphrase-stdin, not both.`,
    );
  }
  if (variable !== undefined) {
    const value = context.env[variable];
    if (value === undefined || value.length === 0)
      throw new AppError('INVALID_INPUT', `The environment variable ${variable} holds no passphrase.`);
    return value;
  }
  if (!fromStdin) return undefined;
  const value = await stdinFirstLine();
  if (value.length === 0) throw new AppError('INVALID_INPUT', 'No passphrase came on standard input.');
  return value;
}
