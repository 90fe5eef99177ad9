import { readFile, writeFile } from 'node:fs/promises';
import { AppError } from '../../shared/errors.js';
import type { ConnectionProfile } from '../../shared/model/connection.js';
import type { ProfilesImportPlan } from '../../shared/model/profiles.js';
import { COMMON_OPTIONS, parseCommand, type ParsedCommand } from './cli.args.js';
import type { CliContext } from './cli.context.js';
import { usage } from './cli.usage.js';
import { PASSPHRASE_OPTIONS, passphraseOf } from './passphrase.input.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...PASSPHRASE_OPTIONS,
  file: { type: 'string', short: 'f' },
  name: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
} as const;

const SUBCOMMANDS = ['list', 'export', 'import'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

function isSubcommand(value: string | undefined): value is Subcommand {
  return (SUBCOMMANDS as readonly string[]).includes(value ?? '');
}

function profileLine(profile: ConnectionProfile): string {
  const access = profile.readOnly ? 'read-only' : 'read-write';
  const folder = profile.folder ?? '-';
  return `${profile.name}  ${profile.kind}  ${profile.environment}  ${access}  ${folder}  ${profile.endpoints.join(',')}`;
}

/** `configdeck connections list|export|import`: the saved profiles, shared across a team as a file. */
export async function connectionsCommand(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommand('connections', args, OPTIONS, {
    min: 0,
    max: 1,
    names: 'one of list, export, import: configdeck connections list|export|import',
  });
  const sub = parsed.positionals[0];
  if (parsed.flag('help') || sub === undefined) return usage(context, 'connections');
  if (!isSubcommand(sub)) {
    throw new AppError('INVALID_INPUT', `Unknown connections command "${sub}" (list, export or import).`);
  }
  if (sub === 'list') return list(parsed, context);
  if (sub === 'export') return exportProfiles(parsed, context);
  return importProfiles(parsed, context);
}

async function list(parsed: ParsedCommand, context: CliContext): Promise<number> {
  const profiles = await context.engine.connections.list();
  if (parsed.flag('json')) context.print(JSON.stringify(profiles));
  else for (const profile of profiles) context.print(profileLine(profile));
  return 0;
}

/** Exports all profiles or those named; to stdout unless --file. */
async function exportProfiles(parsed: ParsedCommand, context: CliContext): Promise<number> {
  const names = parsed.list('name');
  const saved = await context.engine.connections.list();
  const ids =
    names.length === 0
      ? undefined
      : names.map((name) => {
          const profile = saved.find((p) => p.name === name);
          if (!profile) throw new AppError('NOT_FOUND', `There is no saved connection named "${name}".`);
          return profile.id;
        });
  const passphrase = await passphraseOf('connections export', parsed, context);
  const exported = await context.engine.profileTransfer.export(ids, passphrase);
  const file = parsed.text('file');
  if (file === undefined || file === '-') {
    context.print(exported.text.trimEnd());
    return 0;
  }
  await writeFile(file, exported.text, { mode: 0o600 });
  const summary = { file, profiles: exported.profiles, secrets: exported.secrets };
  if (parsed.flag('json')) context.print(JSON.stringify(summary));
  else
    context.print(
      `Exported ${exported.profiles} profile(s) to ${file}` +
        (passphrase === undefined ? ' without secrets.' : ` with ${exported.secrets} sealed password(s).`),
    );
  return 0;
}

function planLines(plan: ProfilesImportPlan): string[] {
  return [
    ...plan.added.map((name) => `added      ${name}`),
    ...plan.updated.map((name) => `updated    ${name}`),
    ...plan.unchanged.map((name) => `unchanged  ${name}`),
  ];
}

/** Imports a file (--dry-run: only its preview), matched by name. */
async function importProfiles(parsed: ParsedCommand, context: CliContext): Promise<number> {
  const file = parsed.text('file');
  if (file === undefined)
    throw new AppError('INVALID_INPUT', 'configdeck connections import needs --file <profiles.json>.');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('INVALID_INPUT', `Could not read the profiles file ${file}: ${reason}`);
  }
  const passphrase = await passphraseOf('connections import', parsed, context);
  const dryRun = parsed.flag('dry-run');
  const transfer = context.engine.profileTransfer;
  const plan = dryRun ? await transfer.preview(text, passphrase) : await transfer.import(text, passphrase);
  if (parsed.flag('json')) context.print(JSON.stringify({ ...plan, applied: !dryRun }));
  else {
    for (const line of planLines(plan)) context.print(line);
    context.printError(
      `${plan.added.length} added, ${plan.updated.length} updated, ${plan.unchanged.length} unchanged` +
        (dryRun ? ' (dry run: nothing imported).' : '.'),
    );
  }
  return 0;
}
