import { useTranslation } from 'react-i18next';
import type { Grant } from '../../../../shared/model/principals.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

/** A principal's grants, one line each: the access, what it covers, and where it comes from. */
export function GrantList({ grants }: { grants: readonly Grant[] }) {
  const { t } = useTranslation('access');
  const say = useCoreSentence();

  if (grants.length === 0) return <span className="faint">{t('grantList.nothingGranted')}</span>;
  return (
    <ul className="grant-list">
      {grants.map((grant, index) => (
        <li key={index} data-testid="access-grant" data-access={grant.access} data-scope={grant.scope}>
          <span className="grant-access" data-access={grant.access}>
            {t(`grantAccess.${grant.access}`)}
          </span>
          <code className="mono grant-scope">{grant.scope}</code>
          {grant.note !== null && <span className="faint grant-note">{say(grant.note)}</span>}
        </li>
      ))}
    </ul>
  );
}
