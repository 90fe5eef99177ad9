import { STORE_DEFAULTS, type KindDescriptor } from './kind.descriptor.js';

/** A ConfigDeck snapshot file opened as a connection: browsed like a cluster, never written. */
export const SNAPSHOT_KIND: KindDescriptor = {
  ...STORE_DEFAULTS,
  label: 'Snapshot file',
  // Snapshots are named as `file:<path>` sources, not by a URL scheme.
  source: null,
  readOnly: true,
  endpointsLabel: 'Snapshot file',
  endpointsPlaceholder: '/path/to/prod.json',
  endpointsHint: 'a ConfigDeck snapshot file (configdeck export); it opens read-only',
  usernameLabel: null,
  passwordLabel: 'Password',
  authHint: 'Snapshot files need no credentials',
  timeoutLabel: 'Load timeout (ms)',
};
