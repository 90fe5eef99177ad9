import { useState } from 'react';
import { Button } from '../../components/Button.js';
import { Checkbox } from '../../components/Checkbox.js';
import { TextInput } from '../../components/TextInput.js';
import { pathProblem } from '../../lib/path-utils.js';
import { useWatchApi } from './WatchProvider.js';

/** Starts a stream by typing a path: the node alone or its whole subtree, optionally from a past revision. */
export function NewWatchForm({ connectionName }: { connectionName: string }) {
  const { watch, starting } = useWatchApi();
  const [path, setPath] = useState('/');
  const [recursive, setRecursive] = useState(true);
  const [since, setSince] = useState('');
  const typed = path.startsWith('/') ? path : `/${path}`;
  const problem =
    pathProblem(typed) ?? (since !== '' && !/^[0-9]+$/.test(since) ? 'A revision is a whole number.' : null);
  const start = () => {
    if (problem === null) watch(typed, recursive, since || undefined);
  };
  return (
    <div className="new-watch" data-testid="new-watch">
      <div className="caps-title">Watch on {connectionName}</div>
      <TextInput
        testId="watch-path"
        mono
        value={path}
        onValue={setPath}
        onEnter={start}
        placeholder="/app/config"
        spellCheck={false}
      />
      <Checkbox testId="watch-recursive" checked={recursive} onChange={setRecursive}>
        Whole subtree
      </Checkbox>
      <TextInput
        testId="watch-since"
        mono
        value={since}
        onValue={setSince}
        onEnter={start}
        placeholder="From revision (optional)"
        aria-label="From revision (optional)"
        title="Stores with revisions (etcd) replay the changes since this revision, as far back as compaction allows"
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
        busyLabel="Starting…"
        disabled={problem !== null}
        onClick={start}
      >
        Start watching
      </Button>
    </div>
  );
}
