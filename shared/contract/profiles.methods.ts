import { z } from 'zod';
import { ConnectionProfileSchema } from '../model/connection.js';
import {
  ProfilesExportInputSchema,
  ProfilesExportSchema,
  ProfilesImportInputSchema,
  ProfilesImportPlanSchema,
} from '../model/profiles.js';
import { LOCAL, READS } from './access.js';

/** Profiles shared across a team: export, import with a preview, duplicate (spread into `methods`). */
export const profilesMethods = {
  /**
   * The profiles as a `--connections` file's text; saved passwords sealed by the passphrase when one is given
   * (READS: it changes nothing, and the text goes only to the user who asked).
   */
  'connections.export': { access: READS, input: ProfilesExportInputSchema, output: ProfilesExportSchema },
  /** What importing a file would add, update or leave, matched by name; nothing is written. */
  'connections.importPreview': {
    access: READS,
    input: ProfilesImportInputSchema,
    output: ProfilesImportPlanSchema,
  },
  /** Imports a file (this machine's profiles and secret store only, never a store): the plan it applied. */
  'connections.import': { access: LOCAL, input: ProfilesImportInputSchema, output: ProfilesImportPlanSchema },
  /** When each profile was last opened on this machine (ISO time by profile id), for the "last used" order. */
  'connections.lastUsed': {
    access: READS,
    input: z.object({}).strict(),
    output: z.record(z.string(), z.string()),
  },
  /** A copy of a saved profile, its password included, under a new name (`<name> (copy)` by default). */
  'connections.duplicate': {
    access: LOCAL,
    input: z.object({ id: z.string().min(1), name: z.string().trim().min(1).max(200).optional() }),
    output: ConnectionProfileSchema,
  },
} as const;
