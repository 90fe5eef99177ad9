import { nodeWithValue } from '../node-value.js';
import { createHash } from 'node:crypto';
import { AppError } from '../../../../shared/errors.js';
import { metaField, type MetaFieldKey } from '../../../../shared/labels/meta-fields.js';
import type { MetaField, NodeValue } from '../../../../shared/model/node.js';

/** A config as read from the server, with whatever the API told about it. */
export interface ConfigRecord {
  content: Buffer;
  md5: string;
  /** The declared type (json, yaml, properties, xml, html, text, toml), when the server says. */
  type: string | null;
  description: string | null;
  tags: string | null;
  appName: string | null;
  /** Milliseconds since the epoch. */
  modifiedAt: number | null;
  createdAt: number | null;
}

/** Nacos's md5 of a config: hex md5 of the UTF-8 content. */
export function md5Of(content: Buffer | string): string {
  return createHash('md5').update(content).digest('hex');
}

/** The value as text; INVALID_INPUT for bytes that are not UTF-8 or for an empty value. */
export function configText(value: Buffer, path: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(value);
  } catch {
    throw new AppError('INVALID_INPUT', `${path}: Nacos stores text; the value is not valid UTF-8.`);
  }
  if (text.length === 0) {
    throw new AppError('INVALID_INPUT', `${path}: Nacos does not store an empty config; delete it instead.`);
  }
  return text;
}

const TYPE_BY_EXTENSION: Record<string, string> = {
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  properties: 'properties',
  xml: 'xml',
  html: 'html',
  htm: 'html',
  toml: 'toml',
  txt: 'text',
};

/** The type a new config is declared with: from its dataId's extension (as the Nacos console does), else text. */
export function typeForDataId(dataId: string): string {
  const dot = dataId.lastIndexOf('.');
  return (dot >= 0 && TYPE_BY_EXTENSION[dataId.slice(dot + 1).toLowerCase()]) || 'text';
}

/** A time from the API (ms number, numeric string or date string) as ms since the epoch. */
export function toMillis(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = typeof value === 'number' || /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

function metaFields(record: ConfigRecord): MetaField[] {
  const fields: MetaField[] = [];
  const add = (key: MetaFieldKey, value: string | null): void => {
    if (value !== null && value !== '') fields.push(metaField(key, value));
  };
  add('type', record.type);
  add('md5', record.md5);
  add('description', record.description);
  add('tags', record.tags);
  add('appName', record.appName);
  add('lastModified', record.modifiedAt === null ? null : new Date(record.modifiedAt).toISOString());
  add('created', record.createdAt === null ? null : new Date(record.createdAt).toISOString());
  return fields;
}

/** The NodeValue of a config, cut to `maxBytes` (0 = all); its token is the md5. */
export function configValue(path: string, record: ConfigRecord, maxBytes: number): NodeValue {
  return nodeWithValue(
    { path, token: record.md5, meta: metaFields(record), childCount: 0 },
    record.content,
    maxBytes,
  );
}
