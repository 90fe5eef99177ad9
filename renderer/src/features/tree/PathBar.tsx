import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Icon } from '../../components/Icon.js';
import { useCopyToClipboard } from '../../hooks/useCopyToClipboard.js';
import { breadcrumbs, pathProblem } from '../../lib/path-utils.js';
import './PathBar.css';

interface Props {
  selected: string | null;
  onGo: (path: string) => void;
  onRefresh: () => void;
}

/** Tolerates what people paste: a missing leading slash, a trailing slash. */
function normalizeTyped(typed: string): string {
  let path = typed.startsWith('/') ? typed : `/${typed}`;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

/** Go-to-path box, breadcrumbs of the selection, copy path and refresh. */
export function PathBar({ selected, onGo, onRefresh }: Props) {
  const { t } = useTranslation('tree');
  const { t: tCommon } = useTranslation('common');

  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { copy, copied } = useCopyToClipboard();

  const go = () => {
    const path = normalizeTyped(typed);
    const issue = pathProblem(path, tCommon);
    setProblem(issue);
    if (!issue) onGo(path);
  };

  return (
    <div className="path-bar">
      <div className="go-to">
        <input
          className={`input mono${problem ? ' input-invalid' : ''}`}
          data-testid="go-to-path"
          placeholder={t('pathBar.goToPathServices')}
          spellCheck={false}
          value={typed}
          title={problem ?? ''}
          onChange={(e) => {
            setTyped(e.target.value);
            setProblem(null);
          }}
          onKeyDown={(e) => e.key === 'Enter' && go()}
        />
        <button className="btn btn-sm" data-testid="go-to-path-button" onClick={go}>
          {t('pathBar.go')}
        </button>
      </div>
      {problem && (
        <span className="path-problem" data-testid="go-to-path-error">
          {problem}
        </span>
      )}
      <nav className="crumbs" data-testid="breadcrumbs" aria-label={t('pathBar.path')}>
        {selected &&
          breadcrumbs(selected).map((crumb, index) => (
            <span key={crumb.path} className="crumb-wrap">
              {index > 1 && <span className="crumb-sep">/</span>}
              <button
                className="crumb"
                data-testid="breadcrumb"
                data-path={crumb.path}
                onClick={() => onGo(crumb.path)}
              >
                {crumb.name}
              </button>
            </span>
          ))}
      </nav>
      <button
        className="btn btn-sm"
        data-testid="copy-path-button"
        disabled={!selected}
        onClick={() => selected && copy(selected)}
        title={t('pathBar.copyTheSelectedPath')}
      >
        <Icon name="copy" size={12} /> {copied ? t('pathBar.copied') : t('pathBar.copyPath')}
      </button>
      <button
        className="btn btn-sm"
        data-testid="refresh-button"
        onClick={onRefresh}
        title={t('pathBar.reloadTheTreeAnd')}
      >
        <Icon name="refresh" size={12} /> {t('pathBar.refresh')}
      </button>
    </div>
  );
}
