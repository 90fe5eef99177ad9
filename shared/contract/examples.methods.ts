import { z } from 'zod';
import { ConnectionProfileSchema } from '../model/connection.js';
import { LOCAL } from './access.js';

/** The first-run examples (spread into `methods`). */
export const examplesMethods = {
  /**
   * Saves read-only snapshot profiles for the example snapshots shipped with ConfigDeck (once: profiles of
   * the same files are reused) and returns them, in the order to open them.
   */
  'examples.open': { access: LOCAL, input: z.object({}).strict(), output: z.array(ConnectionProfileSchema) },
};
