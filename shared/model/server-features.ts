import { z } from 'zod';

/**
 * An optional feature of the server a connection talks to, as the driver detected it from the server's
 * version and its answers (not from the profile): shown in the connection's info so that an operator
 * knows, for example, whether persistent watches or TTL nodes are available on this cluster.
 */
export const ServerFeatureSchema = z.object({
  /** Short name: `Persistent watches`, `TTL nodes`. */
  name: z.string(),
  /** `unknown` when the server's answers cannot tell yet. */
  status: z.enum(['yes', 'no', 'unknown']),
  /** One sentence: how it was found out, or what it needs. */
  detail: z.string().nullable(),
});
export type ServerFeature = z.infer<typeof ServerFeatureSchema>;
