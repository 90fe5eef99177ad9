#!/usr/bin/env node
// The configdeck command: `configdeck diff|sync|export|import|audit …` (see cli.usage.ts).
import { runCli } from './cli.run.js';

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return text === '' ? Promise.resolve() : new Promise((resolve) => stream.write(text, () => resolve()));
}

const result = await runCli(process.argv.slice(2));
await write(process.stdout, result.stdout);
await write(process.stderr, result.stderr);
// Client libraries may keep timers alive after their sessions closed: the command is over.
process.exit(result.code);
