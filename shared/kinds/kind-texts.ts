import type { KindDescriptor } from './kind.descriptor.js';
import { KIND_DESCRIPTORS, type BackendKind } from './kinds.js';

/**
 * The descriptor fields a person reads (form labels, hints, notes), in English in the descriptors (what the
 * CLI prints). The UI writes them from `coreLabels:kind.<kind>.<field>`; test/unit/i18n/core-labels.test.ts
 * keeps the English catalogue equal to the descriptors. Placeholders are examples and stay as they are.
 */
export const KIND_TEXT_FIELDS = [
  'label',
  'endpointsLabel',
  'endpointsHint',
  'tlsHint',
  'usernameLabel',
  'passwordLabel',
  'authHint',
  'authNote',
  'timeoutLabel',
  'watchersUnknown',
] as const satisfies readonly (keyof KindDescriptor)[];
export type KindTextField = (typeof KIND_TEXT_FIELDS)[number];

/** One kind's texts that are set (a field the kind leaves null has none), as field → English text. */
export function kindTexts(kind: BackendKind): Partial<Record<KindTextField, string>> {
  const descriptor: KindDescriptor = KIND_DESCRIPTORS[kind];
  const texts: Partial<Record<KindTextField, string>> = {};
  for (const field of KIND_TEXT_FIELDS) {
    const text = descriptor[field];
    if (text !== null) texts[field] = text;
  }
  return texts;
}
