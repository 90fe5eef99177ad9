import { AppError } from '../../shared/errors.js';
import { toAppError } from '../core/api/to-app-error.js';
import { auditCommand } from './audit.command.js';
import { copyCommand } from './copy.command.js';
import { CliContext, type CliOutput } from './cli.context.js';
import { searchCommand } from './search.command.js';
import { serversCommand } from './servers.command.js';
import { watchCommand } from './watch.command.js';
import { watchersCommand } from './watchers.command.js';
import { usageText } from './cli.usage.js';
import { diffCommand } from './diff.command.js';
import { exportCommand } from './export.command.js';
import { syncCommand } from './sync.command.js';
import { historyCommand } from './history.command.js';
import { aclCommand } from './acl.command.js';
import { connectionsCommand } from './connections.command.js';

type Command = (args: string[], context: CliContext) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  diff: diffCommand,
  sync: (args, context) => syncCommand('sync', args, context),
  import: (args, context) => syncCommand('import', args, context),
  export: exportCommand,
  copy: copyCommand,
  audit: auditCommand,
  watch: watchCommand,
  servers: serversCommand,
  watchers: watchersCommand,
  history: historyCommand,
  search: searchCommand,
  acl: aclCommand,
  connections: connectionsCommand,
};

/**
 * The one sentence a failure prints. The CLI never prompts: an SSH host key nothing trusts yet is named with
 * the fingerprint to put in the profile, so a script's author can check it and trust it.
 */
function cliSentence(error: AppError): string {
  const key = error.hostKey;
  if (error.code !== 'HOST_KEY_UNKNOWN' || key === undefined) return error.message;
  const hop = key.hop === 'first' ? 'jump host' : 'second SSH hop';
  const field = key.hop === 'first' ? '"ssh"' : '"ssh"."next"';
  return `The ${hop} ${key.host}:${key.port} is not trusted yet: if its ${key.keyType} key is yours, trust it with "hostKeySha256": "${key.fingerprint}" in the connection's ${field}.`;
}

/** Runs one command line; resolves with the exit code and what goes to stdout and stderr. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: CliOutput = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    return name === undefined
      ? { code: 2, stdout: '', stderr: `configdeck: name a command.\n\n${usageText()}\n` }
      : { code: 0, stdout: `${usageText()}\n`, stderr: '' };
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    const known = Object.keys(COMMANDS).join(', ');
    return { code: 2, stdout: '', stderr: `configdeck: unknown command "${name}" (commands: ${known}).\n` };
  }
  let context: CliContext | null = null;
  try {
    context = await CliContext.open(env, out);
    const code = await command(args, context);
    return { code, stdout: context.output, stderr: context.errorOutput };
  } catch (thrown) {
    const error: AppError = toAppError(thrown);
    return { code: 2, stdout: '', stderr: `configdeck ${name}: ${cliSentence(error)}\n` };
  } finally {
    await context?.close();
  }
}
