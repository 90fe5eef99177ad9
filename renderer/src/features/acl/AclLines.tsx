import { useTranslation } from 'react-i18next';
import type { AclEntry } from '../../../../shared/model/node.js';
import { entryLine, sameAcl } from './acl-draft.js';

interface Props {
  entries: readonly AclEntry[];
  /** Lines not in this ACL are marked as differing. */
  against?: readonly AclEntry[];
  testId: string;
}

/** An ACL as `scheme:id:perms` lines, those the other side lacks marked. */
export function AclLines({ entries, against, testId }: Props) {
  const { t } = useTranslation('acl');

  return (
    <ul className="acl-lines mono" data-testid={testId}>
      {entries.length === 0 && <li className="muted">{t('aclLines.noEntries')}</li>}
      {entries.map((entry, index) => {
        const line = entryLine(entry);
        const differs = against !== undefined && !against.some((one) => sameAcl([one], [entry]));
        return (
          <li key={`${line}:${index}`} className={differs ? 'acl-line-differs' : undefined}>
            {line}
          </li>
        );
      })}
    </ul>
  );
}
