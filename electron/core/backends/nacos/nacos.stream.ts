import { AppError } from '../../../../shared/errors.js';
import type { EventStreamApi, OpenedStream, StreamOptions, StreamSink } from '../backend.js';
import { RunningConfigStream, type StreamLink } from './nacos.stream.run.js';
import { streamScope } from './nacos.stream.scope.js';
import type { TreeContext } from './nacos.tree.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { NACOS_SENTENCES } from '../../../../shared/sentences/nacos.js';

/**
 * Event streams of Nacos configs: one config, or every config of a group or a namespace, through the
 * session's long-poll listener, events by md5 with the content before and after. The session stops every
 * stream it opened when it closes.
 */
export class NacosStreams implements EventStreamApi {
  private readonly running = new Set<RunningConfigStream>();

  constructor(
    private readonly ctx: TreeContext,
    private readonly link: StreamLink,
  ) {}

  async open(path: string, options: StreamOptions, sink: StreamSink): Promise<OpenedStream> {
    if (options.sinceRevision !== null) {
      throw new AppError(
        'INVALID_INPUT',
        'Nacos keeps no revisions to replay a stream from: a Nacos stream starts now (see the config history for earlier versions).',
      );
    }
    const scope = await streamScope(this.ctx, path, options.recursive);
    const stream = new RunningConfigStream(this.link, scope, path, sink);
    await stream.start();
    this.running.add(stream);
    const seconds = scope.relistMs === null ? null : scope.relistMs / 1000;
    return {
      method:
        seconds === null
          ? say(NACOS_SENTENCES, 'streamMethodConfig')
          : say(NACOS_SENTENCES, 'streamMethodScope', { seconds }),
      note:
        seconds === null
          ? say(NACOS_SENTENCES, 'streamMerged')
          : say(NACOS_SENTENCES, 'streamMergedRelisted', { scope: scope.label, seconds }),
      markKind: 'md5',
      stop: () => {
        stream.stop();
        this.running.delete(stream);
      },
    };
  }

  /** Stops every stream (the session is closing). */
  stopAll(): void {
    for (const stream of this.running) stream.stop();
    this.running.clear();
  }
}
