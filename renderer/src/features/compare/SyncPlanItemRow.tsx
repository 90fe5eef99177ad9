import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPlanView } from '../../../../shared/model/compare.js';

interface Props {
  item: SyncPlanView['items'][number];
  chosen: boolean;
  /** Once the plan has been applied its check marks are history: they no longer change. */
  disabled: boolean;
  top: number;
  height: number;
  onToggle: (path: string) => void;
}

/** One line of the virtual plan list: check box, action badge and relative path. */
export const SyncPlanItemRow = memo(function SyncPlanItemRow({
  item,
  chosen,
  disabled,
  top,
  height,
  onToggle,
}: Props) {
  const { t } = useTranslation('compare');
  const action = t(`syncAction.${item.action}`);
  return (
    <label
      className={`virtual-line compare-line sync-item${disabled ? ' sync-item-disabled' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
      data-testid="sync-item"
      data-path={item.path}
      data-action={item.action}
    >
      <input
        type="checkbox"
        checked={chosen}
        disabled={disabled}
        aria-label={`${action} ${item.path}`}
        onChange={() => onToggle(item.path)}
      />
      <span className="compare-status" data-action={item.action}>
        {action}
      </span>
      <span className="mono compare-path" title={item.path}>
        {item.path}
      </span>
    </label>
  );
});
