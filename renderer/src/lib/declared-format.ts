import type { MetaField } from '../../../shared/model/node.js';
import { detectTextFormat } from './format-detect.js';
import type { ValueFormat } from './value-format.js';

/** The metadata key under which a store declares the type of a value (Nacos config type). */
export const DECLARED_TYPE_KEY = 'type';

const DECLARED: Readonly<Record<string, ValueFormat>> = {
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  xml: 'xml',
  properties: 'properties',
  html: 'html',
  htm: 'html',
  text: 'text',
  txt: 'text',
};

/** The format the store declares for a value, or null when it declares none (or one without a view). */
export function declaredFormat(meta: readonly MetaField[]): ValueFormat | null {
  const declared = meta
    .find((field) => field.key === DECLARED_TYPE_KEY)
    ?.value.trim()
    .toLowerCase();
  return declared ? (DECLARED[declared] ?? null) : null;
}

/**
 * The view a value opens in before the user picks one: binary data as hex, else the type the store
 * declares (highlighting and validation follow the operator's declaration), else a guess from the text.
 */
export function initialFormat(meta: readonly MetaField[], binary: boolean, text: string): ValueFormat {
  if (binary) return 'hex';
  return declaredFormat(meta) ?? detectTextFormat(text);
}
