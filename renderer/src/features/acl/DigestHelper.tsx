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
        placeholder="user"
        aria-label="Digest user"
        spellCheck={false}
        value={user}
        onValue={setUser}
      />
      <TextInput
        testId="acl-digest-password"
        type="password"
        placeholder="password"
        aria-label="Digest password (hashed here, never stored)"
        autoComplete="off"
        value={password}
        onValue={setPassword}
        onEnter={() => void apply()}
      />
      <div className="acl-digest-actions">
        <span className="muted">Hashed here; the password is not kept.</span>
        <Button small onClick={onClose}>
          Close
        </Button>
        <Button small tone="primary" testId="acl-digest-apply" disabled={!ready} onClick={() => void apply()}>
          Use id
        </Button>
      </div>
    </div>
  );
}
