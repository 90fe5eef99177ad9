import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { digestId } from '../../../../shared/acl/acl.digest.js';
import { Button } from '../../components/Button.js';
import { TextInput } from '../../components/TextInput.js';

interface Props {
  onId: (id: string) => void;
  onClose: () => void;
}

/**
 * Computes a digest entry's id `user:base64(sha1(user:password))` in the window itself: the password is
 * typed here, hashed with Web Crypto and forgotten; it is never stored or sent.
 */
export function DigestHelper({ onId, onClose }: Props) {
  const { t } = useTranslation('acl');

  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const ready = user.length > 0 && !user.includes(':') && password.length > 0;
  const apply = async () => {
    if (!ready) return;
    const id = await digestId(user, password);
    setPassword('');
    onId(id);
  };
  return (
    <div className="acl-digest" data-testid="acl-digest-helper">
      <TextInput
        testId="acl-digest-user"
        placeholder={t('digestHelper.user')}
        aria-label={t('digestHelper.digestUser')}
        spellCheck={false}
        value={user}
        onValue={setUser}
      />
      <TextInput
        testId="acl-digest-password"
        type="password"
        placeholder={t('digestHelper.password')}
        aria-label={t('digestHelper.digestPasswordHashedHere')}
        autoComplete="off"
        value={password}
        onValue={setPassword}
        onEnter={() => void apply()}
      />
      <div className="acl-digest-actions">
        <span className="muted">{t('digestHelper.hashedHereThePassword')}</span>
        <Button small onClick={onClose}>
          {t('digestHelper.close')}
        </Button>
        <Button small tone="primary" testId="acl-digest-apply" disabled={!ready} onClick={() => void apply()}>
          {t('digestHelper.useId')}
        </Button>
      </div>
    </div>
  );
}
