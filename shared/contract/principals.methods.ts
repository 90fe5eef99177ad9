import { z } from 'zod';
import { PrincipalsReportSchema } from '../model/principals.js';
import { READS } from './access.js';

/** etcd users and roles, Consul tokens, policies and roles, read-only (capability `principals`). */
export const principalsMethods = {
  /** Every principal the connection's credentials may read, with its grants; notes say what could not be read. */
  'principals.list': {
    access: READS,
    input: z.object({ connectionId: z.string().min(1) }),
    output: PrincipalsReportSchema,
  },
} as const;
