import { z } from 'zod';
import { AppErrorShapeSchema } from '../errors.js';
import type { ThemePreference } from '../model/preferences.js';

/** IPC channel names shared by the Electron preload and the IPC adapter. */
export const IPC_INVOKE_CHANNEL = 'configdeck:invoke';
export const IPC_EVENT_CHANNEL = 'configdeck:event';
/** One-way, renderer → main: the theme chosen in settings, which the desktop (native theme, window) follows. */
export const IPC_THEME_CHANNEL = 'configdeck:theme';

/** The outcome of one call, identical over IPC and WebSocket. */
export const CallResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorShapeSchema }),
]);
export type CallResult = z.infer<typeof CallResultSchema>;

/** WebSocket frames, renderer → host. */
export const WsRequestSchema = z.object({
  type: z.literal('call'),
  id: z.number().int(),
  method: z.string(),
  input: z.unknown(),
});
export type WsRequest = z.infer<typeof WsRequestSchema>;

/** WebSocket frames, host → renderer. */
export const WsServerFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int(), outcome: CallResultSchema }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type WsServerFrame = z.infer<typeof WsServerFrameSchema>;

/** The bridge the Electron preload exposes as `window.configdeck`, and the renderer's transport shape. */
export interface ConfigDeckBridge {
  invoke(method: string, input: unknown): Promise<CallResult>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  /** Tells the desktop the theme chosen in settings (`system`, `light`, `dark`). */
  setTheme(theme: ThemePreference): void;
}
