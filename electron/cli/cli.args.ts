import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

type OptionValue = string | boolean | Array<string | boolean> | undefined;

/** A command's parsed arguments, read through typed accessors. */
export class ParsedCommand {
  constructor(
    private readonly values: Record<string, OptionValue>,
    readonly positionals: string[],
  ) {}

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  text(name: string): string | undefined {
    const value = this.values[name];
    return typeof value === 'string' ? value : undefined;
  }

  list(name: string): string[] {
    const value = this.values[name];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }
}

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

function usageError(command: string, why: string): AppError {
  return new AppError('INVALID_INPUT', `${why} (run "configdeck ${command} --help" for usage).`);
}

/** Parses one command's arguments strictly; any mistake becomes one INVALID_INPUT sentence. */
export function parseCommand(
  command: string,
  args: string[],
  options: Options,
  positionals: { min: number; max: number; names: string },
): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /option '([^']+)'/.exec(message)?.[1];
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option)
      throw usageError(command, `Unknown option ${option}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
      throw usageError(command, `The option ${option.split(',').at(-1)!.trim().split(' ')[0]} needs a value`);
    }
    throw usageError(command, message.split('.')[0] ?? message);
  }
  const count = parsed.positionals.length;
  if (parsed.values.help !== true && (count < positionals.min || count > positionals.max)) {
    throw usageError(command, `Expected ${positionals.names}`);
  }
  return new ParsedCommand(parsed.values as Record<string, OptionValue>, parsed.positionals);
}

/** A whole number of milliseconds from an option, or the fallback. */
export function parseMilliseconds(command: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,7}$/.test(text) || Number(text) < 100) {
    throw usageError(command, `--timeout takes milliseconds (at least 100), not "${text}"`);
  }
  return Number(text);
}

/** --normalize json|yaml. */
export function parseNormalize(command: string, text: string | undefined): 'json' | 'yaml' | null {
  if (text === undefined) return null;
  if (text !== 'json' && text !== 'yaml')
    throw usageError(command, `--normalize takes json or yaml, not "${text}"`);
  return text;
}
