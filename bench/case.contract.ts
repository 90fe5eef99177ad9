// One benchmark case through the contract: a real core in this process, called exactly as the UI calls it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/core.js';
import { createFileKeyCipher } from '../electron/core/secrets/file-key.cipher.js';
import { FIRST_PAGE_ROUNDS, medianMs, PAGE_SIZE, peakRssMb, timed, type CaseResult } from './measure.js';

const [kind, endpoint, parent] = process.argv.slice(2) as [string, string, string];
const dataDir = await mkdtemp(join(tmpdir(), 'configdeck-bench-'));
const core = await createCore({
  dataDir,
  cipher: createFileKeyCipher(join(dataDir, 'secret.key')),
  transport: 'browser',
  version: 'bench',
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const outcome = await core.dispatch(method, input, 'bench');
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as T;
}

interface Page {
  entries: unknown[];
  nextCursor: string | null;
}

const profile = await call<{ id: string }>('connections.save', {
  name: 'bench',
  kind,
  endpoints: [endpoint],
});
// Each round in a fresh session, so no page cached by an earlier round makes it look faster; the session
// is up (as the floor's channel is) before the clock starts.
const firstMs = await medianMs(FIRST_PAGE_ROUNDS, async () => {
  await call('connections.open', { id: profile.id });
  const first = await timed(() =>
    call<Page>('tree.children', { connectionId: profile.id, path: parent, limit: PAGE_SIZE }),
  );
  await call('connections.close', { id: profile.id });
  return first.ms;
});
await call('connections.open', { id: profile.id });
const all = await timed(async () => {
  let cursor: string | null = null;
  let count = 0;
  do {
    const page: Page = await call<Page>('tree.children', {
      connectionId: profile.id,
      path: parent,
      limit: PAGE_SIZE,
      cursor,
    });
    count += page.entries.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return count;
});
await core.close();
await rm(dataDir, { recursive: true, force: true });
const result: CaseResult = {
  firstPageMs: firstMs,
  listAllMs: all.ms,
  children: all.value,
  peakRssMb: peakRssMb(),
};
process.stdout.write(JSON.stringify(result) + '\n');
