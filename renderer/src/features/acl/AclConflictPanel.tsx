import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('acl');

  return (
    <div className="acl-conflict" data-testid="acl-conflict" data-acl-version={server.aclVersion}>
      <div className="notice notice-danger acl-warning">
        <b>{t('aclConflictPanel.notSavedTheAcl')}</b>
        <span>{t('aclConflictPanel.nothingWasOverwrittenLeft')}</span>
      </div>
      <div className="acl-compare">
        <div>
          <div className="caps-title">
            {t('aclConflictPanel.serverNowV', { aclVersion: server.aclVersion })}
          </div>
          <AclLines entries={server.entries} against={mine} testId="acl-conflict-server" />
        </div>
        <div>
          <div className="caps-title">{t('aclConflictPanel.yours')}</div>
          <AclLines entries={mine} against={server.entries} testId="acl-conflict-mine" />
        </div>
      </div>
      <div className="acl-actions">
        <Button small testId="acl-conflict-reload" onClick={onReload}>
          {t('aclConflictPanel.reloadServerAcl')}
        </Button>
        <Button small tone="danger" testId="acl-conflict-overwrite" onClick={onOverwrite}>
          {t('aclConflictPanel.overwriteWithMine')}
        </Button>
      </div>
    </div>
  );
}
