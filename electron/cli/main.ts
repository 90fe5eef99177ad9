#!/usr/bin/env node
// The configdeck command: `configdeck diff|sync|export|import|audit|watch|servers|watchers …` (see cli.usage.ts).
import { runCli } from './cli.run.js';

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return text === '' ? Promise.resolve() : new Promise((resolve) => stream.write(text, () => resolve()));
}

// Lines leave as they are printed (a watch runs until Ctrl+C); an interrupt ends a command cleanly.
const interrupt = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => interrupt.abort());
// Writes leave in order, so the last one's callback means everything printed so far is out (a pipe may be slow).
let flushed: Promise<void> = Promise.resolve();
const result = await runCli(process.argv.slice(2), process.env, {
  write: (text) => {
    flushed = write(process.stdout, text);
  },
  drained: () => flushed,
  interrupt: interrupt.signal,
});
await flushed;
await write(process.stdout, result.stdout);
await write(process.stderr, result.stderr);
// Client libraries may keep timers alive after their sessions closed: the command is over.
process.exit(result.code);
