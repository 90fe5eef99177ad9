import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { adminRemovalSentence, removesOwnAdmin } from '../../../../shared/acl/acl.rules.js';
import type { AclIdentity, NodeAcl } from '../../../../shared/model/acl.js';
import type { AclEntry } from '../../../../shared/model/node.js';
import { Button } from '../../components/Button.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { hasCode } from '../../errors/error-messages.js';
import { useToasts } from '../../errors/ToastContext.js';
import { aclConflictOf, type ServerAcl } from './acl-conflict.js';
import { sameAcl } from './acl-draft.js';
import { AclConflictPanel } from './AclConflictPanel.js';
import { AclEntryRow } from './AclEntryRow.js';
import { AclRecursiveDialog } from './AclRecursiveDialog.js';
import { AclSaveDialog } from './AclSaveDialog.js';
import { useAclDraft } from './useAclDraft.js';
import { useNodeAcl, useSetAcl } from './useNodeAcl.js';
import './acl.css';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

export interface AclEditTarget {
  connectionId: string;
  connectionName: string;
  path: string;
  prod: boolean;
}

/** The editor once the node's ACL (with its version) is read. */
export function AclEditor(target: AclEditTarget) {
  const { t } = useTranslation('acl');

  const { acl, identities } = useNodeAcl(target.connectionId, target.path);
  if (acl.isError) return <ErrorLine error={acl.error} testId="acl-error" />;
  if (acl.data === undefined) return <div className="muted meta-empty">{t('aclEditor.readingTheAcl')}</div>;
  return (
    <AclForm
      key={target.path}
      {...target}
      read={acl.data}
      identities={identities.data ?? null}
      refetch={() => acl.refetch()}
    />
  );
}

interface FormProps extends AclEditTarget {
  read: NodeAcl;
  identities: AclIdentity[] | null;
  refetch: () => Promise<unknown>;
}

type Dialog = 'save' | 'recursive' | null;

/**
 * The ACL lines as editable rows, checked as they are typed; Save is guarded by the ACL version read (a
 * CONFLICT shows the server's ACL beside these), asks for the path on prod, and warns before taking ADMIN
 * from every identity of the session. "Apply to subtree" plans the same ACL for everything below.
 */
function AclForm({ connectionId, connectionName, path, prod, read, identities, refetch }: FormProps) {
  const { t } = useTranslation('acl');
  const say = useCoreSentence();

  const draft = useAclDraft(read.entries);
  const save = useSetAcl(connectionId, path);
  const { showError } = useToasts();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [conflict, setConflict] = useState<ServerAcl | null>(null);
  /** What the next save replaces and is guarded by: the ACL read, or the server's after "Overwrite". */
  const [base, setBase] = useState<ServerAcl>(read);
  /** The core refused for the admin rule although the identities known here did not say so. */
  const [adminRefused, setAdminRefused] = useState(false);

  // A newer read (a refresh, another save) becomes the base when nothing is being edited; React's way of
  // following a prop without an effect.
  const [seen, setSeen] = useState(read);
  if (seen !== read) {
    setSeen(read);
    // An edit the server now holds (a subtree apply wrote it) is no longer one.
    if (conflict === null && (!draft.dirty || sameAcl(draft.entries, read.entries))) {
      draft.reset(read.entries);
      setBase(read);
    }
  }

  const removesAdmin = adminRefused || (identities !== null && removesOwnAdmin(draft.entries, identities));
  const valid = draft.problems.length === 0 && draft.entries.length > 0;
  const canSave = draft.dirty && valid && conflict === null && !save.isPending;

  const write = (confirmation: string | undefined, guard: ServerAcl = base) => {
    save.mutate(
      {
        entries: draft.entries,
        aclVersion: guard.aclVersion,
        confirmRemoveAdmin: removesAdmin,
        ...(confirmation === undefined ? {} : { confirmation }),
      },
      {
        onSuccess: (written) => {
          setDialog(null);
          setAdminRefused(false);
          draft.reset(written.entries);
          setBase(written);
        },
        onError: (error) => {
          setDialog(null);
          if (hasCode(error, 'CONFLICT')) {
            setConflict(aclConflictOf(error) ?? guard);
          } else if (
            hasCode(error, 'CONFIRMATION_REQUIRED') &&
            error.message === adminRemovalSentence(path)
          ) {
            setAdminRefused(true);
            setDialog('save');
          } else showError(error, t('aclForm.saveTheAclOf', { path }));
        },
      },
    );
  };

  /** Saves at once, or asks first (prod, admin removal); `guard` is the server ACL the save replaces. */
  const startSave = (guard: ServerAcl = base) => {
    setBase(guard);
    if (prod || removesAdmin) setDialog('save');
    else write(undefined, guard);
  };

  const reload = (server: ServerAcl) => {
    setConflict(null);
    draft.reset(server.entries);
    setBase(server);
    void refetch();
  };

  const overwrite = (server: ServerAcl) => {
    setConflict(null);
    startSave(server);
  };

  return (
    <div
      className="acl-editor"
      data-testid="acl-editor"
      data-acl-version={base.aclVersion}
      data-dirty={draft.dirty}
    >
      {conflict ? (
        <AclConflictPanel
          server={conflict}
          mine={draft.entries}
          onReload={() => reload(conflict)}
          onOverwrite={() => overwrite(conflict)}
        />
      ) : (
        <>
          {draft.draft.map((entry) => (
            <AclEntryRow
              key={entry.key}
              entry={entry}
              onChange={(patch: Partial<AclEntry>) => draft.update(entry.key, patch)}
              onRemove={() => draft.remove(entry.key)}
            />
          ))}
          {draft.draft.length === 0 && <div className="muted meta-empty">{t('aclForm.noEntries')}</div>}
          {draft.problems.length > 0 && (
            <ul className="acl-problems" data-testid="acl-problems">
              {draft.problems.map((problem) => (
                <li key={problem} data-testid="acl-problem">
                  {say(problem)}
                </li>
              ))}
            </ul>
          )}
          <div className="acl-actions">
            <Button small testId="acl-add" onClick={draft.add}>
              {t('aclForm.entry')}
            </Button>
            <span className="spacer" />
            <Button
              small
              testId="acl-revert"
              disabled={!draft.dirty}
              onClick={() => draft.reset(read.entries)}
            >
              {t('aclForm.revert')}
            </Button>
            <Button
              small
              tone="primary"
              testId="acl-save"
              disabled={!canSave}
              busy={save.isPending}
              busyLabel={t('busy.saving')}
              onClick={() => canSave && startSave()}
            >
              {t('aclForm.saveAcl')}
            </Button>
          </div>
          <div className="acl-actions">
            <span className="muted" data-testid="acl-version">
              {t('aclForm.aclVersion', { aclVersion: base.aclVersion })}
            </span>
            <span className="spacer" />
            <Button
              small
              tone="ghost"
              testId="acl-recursive-open"
              disabled={!valid}
              onClick={() => setDialog('recursive')}
            >
              {t('aclForm.applyToSubtree')}
            </Button>
          </div>
        </>
      )}
      {dialog === 'save' && (
        <AclSaveDialog
          path={path}
          before={base.entries}
          after={draft.entries}
          prod={prod}
          removesAdmin={removesAdmin}
          saving={save.isPending}
          onConfirm={write}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'recursive' && (
        <AclRecursiveDialog
          connectionId={connectionId}
          connectionName={connectionName}
          path={path}
          entries={draft.entries}
          prod={prod}
          removesAdmin={removesAdmin}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
