import { createReadStream } from 'node:fs';
import { errnoCode } from '../storage/json-file.js';

export interface LogLine {
  text: string;
  /** 1-based line number. */
  line: number;
  /** False for a last line with no newline: a write that has not finished (or was torn by a crash). */
  terminated: boolean;
}

/** Streams a JSON Lines file line by line (split on \n only); a missing file has no lines. */
export async function* readLogLines(path: string): AsyncGenerator<LogLine> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  let rest = '';
  let line = 0;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const text = rest + chunk;
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        yield { text: text.slice(start, end), line: ++line, terminated: true };
        start = end + 1;
      }
      rest = text.slice(start);
    }
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw error;
  }
  if (rest.length > 0) yield { text: rest, line: line + 1, terminated: false };
}
