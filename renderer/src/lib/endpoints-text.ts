/**
 * Splits what the user typed in the endpoints box (comma separated or one per line) into endpoints.
 * A ZooKeeper chroot stays attached to the endpoint it follows (`h2:2181/app`), as the core expects.
 */
export function parseEndpointsText(text: string): string[] {
  return text
    .split(/[,\n\r]+/)
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
}

/** The form text for saved endpoints: one per line. */
export function endpointsToText(endpoints: readonly string[]): string {
  return endpoints.join('\n');
}
