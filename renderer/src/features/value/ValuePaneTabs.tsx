import { TabList } from '../../components/TabList.js';
import { useTranslation } from 'react-i18next';
import type { ValuePane } from './value-panes.js';

const TEST_IDS: Record<ValuePane, string> = {
  value: 'value-pane-button',
  history: 'history-button',
  listeners: 'listeners-button',
  watchers: 'watchers-button',
};

interface Props {
  panes: readonly ValuePane[];
  pane: ValuePane;
  onPane: (pane: ValuePane) => void;
  /** Unsaved edits are marked on the Value tab while another pane is shown. */
  dirty: boolean;
}

/** Value / History / Listeners / Watchers switch of the open node, shown only when the store has more than the value. */
export function ValuePaneTabs({ panes, pane, onPane, dirty }: Props) {
  const { t } = useTranslation('value');
  return (
    <TabList
      as="div"
      className="value-pane-tabs"
      tabClassName="value-pane-tab"
      tabs={panes}
      active={pane}
      onSelect={onPane}
      testIdOf={(p) => TEST_IDS[p]}
      labelOf={(p) => (
        <>
          {t(`valuePanes.${p}`)}
          {p === 'value' && dirty && pane !== 'value' && <span className="value-dirty"> ●</span>}
        </>
      )}
      markActive
    />
  );
}
