import { useTranslation } from 'react-i18next';
import type { AclEntry } from '../../../../shared/model/node.js';
import { ConfirmButtons } from '../../components/ConfirmButtons.js';
import { Dialog } from '../../components/Dialog.js';
import { PathTitle } from '../../components/PathTitle.js';
import { ProdConfirmField } from '../../components/ProdConfirmField.js';
import { useTypedConfirmation } from '../../hooks/useTypedConfirmation.js';
import { AclLines } from './AclLines.js';

interface Props {
  path: string;
  before: readonly AclEntry[];
  after: readonly AclEntry[];
  prod: boolean;
  /** The new ACL leaves ADMIN to none of the session's identities. */
  removesAdmin: boolean;
  saving: boolean;
  onConfirm: (confirmation: string | undefined) => void;
  onClose: () => void;
}

/**
 * Asked before an ACL save that needs it: on prod the path typed (as every write there), and when the new
 * ACL takes ADMIN from every identity of this session, the warning that the node could not be changed back.
 */
export function AclSaveDialog({
  path,
  before,
  after,
  prod,
  removesAdmin,
  saving,
  onConfirm,
  onClose,
}: Props) {
  const { t } = useTranslation('acl');

  const confirm = useTypedConfirmation(prod, path);
  const ready = confirm.confirmed && !saving;
  const submit = () => ready && onConfirm(confirm.confirmation);
  return (
    <Dialog
      tone={prod || removesAdmin ? 'danger' : 'normal'}
      title={<PathTitle action={t('aclSaveDialog.saveTheAclOf')} path={path} prod={prod} />}
      onClose={onClose}
      testId="acl-save-dialog"
      footer={
        <>
          <span className="spacer" />
          <ConfirmButtons
            onCancel={onClose}
            cancelTestId="acl-save-cancel"
            label={
              saving
                ? t('aclSaveDialog.saving')
                : removesAdmin
                  ? t('aclSaveDialog.removeMyAdminAnd')
                  : t('aclSaveDialog.writeToProduction')
            }
            testId="acl-save-confirm"
            tone="danger"
            disabled={!ready}
            onConfirm={submit}
          />
        </>
      }
    >
      {removesAdmin && (
        <div className="notice notice-danger acl-warning" data-testid="acl-admin-warning">
          {t('adminRemovalWarning', { path })}
        </div>
      )}
      <div className="acl-compare">
        <div>
          <div className="caps-title">{t('aclSaveDialog.now')}</div>
          <AclLines entries={before} against={after} testId="acl-save-before" />
        </div>
        <div>
          <div className="caps-title">{t('aclSaveDialog.afterTheSave')}</div>
          <AclLines entries={after} against={before} testId="acl-save-after" />
        </div>
      </div>
      <ProdConfirmField
        id="acl-save-confirm-input"
        testId="acl-save-confirm-input"
        confirm={confirm}
        onSubmit={submit}
      />
    </Dialog>
  );
}
