import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Button } from '../../components/Button.js';
import { Checkbox } from '../../components/Checkbox.js';
import { TextInput } from '../../components/TextInput.js';
import { pathProblem } from '../../lib/path-utils.js';
import { useWatchApi } from './WatchProvider.js';

/** Starts a stream by typing a path: the node alone or its whole subtree, optionally from a past revision. */
export function NewWatchForm({ connectionName }: { connectionName: string }) {
  const { t } = useTranslation('watch');
  const { t: tCommon } = useTranslation('common');

  const { watch, starting } = useWatchApi();
  const [path, setPath] = useState('/');
  const [recursive, setRecursive] = useState(true);
  const [since, setSince] = useState('');
  const typed = path.startsWith('/') ? path : `/${path}`;
  const problem =
    pathProblem(typed, tCommon) ??
    (since !== '' && !/^[0-9]+$/.test(since) ? t('newWatchForm.aRevisionIsA') : null);
  const start = () => {
    if (problem === null) watch(typed, recursive, since || undefined);
  };
  return (
    <div className="new-watch" data-testid="new-watch">
      <div className="caps-title">{t('newWatchForm.watchOn', { connectionName })}</div>
      <TextInput
        testId="watch-path"
        mono
        value={path}
        onValue={setPath}
        onEnter={start}
        placeholder={t('newWatchForm.appConfig')}
        spellCheck={false}
      />
      <Checkbox testId="watch-recursive" checked={recursive} onChange={setRecursive}>
        {t('newWatchForm.wholeSubtree')}
      </Checkbox>
      <TextInput
        testId="watch-since"
        mono
        value={since}
        onValue={setSince}
        onEnter={start}
        placeholder={t('newWatchForm.fromRevisionOptional')}
        aria-label={t('newWatchForm.fromRevisionOptional')}
        title={t('newWatchForm.storesWithRevisionsEtcd')}
      />
      {problem && path !== '' && (
        <div className="danger-text small" data-testid="watch-path-error">
          {problem}
        </div>
      )}
      <Button
        small
        tone="primary"
        testId="watch-start"
        busy={starting}
        busyLabel={t('busy.starting')}
        disabled={problem !== null}
        onClick={start}
      >
        {t('newWatchForm.startWatching')}
      </Button>
    </div>
  );
}
