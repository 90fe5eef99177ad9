import type { SentenceTable } from './sentence-table.js';

/**
 * What the ACL rules say about an ACL to be written (shared/acl/acl.rules.ts: the editor and the core check
 * the same rules), in English. The UI writes `sentencesAcl:<key>` instead;
 * test/unit/i18n/core-sentences.test.ts keeps the English catalogue equal to this table.
 */
export const ACL_SENTENCES = {
  noEntry: 'An ACL needs at least one entry.',
  unknownScheme: 'The scheme "{{scheme}}" is not one of {{schemes}}.',
  ipNotAnAddress: 'The ip id "{{id}}" is not an address a.b.c.d with an optional /bits.',
  ipPartAbove255: 'The ip id "{{id}}" has a part above 255.',
  ipTooManyBits: 'The ip id "{{id}}" has more than 32 bits.',
  worldNotAnyone: 'The world scheme takes the id "anyone", not "{{id}}".',
  digestMalformed:
    'The digest id "{{id}}" is not user:BASE64 (the user, a colon, and the 28-character SHA-1 digest).',
  idMissing: 'The {{scheme}} scheme needs an id.',
  noPermission: 'The entry {{entry}} grants no permission; give at least one of rwcda.',
  badPermissions:
    'The entry {{entry}} has permissions "{{permissions}}"; only the letters r w c d a are allowed.',
  adminRemoval:
    'This ACL removes the admin permission (a) of every identity this session has on {{path}}, so the node could not be changed back; confirm the removal to save it anyway.',
} as const satisfies SentenceTable;
