import { isUtf8 } from 'node:buffer';
import { AppError } from '../../../../shared/errors.js';

/** A value as a snapshot stores it: UTF-8 text when the bytes are valid UTF-8, else base64. */
export interface EncodedValue {
  encoding: 'utf8' | 'base64';
  value: string;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Text when the bytes round-trip through UTF-8 exactly, base64 otherwise. */
export function encodeValue(bytes: Buffer): EncodedValue {
  return isUtf8(bytes)
    ? { encoding: 'utf8', value: bytes.toString('utf8') }
    : { encoding: 'base64', value: bytes.toString('base64') };
}

/** The bytes of a stored value; INVALID_INPUT for base64 that is not canonical. */
export function decodeValue(encoded: EncodedValue, path: string): Buffer {
  if (encoded.encoding === 'utf8') return Buffer.from(encoded.value, 'utf8');
  if (!BASE64.test(encoded.value)) {
    throw new AppError('INVALID_INPUT', `The value of ${path} is marked base64 but is not valid base64.`);
  }
  return Buffer.from(encoded.value, 'base64');
}
