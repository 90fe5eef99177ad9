/** The warning before a save that takes ADMIN from every identity of the session (UI text, kept here). */
export function adminRemovalWarning(path: string): string {
  return `No identity of this session keeps the admin permission (a) on ${path}: once saved, this console could not change the ACL back (only an identity the new ACL gives admin, or the super user, could).`;
}
