import type { CliContext } from './cli.context.js';

/** Session timeout for sources given as URLs (saved profiles keep their own). */
export const DEFAULT_TIMEOUT_MS = 10_000;

const SOURCES = `Sources:
  zk://host:port[,host:port]/path     etcd://host:port/path     consul://host:port/path
  nacos://host:port/<namespace>/<group>     @<saved profile name>/path     file:<snapshot.json>
  (user:password@ before the host authenticates; saved profiles carry their own auth and TLS)`;

const COMMANDS: Record<string, string> = {
  diff: `configdeck diff <left> <right> [--json] [--all] [--ignore GLOB]... [--normalize json|yaml]
                [--include-ephemeral] [--metadata] [--timeout MS]
  Compares keys by path relative to each root. Exit 0 when equal, 1 when they differ, 2 on error.`,
  sync: `configdeck sync <source> <target> [--dry-run|--apply] [--delete] [--only-new] [--yes] [--json]
                [--ignore GLOB]... [--normalize json|yaml] [--timeout MS]
  Prints the plan (dry run, the default) or applies it. --yes confirms a prod target.
  Exit 0 when planned or fully applied, 1 when some items were not applied, 2 on error.`,
  copy: `configdeck copy <source> <target> [--move] [--overwrite] [--yes] [--json] [--timeout MS]
  Copies the source node and its subtree to the target path (same or another store); keys the target
  already holds are kept unless --overwrite; ephemeral nodes are skipped. --move then deletes each source
  key whose copy reads back equal and that nobody changed meanwhile. --yes confirms a prod target (and
  source). Exit 0 when every node was copied (and moved), 1 when some were not, 2 on error.`,
  export: `configdeck export <source> -o <file> [--metadata] [--ignore GLOB]... [--timeout MS]
  Writes the keys below the source root to a snapshot file (-o - writes it to stdout).`,
  import: `configdeck import <file> <target> [--dry-run|--apply] [--delete] [--only-new] [--yes] [--json]
  A sync from a snapshot file.`,
  audit: `configdeck audit [--json | --format jsonl|csv] [--verify] [--connection NAME] [--env ENV] [--kind KIND]
        [--operation OP] [--outcome OUTCOME] [--path PREFIX] [--contains TEXT] [--user USER] [--since TIME]
        [--until TIME] [--limit N]
  Lists audit entries, newest first; every option narrows (TIME: ISO time or 30m, 12h, 7d ago; --contains: a
  case-insensitive substring of the path; OP: create, set, delete, sync, import, revert, acl, copy,
  move; OUTCOME: ok,
  conflict, refused, failed). --json prints the entries as a JSON array (at most --limit, 500 by default);
  --format streams every match as JSON Lines (the log's own lines) or CSV with a header. --verify checks the
  hash chain across every log file and exits 1 naming the first broken entry and its file.
configdeck audit revert <seq> [--yes] [--json]
  Reverts one entry (its seq as --json prints it): a set's value before is written back, a create deleted, a
  delete re-created, each only when the node is still as the entry left it. --yes confirms a prod connection.
  Exit 0 when reverted, 1 when the node moved since or the entry cannot be reverted, 2 on error.`,
  watch: `configdeck watch <source> [--json] [--since REV] [--duration SECONDS] [--timeout MS]
  Prints one line per change below the source root until interrupted or the duration ends; --json prints
  NDJSON {"time","type","path","mark","version","before","after","detail"} with paths relative to the root
  and values as {"encoding":"utf8|base64|sha256","value","size"}. --since replays from an etcd revision.
  Exit 2 with one sentence when the source cannot be watched.`,
  servers: `configdeck servers <source> [--json] [--timeout MS]
  The members of the source's cluster and their health. Exit 0 when all are up, 1 when any is down.`,
  watchers: `configdeck watchers <source> [--json] [--yes] [--timeout MS]
  Who watches or listens to the source's path (ZooKeeper sessions as 0x… with their ip:port; Nacos
  listeners with the version each holds). ZooKeeper's answer is costly for the servers: --yes runs it.
  Exit 2 with one sentence where the store cannot tell (etcd, Consul) or without --yes.`,
  history: `configdeck history <source-of-one-key> [--json] [--limit N] [--timeout MS]
  The key's versions newest first, one line each (id, time or revision, operation, who, size, note): etcd
  revisions and Nacos history from the server; for ZooKeeper and Consul this machine's audit entries.
  --json prints the report {"entries","serverKeeps","notes"}.`,
  search: `configdeck search <source> [--path PATTERN] [--value PATTERN] [--regex] [--json-aware]
                [--case-sensitive] [--max N] [--json] [--timeout MS]
  Finds nodes below the source root by path and by value (both must match when both are given); prints
  "path  excerpt" lines (--json: NDJSON matches) and the counts on stderr. A path pattern with * ? or [ is
  a glob unless --regex, which makes both patterns regexes; --json-aware matches keys and values inside
  JSON documents (with their JSON pointer). Binary values are skipped for --value and counted.
  Exit 0 with matches, 1 without, 2 on error.`,
  acl: `configdeck acl get <source> [--json] [--timeout MS]
  A ZooKeeper node's ACL, one scheme:id:perms line per entry, then its ACL version (--json: {"path",
  "entries","aclVersion"}).
configdeck acl set <source> <scheme:id:perms>... [--recursive] [--yes] [--remove-admin] [--json] [--timeout MS]
  Replaces the node's ACL (perms as letters r w c d a; the last colon-separated field is the perms:
  world:anyone:r, digest:ops:BASE64HASH:rwcda, ip:10.0.0.0/8:rw), guarded by the ACL version read first.
  --yes confirms a prod connection; --remove-admin confirms an ACL that leaves ADMIN to none of this
  session's identities. --recursive prints the plan (node count, the first differences) and applies it to
  every node of the subtree whose ACL differs, each audited; --yes then types the connection's name on prod.
  Exit 0 when set, 1 when some node of a recursive apply was not changed, 2 on error (a conflict or a refusal
  included).`,
  connections: `configdeck connections list [--json]
configdeck connections export [--file F] [--name NAME]... [--passphrase-env VAR | --passphrase-stdin] [--json]
configdeck connections import --file F [--dry-run] [--passphrase-env VAR | --passphrase-stdin] [--json]
  The saved profiles (list), a file of them in the --connections format (export: all or those named, to stdout
  without --file), and such a file imported by name (each profile added, updated or left unchanged; --dry-run
  prints only that preview). Passwords leave only sealed by a passphrase (scrypt, AES-256-GCM) read from the
  environment variable VAR or the first line of stdin, never from the command line; importing a sealed file
  needs the same passphrase. Exit 0 when done, 2 on error (a wrong passphrase imports nothing).`,
};

/** The usage of one command, or of all. */
export function usageText(command?: string): string {
  const body = command !== undefined && COMMANDS[command] ? [COMMANDS[command]] : Object.values(COMMANDS);
  return `${body.join('\n\n')}\n\n${SOURCES}\nData directory: CONFIGDECK_HOME, else the app's (profiles, secrets, audit log).`;
}

/** Prints a usage as the command's result (for --help). */
export function usage(context: CliContext, command?: string): number {
  context.print(usageText(command));
  return 0;
}
