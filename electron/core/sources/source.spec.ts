import { AppError } from '../../../shared/errors.js';
import {
  BACKEND_KINDS,
  KIND_DESCRIPTORS,
  kindOfScheme,
  type BackendKind,
} from '../../../shared/kinds/kinds.js';

/** A source as typed on a command line or in a form, before anything is opened. */
export type SourceSpec =
  | {
      type: 'url';
      kind: BackendKind;
      endpoints: string[];
      path: string;
      username: string | null;
      password: string | null;
      /** The spec with any password masked, for messages and reports. */
      label: string;
      /** Scheme, user and servers without the path (`etcd://root@h:2379`): the connection's name in the audit log. */
      server: string;
    }
  | { type: 'profile'; reference: string; label: string }
  | { type: 'file'; file: string; label: string };

const FORMS = [
  ...BACKEND_KINDS.flatMap((kind) => KIND_DESCRIPTORS[kind].source?.form ?? []),
  '@profile/path or file:snapshot.json',
].join(', ');

function invalid(text: string, why: string): AppError {
  return new AppError('INVALID_INPUT', `"${text}" is not a valid source (${why}); use ${FORMS}.`);
}

/** A store path from the part after the host: `/` when empty, a trailing slash dropped. */
export function normalizeSourcePath(text: string, raw: string): string {
  const path = raw === '' ? '/' : raw.length > 1 && raw.endsWith('/') ? raw.slice(0, -1) : raw;
  if (!path.startsWith('/') || path.includes('//') || path.includes('\u0000')) {
    throw invalid(text, 'the path must be absolute, without empty names');
  }
  return path;
}

function parseUrl(text: string, scheme: string, kind: BackendKind): SourceSpec {
  const rest = text.slice(scheme.length + 3);
  const slash = rest.indexOf('/');
  let authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = normalizeSourcePath(text, slash === -1 ? '' : rest.slice(slash));
  let username: string | null = null;
  let password: string | null = null;
  const at = authority.lastIndexOf('@');
  let label = text;
  let user = '';
  if (at !== -1) {
    const userinfo = authority.slice(0, at);
    authority = authority.slice(at + 1);
    const colon = userinfo.indexOf(':');
    username = decodeURIComponent(colon === -1 ? userinfo : userinfo.slice(0, colon));
    password = colon === -1 ? null : decodeURIComponent(userinfo.slice(colon + 1));
    user = `${username}@`;
    label = `${scheme}://${username}${password === null ? '' : ':***'}@${authority}${path === '/' ? '' : path}`;
  }
  const endpoints = authority.split(',').map((endpoint) => endpoint.trim());
  if (endpoints.some((endpoint) => !/^[^\s/:]+:\d{1,5}$/.test(endpoint))) {
    throw invalid(text, 'each server must be written host:port');
  }
  const server = `${scheme}://${user}${authority}`;
  return { type: 'url', kind, endpoints, path, username, password, label, server };
}

/** Parses a source spec; INVALID_INPUT with the accepted forms when it is none of them. */
export function parseSourceSpec(text: string): SourceSpec {
  const trimmed = text.trim();
  if (trimmed === '') throw invalid(text, 'it is empty');
  if (trimmed.startsWith('file:')) {
    const file = trimmed.slice('file:'.length);
    if (file === '') throw invalid(text, 'the file name is missing');
    return { type: 'file', file, label: trimmed };
  }
  if (trimmed.startsWith('@')) {
    if (trimmed.length === 1) throw invalid(text, 'the profile name is missing');
    return { type: 'profile', reference: trimmed.slice(1), label: trimmed };
  }
  const match = /^([a-z]+):\/\//.exec(trimmed);
  if (match === null) throw invalid(text, 'unknown form');
  const kind = kindOfScheme(match[1]!);
  if (kind === null) throw invalid(text, `unknown scheme ${match[1]}://`);
  return parseUrl(trimmed, match[1]!, kind);
}

/**
 * Splits `@name/path` against the saved profile names: the longest name that the reference starts with
 * (followed by `/` or nothing) wins, so names that themselves contain `/` work.
 */
export function splitProfileReference(
  reference: string,
  names: readonly string[],
): { name: string; path: string } | null {
  let best: string | null = null;
  for (const name of names) {
    const fits = reference === name || reference.startsWith(`${name}/`);
    if (fits && (best === null || name.length > best.length)) best = name;
  }
  if (best === null) return null;
  return { name: best, path: normalizeSourcePath(`@${reference}`, reference.slice(best.length)) };
}
