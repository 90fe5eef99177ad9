import { AppError } from '../../shared/errors.js';

export interface HostArgs {
  port: number;
  connectionsFile: string | null;
  open: boolean;
}

export const DEFAULT_PORT = 4780;

/** Parses `[--port N] [--connections FILE] [--no-open]`; bad arguments are an INVALID_INPUT with one sentence. */
export function parseHostArgs(argv: readonly string[]): HostArgs {
  const args: HostArgs = { port: DEFAULT_PORT, connectionsFile: null, open: true };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] =
      arg?.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next.length === 0)
        throw new AppError('INVALID_INPUT', `${flag} needs a value.`);
      return next;
    };
    switch (flag) {
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535) {
          throw new AppError('INVALID_INPUT', `--port must be a number from 0 to 65535, not "${raw}".`);
        }
        args.port = port;
        break;
      }
      case '--connections':
        args.connectionsFile = value();
        break;
      case '--no-open':
        args.open = false;
        break;
      default:
        throw new AppError(
          'INVALID_INPUT',
          `Unknown argument "${arg}"; usage: npm run web -- [--port N] [--connections FILE] [--no-open].`,
        );
    }
  }
  return args;
}
