import type { AclEntry } from '../../../../shared/model/node.js';
import { Button } from '../../components/Button.js';
import type { ServerAcl } from './acl-conflict.js';
import { AclLines } from './AclLines.js';

interface Props {
  server: ServerAcl;
  mine: readonly AclEntry[];
  onReload: () => void;
  onOverwrite: () => void;
}

/**
 * A save refused because the ACL changed on the server since it was read: the server's ACL beside the
 * user's (nothing was overwritten). Reload discards the user's entries; Overwrite saves them again, guarded
 * by the server's newer ACL version.
 */
export function AclConflictPanel({ server, mine, onReload, onOverwrite }: Props) {
  return (
    <div className="acl-conflict" data-testid="acl-conflict" data-acl-version={server.aclVersion}>
      <div className="notice notice-danger acl-warning">
        <b>Not saved: the ACL changed on the server.</b>
        <span>Nothing was overwritten. Left: the server now · Right: yours.</span>
      </div>
      <div className="acl-compare">
        <div>
          <div className="caps-title">Server now (v{server.aclVersion})</div>
          <AclLines entries={server.entries} against={mine} testId="acl-conflict-server" />
        </div>
        <div>
          <div className="caps-title">Yours</div>
          <AclLines entries={mine} against={server.entries} testId="acl-conflict-mine" />
        </div>
      </div>
      <div className="acl-actions">
        <Button small testId="acl-conflict-reload" onClick={onReload}>
          Reload server ACL
        </Button>
        <Button small tone="danger" testId="acl-conflict-overwrite" onClick={onOverwrite}>
          Overwrite with mine
        </Button>
      </div>
    </div>
  );
}
