import { z } from 'zod';

/**
 * A value the core writes in words (`none`, `expired`, `30 s`), named so that the UI can write it in its own
 * language: a key of CORE_WORDS (shared/labels/core-words.ts) and the values of its placeholders. The English
 * value beside it stays what the CLI and the logs print; a key the UI does not know shows that value.
 */
export const CoreWordSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type CoreWord = z.infer<typeof CoreWordSchema>;
