import { z } from 'zod';
import { AppError } from '../../../../shared/errors.js';
import type { ConsulResponse } from './consul.transport.js';

const Decimal = z.string().regex(/^\d+$/);

/** One KV entry; indexes and flags arrive as exact decimal strings (see kvJson). */
export const KvEntrySchema = z.object({
  Key: z.string(),
  Value: z.string().nullable(),
  Flags: Decimal,
  CreateIndex: Decimal,
  ModifyIndex: Decimal,
  LockIndex: Decimal,
  Session: z.string().optional(),
});
export type KvEntry = z.infer<typeof KvEntrySchema>;

export const KvEntriesSchema = z.array(KvEntrySchema);
export const KeyListSchema = z
  .array(z.string())
  .nullable()
  .transform((keys) => keys ?? []);

export const AgentSelfSchema = z.object({
  Config: z.object({
    Datacenter: z.string(),
    NodeName: z.string(),
    Version: z.string(),
  }),
});

export const SessionInfoSchema = z
  .array(z.object({ ID: z.string(), Name: z.string().optional(), Node: z.string().optional() }))
  .nullable();

export const TxnErrorSchema = z.object({
  Errors: z
    .array(z.object({ OpIndex: z.number(), What: z.string() }))
    .nullable()
    .optional(),
});

/** The answer of a committed transaction: one result per operation that returns a key (get verbs). */
export const TxnResultsSchema = z.object({
  Results: z
    .array(z.object({ KV: KvEntrySchema }))
    .nullable()
    .optional(),
});

const StringMap = z.record(z.string(), z.string()).nullable().optional();

export const HealthCheckWireSchema = z.object({
  Node: z.string(),
  CheckID: z.string(),
  Name: z.string(),
  Status: z.string(),
  Output: z.string().optional(),
  ServiceID: z.string().optional(),
});
export type HealthCheckWire = z.infer<typeof HealthCheckWireSchema>;

export const CatalogNodeWireSchema = z.object({
  Node: z.string(),
  Address: z.string(),
  Datacenter: z.string().optional(),
  Meta: StringMap,
});

export const ServiceEntryWireSchema = z.object({
  Node: z.object({ Node: z.string(), Address: z.string() }),
  Service: z.object({
    ID: z.string(),
    Service: z.string(),
    Tags: z.array(z.string()).nullable().optional(),
    Address: z.string().optional(),
    Port: z.number().optional(),
    Meta: StringMap,
    Weights: z.object({ Passing: z.number(), Warning: z.number() }).nullable().optional(),
  }),
  Checks: z.array(HealthCheckWireSchema).nullable(),
});
export type ServiceEntryWire = z.infer<typeof ServiceEntryWireSchema>;

/**
 * KV answers with their 64-bit numbers as strings: flags may use all 64 bits, which a JS number
 * would round. Safe on the raw text: in JSON strings a quote is always escaped, so `"Flags":` only
 * matches a property name (values are base64, sessions are UUIDs).
 */
export function kvJson(text: string): string {
  return text.replace(/"(Flags|CreateIndex|ModifyIndex|LockIndex)":(\d+)/g, '"$1":"$2"');
}

/** Parses and validates a JSON answer; INTERNAL with a clear sentence when Consul sent something else. */
export function parseJson<T>(
  response: ConsulResponse,
  schema: z.ZodType<T>,
  what: string,
  prepare: (text: string) => string = (text) => text,
): T {
  let data: unknown;
  try {
    data = JSON.parse(prepare(response.body.toString('utf8')));
  } catch {
    throw new AppError('INTERNAL', `${what}: the answer is not JSON; is this endpoint a Consul agent?`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError(
      'INTERNAL',
      `${what}: unexpected answer from Consul (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}).`,
    );
  }
  return result.data;
}
