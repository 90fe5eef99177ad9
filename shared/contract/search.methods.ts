import { z } from 'zod';
import { SearchRequestSchema, SearchResultSchema } from '../model/search.js';
import { LOCAL, READS } from './access.js';

const SearchIdSchema = z.string().min(1);

/** Search a subtree by path and value in the background (spread into `methods`). */
export const searchMethods = {
  /** Starts a search; matches stream in (`search.progress` events; read them with `search.result`). */
  'search.start': {
    access: READS,
    input: SearchRequestSchema,
    output: z.object({ searchId: z.string() }),
  },
  /** The search's progress and its matches from `offset` (in the order found). */
  'search.result': {
    access: READS,
    input: z.object({
      searchId: SearchIdSchema,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    output: SearchResultSchema,
  },
  /** Stops a running search (its matches so far stay readable); false when it already ended. */
  'search.cancel': {
    access: LOCAL,
    input: z.object({ searchId: SearchIdSchema }),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Forgets a search and its matches. */
  'search.remove': {
    access: LOCAL,
    input: z.object({ searchId: SearchIdSchema }),
    output: z.object({ removed: z.boolean() }),
  },
} as const;
